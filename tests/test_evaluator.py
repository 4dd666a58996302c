"""The eligibility evaluator on plain data: operators, every part of a rule, every result, and properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statutes.evaluator import OneOf, availability, derive_facts, evaluate, evaluate_condition

DV = {"fact": "charge.dv_related", "op": "eq", "value": True}


@pytest.mark.parametrize(
    ("op", "actual", "value", "expected"),
    [
        ("eq", 3, 3, True),
        ("eq", 3, 4, False),
        ("neq", 3, 4, True),
        ("in", "petty", ["petty", "misdemeanor_low"], True),
        ("in", "over_one_year", ["petty"], False),
        ("not_in", "over_one_year", ["petty"], True),
        ("lt", 2, 5, True),
        ("lte", 5, 5, True),
        ("gt", 5, 5, False),
        ("gte", 5, 5, True),
        ("in", ["dui", "firearm"], ["firearm"], True),
        ("not_in", ["dui"], ["firearm"], True),
        ("lt", "three", 5, False),
    ],
)
def test_every_operator(op, actual, value, expected):
    assert (
        evaluate_condition(
            {"fact": "history.prior_convictions", "op": op, "value": value}, {"history.prior_convictions": actual}
        )
        is expected
    )


def test_exists_tests_whether_a_fact_was_given():
    assert evaluate_condition({"fact": "charge.offense", "op": "exists"}, {"charge.offense": "x"}) is True
    assert evaluate_condition({"fact": "charge.offense", "op": "exists"}, {}) is False
    assert evaluate_condition({"fact": "charge.offense", "op": "exists", "value": False}, {}) is True


def test_three_valued_logic_for_all_any_not():
    known_false = {"fact": "defendant.age", "op": "lt", "value": 18}
    unknown = DV
    facts = {"defendant.age": 30}
    assert evaluate_condition({"all": [known_false, unknown]}, facts) is False
    assert evaluate_condition({"all": [{"not": known_false}, unknown]}, facts) is None
    assert evaluate_condition({"any": [{"not": known_false}, unknown]}, facts) is True
    assert evaluate_condition({"any": [known_false, unknown]}, facts) is None
    assert evaluate_condition({"not": unknown}, facts) is None


def test_a_fact_known_only_as_one_of_several_values():
    condition = {"fact": "charge.offense_level", "op": "in", "value": ["petty", "misdemeanor_low", "misdemeanor_high"]}
    assert (
        evaluate_condition(condition, {"charge.offense_level": OneOf(("misdemeanor_low", "misdemeanor_high"))}) is True
    )
    assert evaluate_condition(condition, {"charge.offense_level": OneOf(("misdemeanor_high", "over_one_year"))}) is None


RULE = {
    "complete": True,
    "applies_if": {"fact": "charge.offense_level", "op": "in", "value": ["petty", "misdemeanor_low"], "cite": "§ 1(a)"},
    "bars": [
        {"id": "dv", "when": DV, "cite": "§ 1(e)(2)", "quote": "involving domestic violence"},
        {
            "id": "prior",
            "when": {"fact": "history.prior_convictions", "op": "gt", "value": 0},
            "unless": {"fact": "history.years_since_last_conviction", "op": "gte", "value": 10},
            "cite": "§ 1(f)",
        },
        {
            "id": "violent",
            "when": {"fact": "history.prior_violent_convictions", "op": "gt", "value": 0},
            "cite": "§ 1(g)",
        },
    ],
    "requirements": [
        {
            "id": "consent",
            "when": {"fact": "procedure.stage", "op": "eq", "value": "pre_plea"},
            "require": {"fact": "procedure.prosecutor_consents", "op": "eq", "value": True},
            "cite": "§ 2",
        }
    ],
    "overrides": [{"id": "waive_violent", "bar": "violent", "actor": "prosecutor", "cite": "§ 3"}],
    "presumptions": [{"id": "first", "quote": "ordinarily first offenders", "cite": "§ 4"}],
    "findings_required": [{"id": "no_risk", "actor": "judge", "quote": "not likely to reoffend", "cite": "§ 5"}],
    "factors": [{"id": "victim", "quote": "the victim's views", "cite": "§ 6"}],
    "discretion": [{"actor": "judge", "cite": "§ 1(a)"}],
}
CLEAN = {
    "charge.offense_level": "petty",
    "charge.dv_related": False,
    "history.prior_convictions": 0,
    "history.prior_violent_convictions": 0,
    "procedure.stage": "pre_plea",
    "procedure.prosecutor_consents": True,
}


def result(facts, rule=RULE):
    return evaluate(rule, facts).result


def test_not_in_scope_when_applies_if_fails():
    ev = evaluate(RULE, {**CLEAN, "charge.offense_level": "over_one_year"})
    assert ev.result == "not_in_scope"
    assert ev.reasons[0].id == "applies_if" and ev.reasons[0].outcome == "failed" and ev.reasons[0].cite == "§ 1(a)"


def test_ineligible_when_a_bar_holds_with_no_override():
    ev = evaluate(RULE, {**CLEAN, "charge.dv_related": True})
    assert ev.result == "ineligible"
    dv = next(r for r in ev.reasons if r.id == "dv")
    assert (dv.kind, dv.outcome, dv.cite, dv.quote) == ("bar", "held", "§ 1(e)(2)", "involving domestic violence")


def test_a_statutory_exception_lifts_a_bar():
    assert result({**CLEAN, "history.prior_convictions": 1, "history.years_since_last_conviction": 3}) == "ineligible"
    assert (
        result({**CLEAN, "history.prior_convictions": 1, "history.years_since_last_conviction": 12})
        == "eligible_subject_to_discretion"
    )


def test_barred_unless_override_names_who_may_waive():
    ev = evaluate(RULE, {**CLEAN, "history.prior_violent_convictions": 1})
    assert ev.result == "barred_unless_override"
    assert ev.overrides == [RULE["overrides"][0]]


def test_a_failed_requirement_makes_the_person_ineligible():
    assert result({**CLEAN, "procedure.prosecutor_consents": False}) == "ineligible"
    assert (
        result({**CLEAN, "procedure.stage": "after_plea", "procedure.prosecutor_consents": False})
        == "eligible_subject_to_discretion"
    )


def test_eligible_subject_to_discretion_lists_who_decides_and_what_they_weigh():
    ev = evaluate(RULE, CLEAN)
    assert ev.result == "eligible_subject_to_discretion"
    assert ev.discretion == RULE["discretion"]
    assert ev.presumptions == RULE["presumptions"]
    assert ev.findings_required == RULE["findings_required"]
    assert ev.factors == RULE["factors"]
    assert ev.missing_facts == []


def test_eligible_only_when_nothing_is_left_to_discretion():
    rule = {**RULE, "discretion": [], "findings_required": []}
    assert result(CLEAN, rule) == "eligible"


def test_unknown_lists_the_missing_facts_and_the_criteria_they_decide():
    ev = evaluate(RULE, {"charge.offense_level": "petty"})
    assert ev.result == "unknown"
    facts = {m["fact"]: m["criteria"] for m in ev.missing_facts}
    assert facts["charge.dv_related"] == ["dv"]
    assert facts["procedure.stage"] == ["consent"]
    assert "history.prior_convictions" in facts


def test_an_incomplete_rule_or_unexpressed_criterion_caps_the_result_at_unknown():
    ev = evaluate({**RULE, "complete": False}, CLEAN)
    assert ev.result == "unknown" and ev.cannot_check[0]["id"] == "incomplete"
    ev = evaluate(
        {**RULE, "unexpressed": [{"id": "nonprobationable", "cite": "§ 9", "quote": "nonprobationable"}]}, CLEAN
    )
    assert ev.result == "unknown" and ev.cannot_check[0]["id"] == "nonprobationable"
    # Negative answers stay sound even when the rule is incomplete.
    assert result({**CLEAN, "charge.dv_related": True}, {**RULE, "complete": False}) == "ineligible"


def test_the_charged_class_decides_the_offense_level():
    classes = {"nj-pdp": {"tier": "petty", "is_crime": False}, "nj-4th": {"tier": "over_one_year", "is_crime": True}}
    offenses = {"nj-2c-33-4": {"family": "general_harassment", "penalty_class": "nj-pdp"}}
    base = derive_facts({"charge.offense": "nj-2c-33-4"}, penalty_classes=classes, offenses=offenses)
    assert (base["charge.offense_level"], base["charge.is_crime"], base["charge.offense_family"]) == (
        "petty",
        False,
        "general_harassment",
    )
    enhanced = derive_facts(
        {"charge.offense": "nj-2c-33-4", "charge.penalty_class": "nj-4th"}, penalty_classes=classes, offenses=offenses
    )
    assert enhanced["charge.offense_level"] == "over_one_year" and enhanced["charge.is_crime"] is True


def test_a_stalking_charge_counts_in_the_stalking_category():
    assert derive_facts({"charge.offense_family": "stalking"})["charge.categories"] == ["stalking"]


def test_availability_from_the_charge_alone():
    assert availability(RULE, {"charge.offense_level": "petty"}) == "available_unless_dv"
    only_dv = {
        "complete": True,
        "bars": [{"id": "not_dv", "when": {"fact": "charge.dv_related", "op": "eq", "value": False}, "cite": "x"}],
    }
    assert availability(only_dv, {}) == "only_if_dv"
    assert availability(RULE, {"charge.offense_level": "over_one_year"}) == "excluded"
    assert availability(RULE, {}) == "unclear"
    assert availability({"complete": True}, {}) == "available"


# -- properties ---------------------------------------------------------------------------------------

FACT_VALUES = {
    "charge.offense_level": st.sampled_from(
        ["non_criminal", "petty", "misdemeanor_low", "misdemeanor_high", "over_one_year"]
    ),
    "charge.dv_related": st.booleans(),
    "history.prior_convictions": st.integers(0, 5),
    "history.years_since_last_conviction": st.integers(0, 30),
    "history.prior_violent_convictions": st.integers(0, 2),
    "procedure.stage": st.sampled_from(["pre_charge", "pre_plea", "after_plea"]),
    "procedure.prosecutor_consents": st.booleans(),
}
facts_strategy = st.fixed_dictionaries({}, optional=FACT_VALUES)


@given(facts_strategy)
def test_same_facts_same_result(facts):
    assert evaluate(RULE, facts).as_dict() == evaluate(RULE, dict(facts)).as_dict()


@given(facts_strategy)
def test_when_a_bar_holds_and_its_exception_does_not_the_result_is_never_eligible(facts):
    ev = evaluate(RULE, facts)
    if any(r.kind == "bar" and r.outcome in ("held", "waivable") for r in ev.reasons):
        assert ev.result not in ("eligible", "eligible_subject_to_discretion")


@given(facts_strategy)
def test_leaving_out_the_fact_a_bar_depends_on_gives_unknown_listing_it(facts):
    facts = {**CLEAN, **facts, "charge.offense_level": "petty", "procedure.prosecutor_consents": True}
    facts.pop("charge.dv_related")
    ev = evaluate(RULE, facts)
    if ev.result == "unknown":
        assert "charge.dv_related" in [m["fact"] for m in ev.missing_facts]
    else:
        # Only a definite bar or requirement elsewhere can settle the case without the DV answer.
        assert ev.result in ("ineligible", "barred_unless_override")


@given(facts_strategy)
def test_an_incomplete_rule_never_yields_an_eligible_result(facts):
    assert evaluate({**RULE, "complete": False}, facts).result not in ("eligible", "eligible_subject_to_discretion")
