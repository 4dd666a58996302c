"""Load validated data files into the database, and export the database as canonical data files."""

import re
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, connection, transaction

from statutes.computed import refresh_indicators
from statutes.fixtures_io import DataError, DataFileError, _all_slugs, as_date, fixture_paths, validate_paths
from statutes.fixtures_schema import (
    DECISION,
    ENHANCEMENT,
    EXEMPTION,
    JURISDICTION,
    OFFENSE,
    PENALTY_CLASS,
    PROGRAM,
    PRONG,
    SOURCE,
)
from statutes.models import (
    CourtDecision,
    DiversionProgram,
    Enhancement,
    Exemption,
    Jurisdiction,
    Offense,
    PenaltyClass,
    Prong,
    SearchEntry,
    SourceText,
)
from statutes.models.offense import prong_slug
from statutes.search import rebuild_index

DEFAULTS = {"field_sources": dict, "excluded_offenses": list, "reviews": list}


def _model_values(spec, values, refs):
    """Model keyword arguments for one row; `refs` resolves ref fields to primary keys."""
    out = {}
    for field in spec:
        value = values.get(field.key)
        if field.kind == "refs":
            continue
        if field.kind == "ref":
            if field.key == "primary_offense":
                continue
            out[f"{field.key}_id"] = refs[field.target][value] if value is not None else None
            continue
        if field.kind == "date":
            value = as_date(value)
        elif field.kind == "blank_text" and value is None:
            value = ""
        elif value is None and field.key in DEFAULTS:
            value = DEFAULTS[field.key]()
        elif field.kind == "bool" and value is None and field.key == "text_complete":
            value = False
        out[field.key] = value
    return out


def _upsert(model, lookup, values, stats):
    """Create or update one row, saving (and so writing history) only when something changed."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**{**lookup, **values})
        obj.save()
        stats["created"] += 1
        return obj
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if changed:
        for key in changed:
            setattr(obj, key, values[key])
        obj.save()
        stats["updated"] += 1
    return obj


def _prune(queryset, keep_ids, stats):
    stale = queryset.exclude(pk__in=keep_ids)
    count = stale.count()
    if count:
        for obj in stale:
            obj.delete()
        stats["deleted"] += count


def _set_m2m(manager, ids):
    if set(manager.values_list("pk", flat=True)) != set(ids):
        manager.set(ids)


def _load_jurisdiction(data, stats):
    jur = _upsert(Jurisdiction, {"code": data["code"]}, _model_values(JURISDICTION, data, {}), stats)

    keep = [
        _upsert(SourceText, {"jurisdiction": jur, "url": s["url"]}, _model_values(SOURCE[1:], s, {}), stats).pk
        for s in data.get("sources") or []
    ]
    _prune(jur.sources.all(), keep, stats)

    refs = {"penalty_class": {}, "offense": {}, "prong": {}}
    for row in data.get("penalty_classes") or []:
        obj = _upsert(
            PenaltyClass,
            {"slug": row["slug"]},
            {"jurisdiction_id": jur.pk, **_model_values(PENALTY_CLASS[1:], row, refs)},
            stats,
        )
        refs["penalty_class"][row["slug"]] = obj.pk

    prongs_by_offense = {}
    for row in data.get("offenses") or []:
        offense = _upsert(
            Offense, {"slug": row["slug"]}, {"jurisdiction_id": jur.pk, **_model_values(OFFENSE[1:], row, refs)}, stats
        )
        refs["offense"][row["slug"]] = offense.pk
        pinpoints = {}
        for prong in row.get("prongs") or []:
            obj = _upsert(
                Prong,
                {"slug": prong_slug(row["slug"], prong["pinpoint"])},
                {"offense_id": offense.pk, **_model_values(PRONG, prong, refs)},
                stats,
            )
            pinpoints[prong["pinpoint"]] = obj.pk
        _prune(offense.prongs.all(), pinpoints.values(), stats)
        prongs_by_offense[row["slug"]] = pinpoints

    for row in data.get("offenses") or []:
        offense_id = refs["offense"][row["slug"]]
        pinpoints = prongs_by_offense[row["slug"]]
        keep = []
        for exemption in row.get("exemptions") or []:
            obj = _upsert(
                Exemption,
                {"slug": exemption["slug"]},
                {"offense_id": offense_id, **_model_values(EXEMPTION[1:], exemption, refs)},
                stats,
            )
            _set_m2m(obj.prongs, [pinpoints[p] for p in exemption.get("prongs") or []])
            keep.append(obj.pk)
        _prune(Exemption.objects.filter(offense_id=offense_id), keep, stats)
        keep = [
            _upsert(
                Enhancement,
                {"slug": e["slug"]},
                {"offense_id": offense_id, **_model_values(ENHANCEMENT[1:], e, refs)},
                stats,
            ).pk
            for e in row.get("enhancements") or []
        ]
        _prune(Enhancement.objects.filter(offense_id=offense_id), keep, stats)

    keep = []
    for row in data.get("decisions") or []:
        obj = _upsert(
            CourtDecision,
            {"slug": row["slug"]},
            {"jurisdiction_id": jur.pk, **_model_values(DECISION[1:], row, refs)},
            stats,
        )
        pinpoints = prongs_by_offense.get(row.get("offense"), {})
        _set_m2m(obj.prongs, [pinpoints[p] for p in row.get("prongs") or []])
        keep.append(obj.pk)
    _prune(jur.decisions.all(), keep, stats)

    keep = [
        _upsert(
            DiversionProgram,
            {"slug": r["slug"]},
            {"jurisdiction_id": jur.pk, **_model_values(PROGRAM[1:], r, refs)},
            stats,
        ).pk
        for r in data.get("diversion_programs") or []
    ]
    _prune(jur.diversion_programs.all(), keep, stats)

    primary = refs["offense"].get(data.get("primary_offense"))
    if jur.primary_offense_id != primary:
        jur.primary_offense_id = primary
        jur.save()
    # Stale offenses go last: penalty classes they used are protected until then.
    _prune(jur.offenses.all(), refs["offense"].values(), stats)
    _prune(jur.penalty_classes.all(), refs["penalty_class"].values(), stats)
    return jur


# The model behind each kind of row a data file names by slug.
_OWNED = {
    "penalty_classes": PenaltyClass,
    "offenses": Offense,
    "decisions": CourtDecision,
    "diversion_programs": DiversionProgram,
    "offenses › exemptions": Exemption,
    "offenses › enhancements": Enhancement,
}


def foreign_slugs(parsed):
    """Errors for slugs a file uses that already belong to another jurisdiction's row in the database.

    Loading would otherwise move that row to this file's jurisdiction; loading files one at a time is
    how editors work, so the cross-file check in validate_paths alone cannot see it. Rows of the
    jurisdictions being loaded together may change hands (validate_paths has checked those files).
    """
    loading = {data["code"] for data in parsed.values()}
    errors = []
    for path, data in parsed.items():
        wanted = {}
        for slug, row in _all_slugs(data):
            wanted.setdefault(row.split("[")[0], {})[slug] = row
        for key, slugs in wanted.items():
            model = _OWNED[key]
            owner = model.JURISDICTION_CODE
            taken = model.objects.filter(slug__in=slugs).exclude(**{f"{owner}__in": loading}).values_list("slug", owner)
            for slug, code in taken:
                errors.append(DataError(path.name, slugs[slug], "slug", f"{slug!r} already belongs to {code}"))
    return errors


def load_paths(paths, *, prune_jurisdictions=False):
    """Validate every file, then load them all in one transaction. Raises DataFileError, writing nothing."""
    parsed, errors = validate_paths(paths)
    errors = errors or foreign_slugs(parsed)
    if errors:
        raise DataFileError(errors)
    stats = {"created": 0, "updated": 0, "deleted": 0, "files": len(parsed)}
    with transaction.atomic():
        codes = []
        for path, data in parsed.items():
            try:
                with transaction.atomic():
                    codes.append(_load_jurisdiction(data, stats).code)
            except (DatabaseError, DjangoValidationError) as exc:
                # Validation should have caught it; if the database refuses, say where and change nothing.
                raise DataFileError([DataError(path.name, "", "", f"the database refused a row: {exc}")]) from exc
        if prune_jurisdictions:
            _prune(
                Jurisdiction.objects.all(),
                Jurisdiction.objects.filter(code__in=codes).values_list("pk", flat=True),
                stats,
            )
        refresh_indicators()
        if stats["created"] or stats["updated"] or stats["deleted"] or not SearchEntry.objects.exists():
            rebuild_index()
            analyze()
    return stats


def analyze():
    """Refresh the query planner's statistics (SQLite and PostgreSQL both need them to pick the indexes)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def load_directory(directory):
    return load_paths(fixture_paths(directory), prune_jurisdictions=True)


# -- export -----------------------------------------------------------------------------------------


def _natural(text):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text or "")]


# The order keys of stored JSON values are written in, whatever order the database returns them in
# (PostgreSQL's jsonb sorts keys its own way); other keys follow alphabetically.
JSON_KEY_ORDER = [
    "complete", "applies_if", "bars", "requirements", "overrides", "presumptions", "findings_required", "factors",
    "discretion", "unexpressed",
    "id", "fact", "op", "value", "all", "any", "not", "when", "unless", "require", "bar", "actor",
    "text", "citation", "reason", "not_found", "source_url", "source_tier", "quote", "cite", "pinpoint", "note",
    "date", "reviewer", "scope", "compared", "agreed", "rate", "resolved", "verified",
]  # fmt: skip
_KEY_RANK = {key: index for index, key in enumerate(JSON_KEY_ORDER)}


def canonical_json(value):
    """A JSON value with its mappings' keys in the canonical order, recursively."""
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: (_KEY_RANK.get(k, len(_KEY_RANK)), k))
        return {key: canonical_json(value[key]) for key in keys}
    if isinstance(value, list):
        return [canonical_json(item) for item in value]
    return value


def _row(spec, obj, skip=()):
    out = {}
    for field in spec:
        if field.key in skip:
            continue
        if field.kind == "ref":
            related = getattr(obj, field.key)
            value = getattr(related, "slug", None)
        elif field.kind == "refs":
            value = sorted((p.pinpoint for p in getattr(obj, field.key).all()), key=_natural) or None
        else:
            value = getattr(obj, field.key)
            if field.kind == "date" and value is not None:
                value = value.isoformat()
        if value is None and field.kind == "blank_text":
            value = ""
        if field.kind in ("json", "rule", "quote"):
            value = canonical_json(value)
        out[field.key] = value
    return out


def jurisdiction_document(jur):
    """The canonical data-file mapping for one jurisdiction."""
    doc = _row(JURISDICTION, jur)
    doc["sources"] = [_row(SOURCE, s) for s in jur.sources.order_by("url")]
    doc["penalty_classes"] = [_row(PENALTY_CLASS, p) for p in jur.penalty_classes.order_by("slug")]
    offenses = []
    for offense in jur.offenses.order_by("slug").prefetch_related(
        "prongs__penalty_class", "exemptions__prongs", "enhancements"
    ):
        row = _row(OFFENSE, offense)
        row["prongs"] = [_row(PRONG, p) for p in sorted(offense.prongs.all(), key=lambda p: _natural(p.pinpoint))]
        row["exemptions"] = [_row(EXEMPTION, e) for e in sorted(offense.exemptions.all(), key=lambda e: e.slug)]
        row["enhancements"] = [
            _row(ENHANCEMENT, e)
            for e in sorted(
                offense.enhancements.select_related("resulting_class", "defined_as_offense"), key=lambda e: e.slug
            )
        ]
        offenses.append(row)
    doc["offenses"] = offenses
    doc["decisions"] = [
        _row(DECISION, d) for d in jur.decisions.order_by("slug").select_related("offense").prefetch_related("prongs")
    ]
    doc["diversion_programs"] = [_row(PROGRAM, p) for p in jur.diversion_programs.order_by("slug")]
    return doc


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(document):
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def export_directory(directory, codes=None):
    """Write one canonical file per jurisdiction; returns the paths written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    queryset = Jurisdiction.objects.select_related("primary_offense").order_by("code")
    if codes:
        queryset = queryset.filter(code__in=[c.upper() for c in codes])
    for jur in queryset:
        path = directory / f"{jur.code.lower()}.yaml"
        path.write_text(dump(jurisdiction_document(jur)), encoding="utf-8")
        written.append(path)
    return written
