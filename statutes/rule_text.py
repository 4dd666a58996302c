"""Eligibility rules in plain words (pure: used by the pages and the checker)."""

FACT_LABELS = {
    "charge.offense": "the charged offense",
    "charge.prong": "the charged prong",
    "charge.offense_family": "the offense family",
    "charge.penalty_class": "the charged grade",
    "charge.offense_level": "the level of the charge",
    "charge.is_crime": "the charge is a crime",
    "charge.probationable": "the charge is probationable",
    "charge.enhancements": "the enhancements charged",
    "charge.dv_related": "the charge is domestic-violence related",
    "charge.victim_minor_or_vulnerable": "the victim is a minor or vulnerable",
    "charge.firearm_used": "a firearm was used",
    "charge.categories": "the charge's categories",
    "defendant.age": "the person's age",
    "history.prior_convictions": "prior convictions",
    "history.prior_felony_convictions": "prior felony convictions",
    "history.prior_violent_convictions": "prior violent convictions",
    "history.years_since_last_conviction": "years since the last conviction",
    "history.prior_diversion": "the person had diversion before",
    "history.prior_diversion_programs": "earlier diversion programs",
    "procedure.stage": "the stage of the case",
    "procedure.trial_commenced": "trial has begun",
    "procedure.protective_order_in_effect": "a protective order is in effect",
    "procedure.prosecutor_consents": "the prosecutor agrees",
    "procedure.victim_consents": "the victim agrees",
    "procedure.defendant_consents": "the person agrees",
    "procedure.plea_entered": "a guilty plea has been entered",
}
# How a yes/no fact reads when it is false.
FACT_NEGATIONS = {
    "charge.is_crime": "the charge is not a crime",
    "charge.probationable": "the charge is not probationable",
    "charge.dv_related": "the charge is not domestic-violence related",
    "charge.victim_minor_or_vulnerable": "the victim is neither a minor nor vulnerable",
    "charge.firearm_used": "no firearm was used",
    "history.prior_diversion": "the person never had diversion before",
    "procedure.trial_commenced": "trial has not begun",
    "procedure.protective_order_in_effect": "no protective order is in effect",
    "procedure.prosecutor_consents": "the prosecutor does not agree",
    "procedure.victim_consents": "the victim does not agree",
    "procedure.defendant_consents": "the person does not agree",
    "procedure.plea_entered": "no guilty plea has been entered",
}
OPS = {
    "eq": "is",
    "neq": "is not",
    "in": "is one of",
    "not_in": "is none of",
    "lt": "is under",
    "lte": "is at most",
    "gt": "is over",
    "gte": "is at least",
}


def _value(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v).replace("_", " ") for v in value)
    return str(value).replace("_", " ")


def describe(condition):
    """A condition in words, e.g. "the charge is domestic-violence related is yes"."""
    if not condition:
        return "always"
    if "fact" in condition:
        label = FACT_LABELS.get(condition["fact"], condition["fact"])
        if condition["op"] == "exists":
            return f"{label} is known" if condition.get("value", True) else f"{label} is not known"
        if isinstance(condition.get("value"), bool) and condition["op"] in ("eq", "neq"):
            positive = (condition["value"] is True) == (condition["op"] == "eq")
            return label if positive else FACT_NEGATIONS.get(condition["fact"], f"not: {label}")
        return f"{label} {OPS[condition['op']]} {_value(condition.get('value'))}"
    if "all" in condition:
        return " and ".join(
            f"({describe(c)})" if len(c) == 1 and ("all" in c or "any" in c) else describe(c) for c in condition["all"]
        )
    if "any" in condition:
        return " or ".join(describe(c) for c in condition["any"])
    if "not" in condition:
        return f"not ({describe(condition['not'])})"
    return "?"


UNEXPRESSED = "A criterion that no answer here can express"


def bar_text(bar):
    text = f"Barred when {describe(bar['when'])}"
    return text + (f", unless {describe(bar['unless'])}" if bar.get("unless") else "")


def requirement_text(requirement):
    text = f"Requires that {describe(requirement['require'])}"
    return text + (f", when {describe(requirement['when'])}" if requirement.get("when") else "")


def rule_in_words(rule):
    """[(kind, text, cite, quote)] lines describing a rule."""
    if not rule:
        return []
    lines = []
    if rule.get("applies_if"):
        lines.append(
            ("scope", f"Covers a charge when {describe(rule['applies_if'])}.", rule["applies_if"].get("cite", ""), "")
        )
    for bar in rule.get("bars", []):
        text = bar_text(bar)
        waiver = [o for o in rule.get("overrides", []) if o["bar"] == bar["id"]]
        if waiver:
            text += f" (the {waiver[0]['actor'].replace('_', ' ')} may waive this)"
        lines.append(("bar", text + ".", bar["cite"], bar.get("quote", "")))
    for req in rule.get("requirements", []):
        text = requirement_text(req)
        lines.append(("requirement", text + ".", req["cite"], req.get("quote", "")))
    for item in rule.get("presumptions", []):
        lines.append(("presumption", "Ordinarily: " + item["quote"], item["cite"], ""))
    for item in rule.get("findings_required", []):
        lines.append(("finding", f"The {item['actor'].replace('_', ' ')} must find: {item['quote']}", item["cite"], ""))
    for item in rule.get("factors", []):
        lines.append(("factor", "Weighed: " + item["quote"], item["cite"], ""))
    for item in rule.get("discretion", []):
        lines.append(
            (
                "discretion",
                f"Left to the {item['actor'].replace('_', ' ')}'s discretion.",
                item["cite"],
                item.get("quote", ""),
            )
        )
    for item in rule.get("unexpressed", []):
        lines.append(
            (
                "unexpressed",
                "Not checkable here: " + (item.get("quote") or item.get("note") or item["id"]),
                item["cite"],
                "",
            )
        )
    if not rule.get("complete"):
        lines.append(("incomplete", "The text of this rule could not be read whole: criteria may be missing.", "", ""))
    return lines
