"""Computed values (codebook §5–§6) on plain data: no database."""

import pytest

from statutes import indicators, quotes


@pytest.mark.parametrize(
    ("days", "is_crime", "expected"),
    [
        (0, True, "petty"),
        (30, True, "petty"),
        (31, True, "misdemeanor_low"),
        (180, True, "misdemeanor_low"),
        (181, True, "misdemeanor_high"),
        (365, True, "misdemeanor_high"),
        (366, True, "over_one_year"),
        (15, False, "non_criminal"),
        (None, True, None),
        (None, None, None),
    ],
)
def test_tier_follows_the_codebook_day_limits(days, is_crime, expected):
    assert indicators.tier(days, is_crime) == expected


def test_enforceability_takes_the_strongest_decision_that_reaches_the_prong():
    assert indicators.enforceability([]) == "enforceable"
    assert indicators.enforceability([{"effects": ["upheld"], "carries": True}]) == "enforceable"
    assert indicators.enforceability([{"effects": ["narrowing_construction"], "carries": True}]) == "narrowed"
    assert (
        indicators.enforceability(
            [
                {"effects": ["narrowing_construction"], "carries": True},
                {"effects": ["invalidated_prong"], "carries": True},
            ]
        )
        == "unenforceable"
    )


def test_a_decision_on_language_that_no_longer_occurs_makes_the_prong_contested():
    assert indicators.enforceability([{"effects": ["invalidated_prong"], "carries": False}]) == "contested"
    assert indicators.enforceability([{"effects": ["upheld"], "carries": False}]) == "enforceable"


GOLB_LIKE = dict(
    pure_speech=True, threat_element="none", intent_objects=["annoy", "alarm"], effect_standard="none_required"
)


def test_annoyance_speech_flag_matches_the_golb_pattern():
    assert indicators.flag_annoyance_speech(**GOLB_LIKE) is True
    assert indicators.flag_annoyance_speech(**{**GOLB_LIKE, "threat_element": "required"}) is False
    assert indicators.flag_annoyance_speech(**{**GOLB_LIKE, "intent_objects": ["annoy", "threaten"]}) is False
    assert indicators.flag_annoyance_speech(**{**GOLB_LIKE, "effect_standard": "subjective_actual"}) is False
    assert indicators.flag_annoyance_speech(**{**GOLB_LIKE, "pure_speech": False}) is False


def test_an_uncoded_input_leaves_the_flag_unknown():
    assert indicators.flag_annoyance_speech(**{**GOLB_LIKE, "pure_speech": None}) is None
    assert (
        indicators.flag_threat_below_recklessness(threat_element=None, threat_mens_rea=None, mens_rea_inference="")
        is None
    )
    assert indicators.flag_speech_about_victim(pure_speech=True, communication_direction=None) is None


def test_threat_flag_matches_the_counterman_pattern():
    flag = indicators.flag_threat_below_recklessness
    assert flag(threat_element="required", threat_mens_rea="negligence_or_objective", mens_rea_inference="") is True
    assert flag(threat_element="required", threat_mens_rea="recklessness", mens_rea_inference="") is False
    assert flag(threat_element="none", threat_mens_rea="not_applicable", mens_rea_inference="") is False
    inference = "may infer purpose if the actor knew or should have known"
    assert flag(threat_element="functional_equivalent", threat_mens_rea="purpose", mens_rea_inference=inference) is True


def test_speech_about_victim_flag_matches_the_relerford_pattern():
    flag = indicators.flag_speech_about_victim
    assert flag(pure_speech=True, communication_direction="to_or_about_victim") is True
    assert flag(pure_speech=True, communication_direction="to_victim") is False
    assert flag(pure_speech=False, communication_direction="about_victim_to_others") is False


def test_quote_normalization_follows_the_codebook():
    raw = "“likely  *1309 to provoke” — a\u00a0violent response ."
    assert quotes.normalize(raw) == '"likely to provoke" - a violent response.'


def test_quote_segments_and_ellipses_must_occur_in_order():
    text = "A person commits an offense if, with intent to harass, the person: (1) sends repeated messages."
    assert quotes.missing_segments("with intent to harass … sends repeated messages", text) == []
    assert quotes.missing_segments("sends repeated messages … with intent to harass", text) != []
    segments = [
        {"text": "with intent to harass,", "pinpoint": "(a)"},
        {"text": "sends  repeated\nmessages", "pinpoint": "(1)"},
    ]
    assert quotes.missing_segments(segments, text) == []
    assert quotes.missing_segments([{"text": "sends threats", "pinpoint": "(1)"}], text) == ["sends threats"]
