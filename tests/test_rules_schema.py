"""The eligibility-rule JSON Schema and its reference checks (codebook §7)."""

from statutes.rules import rule_errors

DV_BAR = {"id": "dv", "when": {"fact": "charge.dv_related", "op": "eq", "value": True}, "cite": "§ 1(e)"}


def test_a_rule_with_every_part_is_valid():
    rule = {
        "complete": True,
        "applies_if": {"fact": "charge.offense_level", "op": "in", "value": ["petty", "misdemeanor_low"]},
        "bars": [
            DV_BAR,
            {
                "id": "non_crime",
                "when": {"fact": "charge.is_crime", "op": "eq", "value": False},
                "unless": {
                    "all": [
                        {"fact": "charge.dv_related", "op": "eq", "value": True},
                        {"not": {"fact": "defendant.age", "op": "lt", "value": 18}},
                    ]
                },
                "cite": "R. 3:28-1(c)(2)",
            },
        ],
        "requirements": [
            {
                "id": "consent",
                "when": {"fact": "procedure.stage", "op": "in", "value": ["pre_plea"]},
                "require": {"fact": "procedure.prosecutor_consents", "op": "eq", "value": True},
                "cite": "§ 170.55(1)",
            }
        ],
        "overrides": [{"id": "waiver", "bar": "dv", "actor": "prosecutor", "cite": "§ 2"}],
        "presumptions": [{"id": "first", "quote": "should ordinarily be limited", "cite": "§ 3"}],
        "findings_required": [{"id": "not_again", "actor": "judge", "quote": "not likely again", "cite": "§ 4"}],
        "factors": [{"id": "victim", "quote": "the victim's wishes", "cite": "§ 5"}],
        "discretion": [{"actor": "judge", "cite": "§ 6"}],
        "unexpressed": [{"id": "nonprobationable", "quote": "nonprobationable", "cite": "§ 7"}],
    }
    assert rule_errors(rule) == []


def test_complete_is_required():
    assert rule_errors({"bars": []}) == [("eligibility_rule", "'complete' is a required property")]


def test_unknown_facts_operators_and_values_are_named():
    assert (
        rule_errors({"complete": True, "bars": [{**DV_BAR, "when": {"fact": "charge.mood", "op": "eq", "value": 1}}]})[
            0
        ][0]
        == "eligibility_rule.bars[0].when.fact"
    )
    assert (
        rule_errors(
            {"complete": True, "bars": [{**DV_BAR, "when": {"fact": "charge.dv_related", "op": "like", "value": 1}}]}
        )[0][0]
        == "eligibility_rule.bars[0].when.op"
    )
    errors = rule_errors(
        {"complete": True, "applies_if": {"fact": "procedure.stage", "op": "eq", "value": "sentencing"}}
    )
    assert errors == [
        (
            "eligibility_rule.applies_if",
            "procedure.stage has no value 'sentencing'; allowed: pre_charge, pre_plea, after_plea, after_finding, before_trial",
        )
    ]


def test_criteria_need_ids_and_citations_and_unique_ids():
    assert rule_errors({"complete": True, "bars": [{"id": "dv", "when": DV_BAR["when"]}]})
    assert rule_errors({"complete": True, "bars": [DV_BAR, DV_BAR]}) == [
        ("eligibility_rule", "criterion id 'dv' is used more than once")
    ]


def test_an_override_must_name_an_actor_and_an_existing_bar():
    assert rule_errors({"complete": True, "bars": [DV_BAR], "overrides": [{"id": "w", "bar": "dv", "cite": "x"}]})
    assert rule_errors(
        {"complete": True, "bars": [DV_BAR], "overrides": [{"id": "w", "bar": "old", "actor": "judge", "cite": "x"}]}
    ) == [("eligibility_rule.overrides[0].bar", "no bar with id 'old'")]


def test_a_leaf_needs_a_value_unless_it_tests_existence():
    assert rule_errors({"complete": True, "applies_if": {"fact": "charge.offense", "op": "exists"}}) == []
    assert rule_errors({"complete": True, "applies_if": {"fact": "charge.offense", "op": "eq"}})
