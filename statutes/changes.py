"""Recent data changes, read from the history every coded model keeps (django-simple-history)."""

from heapq import merge

from statutes.models import (
    CourtDecision,
    DiversionProgram,
    Enhancement,
    Exemption,
    Jurisdiction,
    Offense,
    PenaltyClass,
    Prong,
)

# (model, label, identifier field); each model names the path to its jurisdiction's code (JURISDICTION_CODE)
TRACKED = [
    (Jurisdiction, "jurisdiction", "code"),
    (Offense, "offense", "slug"),
    (Prong, "prong", "slug"),
    (PenaltyClass, "penalty class", "slug"),
    (Exemption, "exemption", "slug"),
    (Enhancement, "enhancement", "slug"),
    (CourtDecision, "decision", "slug"),
    (DiversionProgram, "diversion program", "slug"),
]
ACTIONS = {"+": "added", "~": "changed", "-": "removed"}


def recent_changes(limit=100, jurisdiction=None):
    """The latest changes, newest first: one query per tracked model."""
    streams = []
    for model, label, ident in TRACKED:
        code_path = model.JURISDICTION_CODE
        qs = model.history.order_by("-history_date", "-history_id")
        if jurisdiction:
            qs = qs.filter(**{code_path: jurisdiction})
        rows = qs.values_list(
            "history_id",
            "history_date",
            "history_type",
            ident,
            code_path,
            "status" if label != "jurisdiction" else "code",
        )[:limit]
        streams.append(
            [
                {
                    "id": f"{label}-{hid}",
                    "date": date,
                    "action": ACTIONS.get(kind, kind),
                    "kind": label,
                    "ident": identifier,
                    "jurisdiction": code,
                    "status": status if label != "jurisdiction" else "",
                }
                for hid, date, kind, identifier, code, status in rows
            ]
        )
    return list(merge(*streams, key=lambda row: row["date"], reverse=True))[:limit]
