"""The querysets every page, endpoint and export starts from, each fetching what its surfaces render."""

from django.db.models import Prefetch

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
