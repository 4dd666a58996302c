"""The querysets every page, endpoint and export starts from, each fetching what its surfaces render."""

from django.db.models import F, Prefetch

from statutes.models import CourtDecision, DiversionProgram, Exemption, Jurisdiction, Offense, PenaltyClass, Prong


def jurisdictions():
    return Jurisdiction.objects.select_related("primary_offense").order_by("code")


def prongs():
    return Prong.objects.select_related("offense__jurisdiction", "penalty_class").order_by(
        "offense__jurisdiction__code", "offense__citation", "offense__effective_from", "pinpoint"
    )


def offenses():
    return Offense.objects.select_related("jurisdiction").order_by("jurisdiction__code", "citation", "effective_from")


def offense_detail():
    return offenses().prefetch_related(
        Prefetch("prongs", queryset=prongs()),
        Prefetch("exemptions", queryset=Exemption.objects.prefetch_related("prongs").order_by("slug")),
        Prefetch("enhancements", queryset=_enhancements()),
    )


def _enhancements():
    from statutes.models import Enhancement

    return Enhancement.objects.select_related("resulting_class", "defined_as_offense").order_by("slug")


def penalty_classes():
    return PenaltyClass.objects.select_related("jurisdiction").order_by("jurisdiction__code", "max_jail_days", "slug")


def decisions():
    return (
        CourtDecision.objects.select_related("jurisdiction", "offense")
        .prefetch_related("prongs")
        .order_by("jurisdiction__code", "decided_on", "slug")
    )


def programs():
    return DiversionProgram.objects.select_related("jurisdiction").order_by("jurisdiction__code", "slug")


def jurisdiction_detail():
    """A jurisdiction with everything its page and API detail show, in a fixed number of queries."""
    return jurisdictions().prefetch_related(
        Prefetch("offenses", queryset=offense_detail()),
        Prefetch("penalty_classes", queryset=penalty_classes()),
        Prefetch("diversion_programs", queryset=programs()),
        Prefetch("decisions", queryset=decisions()),
    )


# -- the map ---------------------------------------------------------------------------------------

MAP_PRONG_VARIABLES = [
    "mens_rea_level",
    "repetition",
    "threat_element",
    "effect_standard",
    "pure_speech",
    "prior_request_to_stop",
    "enforceability",
]
MAP_JURISDICTION_VARIABLES = ["has_offense_titled_harassment", "dv_definition_model", "kind"]
MAP_FLAG_VARIABLES = ["flag_annoyance_speech", "flag_threat_below_recklessness", "flag_speech_about_victim"]


def map_variables():
    """The variables a reader can colour the map by: (name, label, help_text), from the models."""
    from statutes.codebook import PRONG_VARIABLES, variables

    jur = {v.name: v for v in variables(Jurisdiction)}
    out = [("coverage", "Coverage of the codebook", "How much of codebook §8 is coded for the jurisdiction.")]
    out += [(n, jur[n].label, jur[n].help_text) for n in MAP_JURISDICTION_VARIABLES]
    out += [
        (n, f"Primary offense: {PRONG_VARIABLES[n].label.lower()}", PRONG_VARIABLES[n].help_text)
        for n in MAP_PRONG_VARIABLES
    ]
    out += [
        (n, f"Any prong: {PRONG_VARIABLES[n].label.lower()}", PRONG_VARIABLES[n].help_text) for n in MAP_FLAG_VARIABLES
    ]
    out += [("diversion", "Diversion programs coded", "How many diversion mechanisms are coded for the jurisdiction.")]
    return out


def map_values(name):
    """({code: value}, {value: label}) for one map variable, in a fixed number of queries."""
    from statutes.codebook import PRONG_VARIABLES, variables
    from statutes.coverage import coverage

    if name == "coverage":
        values = {c.code: ("complete" if c.complete else "partial" if c.rows else None) for c in coverage()}
        return values, {"complete": "Complete", "partial": "Partly coded"}
    if name in MAP_JURISDICTION_VARIABLES:
        var = {v.name: v for v in variables(Jurisdiction)}[name]
        labels = {True: "Yes", False: "No"} if var.kind == "bool" else dict(var.choices)
        return dict(Jurisdiction.objects.values_list("code", name)), labels
    if name == "diversion":
        counts = {code: 0 for code in Jurisdiction.objects.values_list("code", flat=True)}
        for code in DiversionProgram.objects.values_list("jurisdiction__code", flat=True):
            counts[code] += 1
        return {c: (None if n == 0 else "1" if n == 1 else "2+") for c, n in counts.items()}, {
            "1": "One",
            "2+": "Two or more",
        }
    var = PRONG_VARIABLES[name]
    labels = {True: "Yes", False: "No"} if var.kind == "bool" else dict(var.choices)
    seen = {}
    if name in MAP_FLAG_VARIABLES:
        rows = Prong.objects.filter(offense__effective_to__isnull=True).values_list("offense__jurisdiction__code", name)
        for code, value in rows:
            seen.setdefault(code, set()).add(value)
        return {
            code: True if True in vals else (False if vals == {False} else None) for code, vals in seen.items()
        }, labels
    rows = Prong.objects.filter(offense__jurisdiction__primary_offense=F("offense")).values_list(
        "offense__jurisdiction__code", name
    )
    for code, value in rows:
        seen.setdefault(code, set()).add(value)
    return {code: (next(iter(vals)) if len(vals) == 1 else "mixed") for code, vals in seen.items()}, labels


# -- the comparison matrix ---------------------------------------------------------------------------


def cell_value(obj, name):
    """The stored value of a column for one row (related rows by their label or slug)."""
    value = getattr(obj, name)
    if name == "penalty_class":
        return value.label if value else None
    return value


def comparison_rows(rows, kind, columns):
    """The matrix rows as plain dicts: identity columns, then the chosen columns' stored values.

    The page renders these, and `?format=csv|json` serializes exactly these, so they cannot differ."""
    out = []
    for obj in rows:
        if kind == "prongs":
            offense = obj.offense
            base = {
                "jurisdiction": offense.jurisdiction.code,
                "offense": offense.slug,
                "citation": obj.citation or offense.citation,
                "pinpoint": obj.pinpoint,
                "slug": obj.slug,
                "name": offense.name,
            }
        else:
            base = {
                "jurisdiction": obj.jurisdiction.code,
                "offense": obj.slug,
                "citation": obj.citation,
                "pinpoint": "",
                "slug": obj.slug,
                "name": obj.name,
            }
        base.update({name: cell_value(obj, name) for name in columns})
        out.append(base)
    return out
