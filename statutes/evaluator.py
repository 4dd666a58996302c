"""A deterministic evaluator of eligibility rules (codebook §7) against a person's facts.

Pure Python: no ORM, no HTTP. Conditions use three-valued logic: a fact that was not given is unknown,
and a condition that depends on it is unknown unless the rest of the condition settles it.
"""

from dataclasses import dataclass, field

from statutes.choices import EligibilityResult as R
from statutes.rule_text import UNEXPRESSED, bar_text, describe, requirement_text

UNKNOWN = None


class OneOf(tuple):
    """A fact known only to be one of several values (e.g. "misdemeanor": low or high tier).

    A condition on it holds if it holds for every candidate, fails if it fails for every one, and is
    unknown otherwise."""


# Loose levels a person may give, mapped to the tiers they could be.
LEVEL_ALIASES = {
    "misdemeanor": OneOf(("petty", "misdemeanor_low", "misdemeanor_high")),
    "felony": OneOf(("over_one_year",)),
}
STALKING_FAMILIES = {"stalking", "cyberstalking"}


@dataclass(frozen=True)
class Reason:
    id: str
    kind: str  # applies_if | bar | requirement | override | unexpressed | incomplete
    outcome: str  # held | failed | unknown | not_applicable | waivable | cannot_check
    cite: str = ""
    quote: str = ""
    note: str = ""
    facts: tuple = ()  # the facts the criterion reads
    text: str = ""  # the criterion in plain words

    @classmethod
    def of(cls, criterion, kind, outcome, *, facts=(), text="", id=None):
        """The reason for one criterion of a rule, carrying its id, citation, quote and note."""
        return cls(
            id or criterion["id"],
            kind,
            outcome,
            criterion.get("cite", ""),
            criterion.get("quote", ""),
            criterion.get("note", ""),
            tuple(facts),
            text,
        )


@dataclass
class Evaluation:
    result: str
    reasons: list = field(default_factory=list)
    missing_facts: list = field(default_factory=list)  # [{"fact", "criteria"}], facts that would change the result
    discretion: list = field(default_factory=list)
    presumptions: list = field(default_factory=list)
    findings_required: list = field(default_factory=list)
    factors: list = field(default_factory=list)
    overrides: list = field(default_factory=list)
    cannot_check: list = field(default_factory=list)

    def as_dict(self):
        return {
            "result": self.result,
            "reasons": [r.__dict__ | {"facts": list(r.facts)} for r in self.reasons],
            "missing_facts": self.missing_facts,
            "discretion": self.discretion,
            "presumptions": self.presumptions,
            "findings_required": self.findings_required,
            "factors": self.factors,
            "overrides": self.overrides,
            "cannot_check": self.cannot_check,
        }


# -- conditions ---------------------------------------------------------------------------------------


def _compare(op, actual, expected):
    if isinstance(actual, (list, tuple, set)):
        wanted = set(expected) if isinstance(expected, list) else {expected}
        shares = bool(set(actual) & wanted)
        return {
            "in": shares,
            "not_in": not shares,
            "eq": list(actual) == expected,
            "neq": list(actual) != expected,
        }.get(op, False)
    try:
        if op == "eq":
            return actual == expected
        if op == "neq":
            return actual != expected
        if op == "in":
            return actual in expected
        if op == "not_in":
            return actual not in expected
        if op == "lt":
            return actual < expected
        if op == "lte":
            return actual <= expected
        if op == "gt":
            return actual > expected
        if op == "gte":
            return actual >= expected
    except TypeError:
        return False
    raise ValueError(f"unknown operator {op!r}")


def evaluate_condition(condition, facts):
    """True, False or None (unknown) for a condition against facts (a dict of fact name → value)."""
    if condition is None:
        return True
    if "fact" in condition:
        present = condition["fact"] in facts and facts[condition["fact"]] is not None
        if condition["op"] == "exists":
            return present == condition.get("value", True)
        if not present:
            return UNKNOWN
        actual = facts[condition["fact"]]
        if isinstance(actual, OneOf):
            values = {_compare(condition["op"], candidate, condition.get("value")) for candidate in actual}
            return values.pop() if len(values) == 1 else UNKNOWN
        return _compare(condition["op"], actual, condition.get("value"))
    if "all" in condition:
        values = [evaluate_condition(c, facts) for c in condition["all"]]
        return False if False in values else (True if all(v is True for v in values) else UNKNOWN)
    if "any" in condition:
        values = [evaluate_condition(c, facts) for c in condition["any"]]
        return True if True in values else (False if all(v is False for v in values) else UNKNOWN)
    if "not" in condition:
        value = evaluate_condition(condition["not"], facts)
        return None if value is None else not value
    raise ValueError(f"not a condition: {condition!r}")


def condition_facts(condition):
    """The fact names a condition reads, in order of appearance."""
    if not condition:
        return []
    if "fact" in condition:
        return [condition["fact"]]
    found = []
    for child in (
        condition.get("all", []) + condition.get("any", []) + ([condition["not"]] if "not" in condition else [])
    ):
        found += [f for f in condition_facts(child) if f not in found]
    return found


def _unknown_facts(condition, facts):
    return [f for f in condition_facts(condition) if facts.get(f) is None]


def _and(a, b):
    if a is False or b is False:
        return False
    if a is True and b is True:
        return True
    return UNKNOWN


def _not(a):
    return None if a is None else not a


# -- rules -------------------------------------------------------------------------------------------


def evaluate(rule, facts):
    """Evaluate one eligibility rule against facts. Same rule and facts always give the same result."""
    facts = {k: v for k, v in (facts or {}).items() if v is not None}
    ev = Evaluation(result=R.UNKNOWN)
    missing = {}

    def note_missing(condition, criterion):
        for fact in _unknown_facts(condition, facts):
            missing.setdefault(fact, [])
            if criterion not in missing[fact]:
                missing[fact].append(criterion)

    in_scope = evaluate_condition(rule.get("applies_if"), facts)
    if rule.get("applies_if"):
        outcome = {True: "held", False: "failed", None: "unknown"}[in_scope]
        applies = rule["applies_if"]
        ev.reasons.append(
            Reason.of(
                applies,
                "applies_if",
                outcome,
                id="applies_if",
                facts=condition_facts(applies),
                text=f"Covers the charge when {describe(applies)}",
            )
        )
        if in_scope is None:
            note_missing(applies, "applies_if")

    waivable = {o["bar"]: o for o in rule.get("overrides", [])}
    held_final, held_waivable, failed_requirement, undetermined = [], [], [], False
    for bar in rule.get("bars", []):
        when = evaluate_condition(bar["when"], facts)
        unless = evaluate_condition(bar.get("unless"), facts) if bar.get("unless") else False
        holds = _and(when, _not(unless))
        read = condition_facts(bar["when"]) + condition_facts(bar.get("unless"))
        if holds is True:
            outcome = "waivable" if bar["id"] in waivable else "held"
            (held_waivable if bar["id"] in waivable else held_final).append(bar["id"])
        elif holds is False:
            outcome = "not_applicable"
        else:
            outcome, undetermined = "unknown", True
            note_missing(bar["when"], bar["id"])
            if bar.get("unless"):
                note_missing(bar["unless"], bar["id"])
        ev.reasons.append(Reason.of(bar, "bar", outcome, facts=read, text=bar_text(bar)))

    for requirement in rule.get("requirements", []):
        when = evaluate_condition(requirement.get("when"), facts)
        met = evaluate_condition(requirement["require"], facts)
        read = condition_facts(requirement.get("when")) + condition_facts(requirement["require"])
        if when is False or met is True:
            outcome = "not_applicable" if when is False else "held"
        elif when is True and met is False:
            outcome = "failed"
            failed_requirement.append(requirement["id"])
        else:
            outcome, undetermined = "unknown", True
            note_missing(requirement.get("when"), requirement["id"])
            note_missing(requirement["require"], requirement["id"])
        ev.reasons.append(
            Reason.of(requirement, "requirement", outcome, facts=read, text=requirement_text(requirement))
        )

    for item in rule.get("unexpressed", []):
        ev.reasons.append(Reason.of(item, "unexpressed", "cannot_check", text=UNEXPRESSED))
        ev.cannot_check.append(
            {"id": item["id"], "cite": item["cite"], "quote": item.get("quote", ""), "note": item.get("note", "")}
        )
    if not rule.get("complete", False):
        note = "The rule was coded from an incomplete text: some criteria may be missing."
        ev.reasons.append(Reason("incomplete", "incomplete", "cannot_check", note=note, text=note))
        ev.cannot_check.append({"id": "incomplete", "cite": "", "quote": "", "note": note})

    ev.discretion = list(rule.get("discretion", []))
    ev.presumptions = list(rule.get("presumptions", []))
    ev.findings_required = list(rule.get("findings_required", []))
    ev.factors = list(rule.get("factors", []))
    ev.overrides = [o for o in rule.get("overrides", []) if o["bar"] in held_waivable]

    if in_scope is False:
        ev.result = R.NOT_IN_SCOPE
    elif held_final or failed_requirement:
        ev.result = R.INELIGIBLE
    elif held_waivable:
        ev.result = R.BARRED_UNLESS_OVERRIDE
    elif in_scope is None or undetermined or ev.cannot_check:
        ev.result = R.UNKNOWN
    elif ev.discretion or ev.findings_required:
        ev.result = R.ELIGIBLE_SUBJECT_TO_DISCRETION
    else:
        ev.result = R.ELIGIBLE

    if ev.result in (R.UNKNOWN, R.BARRED_UNLESS_OVERRIDE):
        ev.missing_facts = [{"fact": fact, "criteria": criteria} for fact, criteria in sorted(missing.items())]
    return ev


# -- facts ---------------------------------------------------------------------------------------------


def derive_facts(facts, *, penalty_classes=None, offenses=None, prongs=None):
    """Fill facts implied by others: a charged offense or prong gives the family and base class, and the
    charged penalty class gives the offense level and whether it is a crime (the class is the charged grade).

    `penalty_classes`: {slug: {"tier", "is_crime"}}; `offenses`: {slug: {"family", "penalty_class"}};
    `prongs`: {slug: {"offense", "penalty_class"}} — plain data, so this stays pure.
    """
    facts = {k: v for k, v in facts.items() if v is not None}
    prong = (prongs or {}).get(facts.get("charge.prong"))
    if prong:
        facts.setdefault("charge.offense", prong["offense"])
        if prong.get("penalty_class"):
            facts.setdefault("charge.penalty_class", prong["penalty_class"])
    offense = (offenses or {}).get(facts.get("charge.offense"))
    if offense:
        facts.setdefault("charge.offense_family", offense["family"])
        if offense.get("penalty_class"):
            facts.setdefault("charge.penalty_class", offense["penalty_class"])
    penalty = (penalty_classes or {}).get(facts.get("charge.penalty_class"))
    if penalty:
        if penalty.get("tier"):
            facts["charge.offense_level"] = penalty["tier"]
        if penalty.get("is_crime") is not None:
            facts.setdefault("charge.is_crime", penalty["is_crime"])
    level = facts.get("charge.offense_level")
    if isinstance(level, str) and level in LEVEL_ALIASES:
        facts["charge.offense_level"] = LEVEL_ALIASES[level]
    if facts.get("charge.offense_family") in STALKING_FAMILIES:
        # A stalking charge is in the excluded-category "stalking" that programs bar by name.
        categories = list(facts.get("charge.categories") or [])
        facts["charge.categories"] = categories + ([] if "stalking" in categories else ["stalking"])
    return facts


OPEN = {R.ELIGIBLE, R.ELIGIBLE_SUBJECT_TO_DISCRETION, R.BARRED_UNLESS_OVERRIDE, R.UNKNOWN}


# Facts fixed by the charged offense itself (as opposed to the facts of a case, such as the victim's age).
CHARGE_FACTS = {
    "charge.offense",
    "charge.prong",
    "charge.offense_family",
    "charge.penalty_class",
    "charge.offense_level",
    "charge.is_crime",
    "charge.categories",
}


def availability(rule, charge_facts):
    """How a program stands toward a charge from the charge alone, flipping DV status:
    available / available_unless_dv / only_if_dv / excluded / unclear.

    The charge is taken as charged: in no excluded category other than those its offense implies, with no
    enhancement. Facts of the case (the person's record, the victim, the stage) are left unknown, and only
    the charge's own facts can make the answer "unclear"."""
    charge_facts = {"charge.categories": [], "charge.enhancements": [], **charge_facts}
    outcomes = {}
    for dv in (False, True):
        ev = evaluate(rule, {**charge_facts, "charge.dv_related": dv})
        charge_unknown = any(m["fact"] in CHARGE_FACTS for m in ev.missing_facts)
        outcomes[dv] = "unclear" if charge_unknown else ("open" if ev.result in OPEN else "closed")
    if "unclear" in outcomes.values():
        return "unclear"
    return {
        ("open", "open"): "available",
        ("open", "closed"): "available_unless_dv",
        ("closed", "open"): "only_if_dv",
        ("closed", "closed"): "excluded",
    }[(outcomes[False], outcomes[True])]


AVAILABILITY_LABELS = {
    "available": "Available",
    "available_unless_dv": "Available unless DV-related",
    "only_if_dv": "Only if DV-related",
    "excluded": "Excluded",
    "unclear": "Unclear",
}
