"""The independent blind check: pick items for a second reader, then compare their coding with ours."""

import math
from pathlib import Path

import yaml

from statutes.fixtures_schema import PRONG_ANSWERS

PRONG_FIELDS = PRONG_ANSWERS
PROGRAM_FIELDS = [
    "mechanism",
    "ends_without_conviction",
    "legal_basis",
    "availability",
    "decision_makers",
    "prosecutor_role",
    "victim_role",
    "stage",
    "plea_requirement",
    "excluded_categories",
    "completion_outcome",
    "record_relief",
    "reuse_limit",
]


def pick_items(document):
    """A fifth of the prongs (at least one; in-force versions first, spread across offenses) and every program."""
    offenses = sorted(document.get("offenses") or [], key=lambda o: (o.get("effective_to") is not None, o["slug"]))
    prongs = [(o, p) for o in offenses for p in o.get("prongs") or []]
    wanted = max(1, math.ceil(len(prongs) / 5)) if prongs else 0
    step = max(1, len(prongs) // wanted) if wanted else 1
    chosen = prongs[::step][:wanted]
    items = [
        {
            "item": f"{o['slug']}::{p['pinpoint']}",
            "kind": "prong",
            "citation": p.get("citation") or o["citation"],
            "offense_name": o["name"],
        }
        for o, p in chosen
    ]
    items += [
        {"item": p["slug"], "kind": "program", "citation": p["citation"], "program_name": p["name"]}
        for p in document.get("diversion_programs") or []
    ]
    return items


def _norm(value):
    if isinstance(value, list):
        return sorted(value)
    return value


def compare(document, blind):
    """Field-by-field comparison: (compared, agreed, disagreements, same_copy)."""
    prongs = {f"{o['slug']}::{p['pinpoint']}": p for o in document.get("offenses") or [] for p in o.get("prongs") or []}
    programs = {p["slug"]: p for p in document.get("diversion_programs") or []}
    compared = agreed = 0
    disagreements, same_copy = [], []
    for entry in blind.get("items") or []:
        ours = prongs.get(entry["item"]) if entry.get("kind") == "prong" else programs.get(entry["item"])
        if ours is None:
            disagreements.append((entry["item"], "(item)", "missing in data", None))
            continue
        fields = PRONG_FIELDS if entry.get("kind") == "prong" else PROGRAM_FIELDS
        for name in fields:
            if name not in entry:
                continue
            compared += 1
            if _norm(entry[name]) == _norm(ours.get(name)):
                agreed += 1
            else:
                disagreements.append((entry["item"], name, ours.get(name), entry[name]))
        if entry.get("source_url") and same_page(entry["source_url"], ours.get("source_url")):
            same_copy.append(entry["item"])
    return compared, agreed, disagreements, same_copy


def same_page(first, second):
    """Whether two URLs name the same page: scheme, a leading "www.", letter case and a trailing slash do not count."""

    def key(url):
        url = (url or "").strip().lower()
        url = url.split("://", 1)[-1]
        url = url.removeprefix("www.")
        return url.rstrip("/")

    return bool(first and second) and key(first) == key(second)


def load_blind(directory, code):
    path = Path(directory) / f"{code.lower()}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
