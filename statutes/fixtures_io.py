"""Read, validate, load and export the data files in fixtures/ (one per jurisdiction).

Validation names file, row and field for every error; loading is all-or-nothing in one transaction.
"""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from statutes import quotes, rules
from statutes.fixtures_schema import (
    JURISDICTION,
    JURISDICTION_CHILDREN,
    OFFENSE_CHILDREN,
    QUOTE_MAX,
    TEXT_KINDS,
    TEXT_STATUSES,
    TEXT_TIERS,
)
from statutes.models.offense import prong_slug

# An absolute http(s) URI (RFC 3986): characters outside it, such as spaces or a curly apostrophe, must be
# percent-encoded, or the API would serve a source_url that is not a URI.
URL_RE = re.compile(r"^https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True)
class DataError:
    file: str
    row: str
    field: str
    message: str

    def __str__(self):
        where = " › ".join(part for part in (self.row, self.field) if part)
        return f"{self.file}: {where}: {self.message}" if where else f"{self.file}: {self.message}"


class DataFileError(Exception):
    """Raised with every error found; nothing was written."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def read_file(path):
    """Parse one YAML file; a syntax error is reported with its line."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError([DataError(path.name, where, "", f"not valid YAML: {problem}")]) from None
    except UnicodeDecodeError as exc:
        raise DataFileError([DataError(path.name, "", "", f"not UTF-8 text: {exc}")]) from None
    if not isinstance(data, dict):
        raise DataFileError([DataError(path.name, "", "", "the file must hold one mapping (a jurisdiction)")])
    return data


class Validator:
    """Checks one parsed file against fixtures_schema and the codebook's provenance rules."""

    def __init__(self, filename, data):
        self.file = filename
        self.data = data
        self.errors = []
        self.penalty_slugs = {p.get("slug") for p in data.get("penalty_classes") or [] if isinstance(p, dict)}
        self.offenses = {o.get("slug"): o for o in data.get("offenses") or [] if isinstance(o, dict)}
        self.stored = {}
        for source in data.get("sources") or []:
            if isinstance(source, dict) and isinstance(source.get("url"), str):
                self.stored.setdefault(source["url"], []).append(source.get("text") or "")

    def error(self, row, field, message):
        self.errors.append(DataError(self.file, row, field, message))

    def run(self):
        data = self.data
        self.check_fields("", data, JURISDICTION, extra=set(JURISDICTION_CHILDREN))
        expected = self.file.removesuffix(".yaml").upper()
        if isinstance(data.get("code"), str) and data["code"] != expected:
            self.error("", "code", f"is {data['code']!r} but the file is named for {expected}")
        for key, spec in JURISDICTION_CHILDREN.items():
            rows = data.get(key)
            if rows is None:
                continue
            if not isinstance(rows, list):
                self.error("", key, "must be a list")
                continue
            seen = set()
            for index, row in enumerate(rows):
                label = f"{key}[{index}]"
                if not isinstance(row, dict):
                    self.error(label, "", "must be a mapping")
                    continue
                ident = row.get("slug") or row.get("url")
                label = f"{label} {ident}" if ident else label
                if ident in seen:
                    self.error(label, "slug" if "slug" in row else "url", f"{ident!r} appears twice")
                seen.add(ident)
                extra = set(OFFENSE_CHILDREN) if key == "offenses" else set()
                self.check_fields(label, row, spec, extra=extra)
                if key == "sources":
                    continue
                self.check_provenance(label, row)
                getattr(self, f"check_{key}")(label, row)
        versions = {}
        for index, offense in enumerate(data.get("offenses") or []):
            if isinstance(offense, dict) and offense.get("effective_from") is not None:
                key = (offense.get("citation"), str(offense.get("effective_from")))
                if key in versions:
                    self.error(
                        f"offenses[{index}] {offense.get('slug')}",
                        "effective_from",
                        f"another version of {key[0]} starts on the same date ({versions[key]})",
                    )
                versions.setdefault(key, offense.get("slug"))
        for key in ("dv_fact_definition", "default_culpability_rule"):
            self.check_cited_json("", key, data.get(key))
        for index, item in enumerate(data.get("excluded_offenses") or []):
            if not (isinstance(item, dict) and item.get("citation") and item.get("reason")):
                self.error("", f"excluded_offenses[{index}]", "needs a citation and a reason")
            elif set(item) - {"citation", "reason", "not_found"}:
                extra = ", ".join(sorted(set(item) - {"citation", "reason", "not_found"}))
                self.error(
                    "",
                    f"excluded_offenses[{index}]",
                    f"unknown key(s) {extra}: allowed are citation, reason, not_found",
                )
            elif not isinstance(item.get("not_found", False), bool):
                self.error("", f"excluded_offenses[{index}] › not_found", "must be true or false")
        if data.get("diversion_programs") and (data.get("diversion_note") or "").strip():
            self.error("", "diversion_note", "is only for a jurisdiction with no diversion program coded")
        return self.errors

    # -- generic field checks ---------------------------------------------------------------
    def check_fields(self, row, values, spec, extra=frozenset()):
        model = spec_model(spec)
        known = {field.key for field in spec} | set(extra)
        for key in values:
            if key not in known:
                self.error(row, str(key), "unknown field (check the spelling against the codebook)")
        for field in spec:
            value = values.get(field.key)
            if value is None:
                if field.required:
                    self.error(row, field.key, "is required")
                continue
            problem = self.check_value(field, value) or _length_problem(model, field.key, value)
            if problem:
                self.error(row, field.key, problem)

    def check_value(self, field, value):
        kind = field.kind
        if kind in ("str", "text", "blank_text"):
            if not isinstance(value, str):
                return f"must be text, not {type(value).__name__}"
            if kind == "str" and not value.strip():
                return "must not be empty"
            if field.key == "slug" and not SLUG_RE.match(value):
                return f"{value!r} is not a slug (lower-case letters, digits, '.', '_' and '-')"
        elif kind == "enum":
            if value not in field.choices.values:
                return f"{value!r} is not allowed; allowed: {', '.join(field.choices.values)}"
        elif kind == "multi":
            if not isinstance(value, list):
                return "must be a list"
            bad = [v for v in value if v not in field.choices.values]
            if bad:
                return f"{bad[0]!r} is not allowed; allowed: {', '.join(field.choices.values)}"
            if len(set(value)) != len(value):
                return "lists a value twice"
        elif kind == "bool":
            if not isinstance(value, bool):
                return f"must be true or false, not {value!r}"
        elif kind == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                return f"must be a whole number ≥ 0, not {value!r}"
        elif kind == "date":
            if not isinstance(value, datetime.date):
                try:
                    datetime.date.fromisoformat(str(value))
                except ValueError:
                    return f"{value!r} is not a date (YYYY-MM-DD)"
        elif kind == "url":
            if not isinstance(value, str) or not URL_RE.match(value):
                return (
                    f"{value!r} is not an http(s) URL (spaces and non-ASCII characters must be percent-encoded, "
                    "e.g. ’ as %E2%80%99)"
                )
        elif kind == "quote":
            return self.quote_problem(value)
        elif kind == "ref":
            if not isinstance(value, str):
                return "must be a slug"
        elif kind == "refs":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return "must be a list of pinpoints"
        elif kind == "rule":
            if not isinstance(value, dict):
                return "must be a mapping"
        return None

    @staticmethod
    def quote_problem(value):
        if isinstance(value, str):
            texts = [value]
        elif isinstance(value, list):
            texts = []
            for segment in value:
                if not (
                    isinstance(segment, dict)
                    and isinstance(segment.get("text"), str)
                    and set(segment) <= {"text", "pinpoint"}
                ):
                    return "each segment must be {text, pinpoint}"
                texts.append(segment["text"])
        else:
            return "must be text or a list of {text, pinpoint} segments"
        if not any(t.strip() for t in texts):
            return "is empty"
        if sum(len(t) for t in texts) > QUOTE_MAX:
            return f"is longer than {QUOTE_MAX} characters"
        return None

    def check_cited_json(self, row, key, value):
        if value is None:
            return
        if not isinstance(value, dict) or not value.get("citation"):
            self.error(row, key, "needs at least a citation")
            return
        if value.get("quote") and value.get("source_url") in self.stored:
            if quotes.missing_segments(value["quote"], *self.stored[value["source_url"]]):
                self.error(row, f"{key}.quote", "does not occur in the stored text of its source_url")

    # -- provenance (codebook §2) --------------------------------------------------------------
    def check_provenance(self, row, values):
        status = values.get("status")
        note = (values.get("coder_note") or "").strip()
        if status in TEXT_STATUSES:
            for key in ("source_url", "source_kind", "source_tier", "quote", "retrieved_on"):
                if values.get(key) is None:
                    self.error(row, key, f"is required for status {status!r}")
            if values.get("source_kind") and values["source_kind"] not in TEXT_KINDS:
                self.error(
                    row,
                    "status",
                    f"{status!r} needs the law's text; a {values['source_kind']} source supports only draft",
                )
            if values.get("source_tier") and values["source_tier"] not in TEXT_TIERS:
                self.error(row, "status", f"{status!r} needs an official or mirror source, not {values['source_tier']}")
        elif values.get("source_url") is not None and values.get("quote") is None:
            # A draft still names the page it rests on; the reader must be able to see the words.
            self.error(row, "quote", "is required: the row names the page it was read on (source_url)")
        reasons = []
        if values.get("confidence") == "low":
            reasons.append("confidence is low")
        if values.get("source_tier") and values["source_tier"] != "official":
            reasons.append(f"the source is {values['source_tier']}")
        if "unclear" in values.values():
            reasons.append("a value is unclear")
        if values.get("field_sources"):
            reasons.append("some fields rest on other sources")
        if values.get("source_url") is None and status == "draft":
            reasons.append("no source was read")
        if reasons and not note:
            self.error(row, "coder_note", f"is required because {' and '.join(reasons)}")
        self.check_stored_quote(row, "quote", values.get("quote"), values.get("source_url"))
        for key, support in (values.get("field_sources") or {}).items():
            if not isinstance(support, dict) or not support.get("source_url"):
                self.error(row, f"field_sources.{key}", "needs source_url, source_tier and quote")
                continue
            self.check_stored_quote(row, f"field_sources.{key}.quote", support.get("quote"), support["source_url"])

    def check_stored_quote(self, row, field, quote, url, *extra_texts):
        if not quote or (url not in self.stored and not extra_texts):
            return
        texts = [*self.stored.get(url, []), *extra_texts]
        for segment in quotes.missing_segments(quote, *texts):
            self.error(row, field, f"{_clip(segment)!r} does not occur in the stored text of {url}")

    # -- per-entity checks -----------------------------------------------------------------
    def check_penalty_classes(self, row, values):
        pass

    def check_offenses(self, row, offense):
        text = offense.get("text") or ""
        if offense.get("quote") and text:
            for segment in quotes.missing_segments(
                offense["quote"], text, *self.stored.get(offense.get("source_url"), [])
            ):
                self.error(row, "quote", f"{_clip(segment)!r} does not occur in the offense text")
        if offense.get("text_complete") is False and not (offense.get("text_missing") or "").strip():
            self.error(row, "text_missing", "is required when text_complete is false")
        if offense.get("status") in TEXT_STATUSES and not text.strip():
            self.error(row, "text", f"is required for status {offense['status']!r}")
        pinpoints = set()
        for key, spec in OFFENSE_CHILDREN.items():
            children = offense.get(key)
            if children is None:
                continue
            if not isinstance(children, list):
                self.error(row, key, "must be a list")
                continue
            for index, child in enumerate(children):
                label = f"{row} › {key}[{index}]"
                if not isinstance(child, dict):
                    self.error(label, "", "must be a mapping")
                    continue
                ident = child.get("pinpoint") or child.get("slug")
                label = f"{label} {ident}" if ident else label
                self.check_fields(label, child, spec)
                self.check_provenance(label, child)
                if key == "prongs":
                    if isinstance(ident, str) and len(prong_slug(offense.get("slug") or "", ident)) > 160:
                        self.error(label, "pinpoint", "makes a prong slug longer than 160 characters")
                    if ident in pinpoints:
                        self.error(label, "pinpoint", f"{ident!r} appears twice in this offense")
                    pinpoints.add(ident)
                    self.check_prong(label, child, text)
                else:
                    own_text = text if child.get("source_url") in (None, offense.get("source_url")) else ""
                    self.check_stored_quote(
                        label, "quote", child.get("quote"), child.get("source_url"), *([own_text] if own_text else [])
                    )
                if key == "exemptions":
                    self.check_exemption(label, child, offense)
                if key == "enhancements":
                    self.check_ref(label, child, "resulting_class", self.penalty_slugs)
                    self.check_ref(label, child, "defined_as_offense", self.offenses)

    def check_prong(self, row, prong, text):
        self.check_ref(row, prong, "penalty_class", self.penalty_slugs)
        if prong.get("quote"):
            if not text:
                self.error(row, "quote", "cannot be checked: the offense has no text")
            else:
                for segment in quotes.missing_segments(prong["quote"], text):
                    self.error(row, "quote", f"{_clip(segment)!r} does not occur in the offense text")
        if (prong.get("min_occasions") is None) != (prong.get("min_occasions_basis") is None):
            self.error(row, "min_occasions_basis", "min_occasions and min_occasions_basis go together")
        if prong.get("threat_element") == "none" and prong.get("threat_mens_rea") not in (None, "not_applicable"):
            self.error(row, "threat_mens_rea", "must be not_applicable when threat_element is none")

    def check_exemption(self, row, exemption, offense):
        pinpoints = {p.get("pinpoint") for p in offense.get("prongs") or [] if isinstance(p, dict)}
        listed = exemption.get("prongs") or []
        if exemption.get("scope") == "listed_prongs" and not listed:
            self.error(row, "prongs", "is required when scope is listed_prongs")
        if listed and exemption.get("scope") != "listed_prongs":
            self.error(row, "prongs", "only goes with scope listed_prongs")
        for pinpoint in listed:
            if pinpoint not in pinpoints:
                self.error(row, "prongs", f"{pinpoint!r} is not a prong of {offense.get('slug')}")
        if exemption.get("scope") == "whole_act" and not exemption.get("act_citation"):
            self.error(row, "act_citation", "is required when scope is whole_act")

    def check_decisions(self, row, decision):
        self.check_ref(row, decision, "offense", self.offenses)
        offense = self.offenses.get(decision.get("offense"))
        if decision.get("prongs") and not offense:
            self.error(row, "prongs", "need an offense")
        if offense:
            pinpoints = {p.get("pinpoint") for p in offense.get("prongs") or [] if isinstance(p, dict)}
            for pinpoint in decision.get("prongs") or []:
                if pinpoint not in pinpoints:
                    self.error(row, "prongs", f"{pinpoint!r} is not a prong of {offense.get('slug')}")
        if "doctrine" in (decision.get("effects") or []) and decision.get("prongs"):
            self.error(row, "prongs", "a doctrine applies to no particular prong")

    def check_diversion_programs(self, row, program):
        rule = program.get("eligibility_rule")
        if not isinstance(rule, dict):
            return
        for path, message in rules.rule_errors(rule):
            self.error(row, path, message)
        for path, leaf in rules._leaves(rule) if not rules.rule_errors(rule) else []:
            values = leaf.get("value") if isinstance(leaf.get("value"), list) else [leaf.get("value")]
            if leaf["fact"] == "charge.penalty_class":
                for value in values:
                    if value not in self.penalty_slugs:
                        self.error(row, path, f"{value!r} is not a penalty class of this jurisdiction")
            if leaf["fact"] == "charge.offense":
                for value in values:
                    if value not in self.offenses:
                        self.error(row, path, f"{value!r} is not an offense of this jurisdiction")

    def check_ref(self, row, values, key, known):
        value = values.get(key)
        if value is not None and value not in known:
            self.error(row, key, f"{value!r} does not match any slug in this file")


def spec_model(spec):
    """The model a spec's rows are stored in (so database limits are checked before loading)."""
    from statutes import fixtures_schema as fs
    from statutes.models import (
        CourtDecision,
        DiversionProgram,
        Enhancement,
        Exemption,
        Jurisdiction,
        Offense,
        PenaltyClass,
        Prong,
        SourceText,
    )

    pairs = [
        (fs.JURISDICTION, Jurisdiction),
        (fs.SOURCE, SourceText),
        (fs.PENALTY_CLASS, PenaltyClass),
        (fs.OFFENSE, Offense),
        (fs.PRONG, Prong),
        (fs.EXEMPTION, Exemption),
        (fs.ENHANCEMENT, Enhancement),
        (fs.DECISION, CourtDecision),
        (fs.PROGRAM, DiversionProgram),
    ]
    return next((model for candidate, model in pairs if candidate is spec), None)


def _length_problem(model, key, value):
    if model is None or not isinstance(value, str):
        return None
    try:
        field = model._meta.get_field(key)
    except Exception:
        return None
    limit = getattr(field, "max_length", None)
    if limit and field.get_internal_type() in ("CharField", "URLField", "SlugField") and len(value) > limit:
        return f"is {len(value)} characters long; at most {limit}"
    return None


def _clip(text, length=80):
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[: length - 1] + "…"


def validate_file(path):
    """All errors in one file, parsed or not."""
    path = Path(path)
    try:
        data = read_file(path)
    except DataFileError as exc:
        return None, exc.errors
    errors = Validator(path.name, data).run()
    if isinstance(data.get("primary_offense"), str) and data["primary_offense"] not in {
        o.get("slug") for o in data.get("offenses") or [] if isinstance(o, dict)
    }:
        errors.append(
            DataError(path.name, "", "primary_offense", f"{data['primary_offense']!r} is not an offense in this file")
        )
    return data, errors


def validate_paths(paths):
    """Parse and validate files; also check that slugs are unique across them. Returns ({path: data}, errors)."""
    parsed, errors, owners = {}, [], {}
    for path in sorted(Path(p) for p in paths):
        data, file_errors = validate_file(path)
        errors += file_errors
        if data is None:
            continue
        parsed[path] = data
        for slug, row in _all_slugs(data):
            if slug in owners and owners[slug] != path.name:
                errors.append(DataError(path.name, row, "slug", f"{slug!r} is also used in {owners[slug]}"))
            owners.setdefault(slug, path.name)
    return parsed, errors


def _all_slugs(data):
    for key in ("penalty_classes", "offenses", "decisions", "diversion_programs"):
        for index, row in enumerate(data.get(key) or []):
            if isinstance(row, dict) and row.get("slug"):
                yield row["slug"], f"{key}[{index}]"
        if key == "offenses":
            for row in data.get(key) or []:
                for child in ("exemptions", "enhancements"):
                    for sub in (row.get(child) or []) if isinstance(row, dict) else []:
                        if isinstance(sub, dict) and sub.get("slug"):
                            yield sub["slug"], f"offenses › {child}"


def fixture_paths(directory):
    return sorted(Path(directory).glob("*.yaml"))


def as_date(value):
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))
