"""Eligibility rules (codebook §7): their JSON Schema and reference checks.

Pure Python: no ORM, no HTTP.
"""

import jsonschema

from statutes.choices import Actor, ExcludedCategory, Family, Stage, Tier, Trigger

# Every fact a rule may test, with the JSON type of its value. Missing facts are unknown.
FACTS = {
    "charge.offense": "string",
    "charge.prong": "string",
    "charge.offense_family": "string",
    "charge.penalty_class": "string",
    "charge.offense_level": "string",
    "charge.is_crime": "boolean",
    "charge.probationable": "boolean",
    "charge.enhancements": "array",
    "charge.dv_related": "boolean",
    "charge.victim_minor_or_vulnerable": "boolean",
    "charge.firearm_used": "boolean",
    "charge.categories": "array",
    "defendant.age": "integer",
    "history.prior_convictions": "integer",
    "history.prior_felony_convictions": "integer",
    "history.prior_violent_convictions": "integer",
    "history.years_since_last_conviction": "number",
    "history.prior_diversion": "boolean",
    "history.prior_diversion_programs": "array",
    "procedure.stage": "string",
    "procedure.trial_commenced": "boolean",
    "procedure.protective_order_in_effect": "boolean",
    "procedure.prosecutor_consents": "boolean",
    "procedure.victim_consents": "boolean",
    "procedure.defendant_consents": "boolean",
    "procedure.plea_entered": "boolean",
}

# Allowed values of enumerated facts, where the codebook fixes them.
FACT_VALUES = {
    "charge.offense_family": Family.values,
    "charge.offense_level": Tier.values,
    "charge.enhancements": Trigger.values,
    "charge.categories": ExcludedCategory.values,
    "procedure.stage": Stage.values,
}

OPERATORS = ["eq", "neq", "in", "not_in", "lt", "lte", "gt", "gte", "exists"]

_scalar = {"type": ["string", "number", "integer", "boolean"]}
# An absent or null `when` / `unless` means "always" / "no exception".
_optional_condition = {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/condition"}]}

RULE_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://harassment-law.example/schemas/eligibility-rule-1.1.json",
    "title": "Eligibility rule (codebook v1.1 §7)",
    "type": "object",
    "additionalProperties": False,
    "required": ["complete"],
    "$defs": {
        "condition": {
            "oneOf": [
                {"$ref": "#/$defs/leaf"},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["all"],
                    "properties": {"all": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/condition"}}},
                },
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["any"],
                    "properties": {"any": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/condition"}}},
                },
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["not"],
                    "properties": {"not": {"$ref": "#/$defs/condition"}},
                },
            ]
        },
        "leaf": {
            "type": "object",
            "additionalProperties": False,
            "required": ["fact", "op"],
            "properties": {
                "fact": {"enum": sorted(FACTS)},
                "op": {"enum": OPERATORS},
                "value": {"anyOf": [_scalar, {"type": "array", "items": _scalar}]},
                "cite": {"type": "string"},
            },
            "if": {"properties": {"op": {"const": "exists"}}},
            "then": {"properties": {"value": {"type": "boolean"}}},
            "else": {"required": ["value"]},
        },
        "cited": {
            "type": "object",
            "required": ["id", "cite"],
            "properties": {
                "id": {"type": "string", "pattern": "^[a-z0-9_]+$"},
                "cite": {"type": "string", "minLength": 1},
                "quote": {"type": "string", "maxLength": 1500},
                "note": {"type": "string"},
            },
        },
    },
    "properties": {
        "complete": {"type": "boolean", "description": "False when the text could not be read whole."},
        "applies_if": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/condition"}]},
        "bars": {
            "type": "array",
            "items": {
                "allOf": [{"$ref": "#/$defs/cited"}],
                "required": ["when"],
                "properties": {"when": {"$ref": "#/$defs/condition"}, "unless": _optional_condition},
                "unevaluatedProperties": False,
            },
        },
        "requirements": {
            "type": "array",
            "items": {
                "allOf": [{"$ref": "#/$defs/cited"}],
                "required": ["require"],
                "properties": {"when": _optional_condition, "require": {"$ref": "#/$defs/condition"}},
                "unevaluatedProperties": False,
            },
        },
        "overrides": {
            "type": "array",
            "items": {
                "allOf": [{"$ref": "#/$defs/cited"}],
                "required": ["bar", "actor"],
                "properties": {"bar": {"type": "string"}, "actor": {"enum": Actor.values}},
                "unevaluatedProperties": False,
            },
        },
        "presumptions": {
            "type": "array",
            "items": {"allOf": [{"$ref": "#/$defs/cited"}], "required": ["quote"], "unevaluatedProperties": False},
        },
        "findings_required": {
            "type": "array",
            "items": {
                "allOf": [{"$ref": "#/$defs/cited"}],
                "required": ["actor", "quote"],
                "properties": {"actor": {"enum": Actor.values}},
                "unevaluatedProperties": False,
            },
        },
        "factors": {
            "type": "array",
            "items": {"allOf": [{"$ref": "#/$defs/cited"}], "required": ["quote"], "unevaluatedProperties": False},
        },
        "discretion": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["actor", "cite"],
                "properties": {
                    "actor": {"enum": Actor.values},
                    "cite": {"type": "string", "minLength": 1},
                    "quote": {"type": "string", "maxLength": 1500},
                    "note": {"type": "string"},
                },
            },
        },
        "unexpressed": {
            "type": "array",
            "items": {"allOf": [{"$ref": "#/$defs/cited"}], "unevaluatedProperties": False},
        },
    },
}

_validator = jsonschema.Draft202012Validator(RULE_SCHEMA)


def _path(error_path):
    return "eligibility_rule" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error_path)


def rule_errors(rule):
    """Every problem with `rule`, as (path, message) pairs: schema violations, then reference checks."""
    errors = []
    for error in sorted(_validator.iter_errors(rule), key=lambda e: list(map(str, e.absolute_path))):
        best = jsonschema.exceptions.best_match([error])
        errors.append((_path(best.absolute_path), best.message))
    if errors:
        return errors
    ids = []
    for part in ("bars", "requirements", "overrides", "presumptions", "findings_required", "factors", "unexpressed"):
        ids += [item["id"] for item in rule.get(part, [])]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        errors.append(("eligibility_rule", f"criterion id {duplicate!r} is used more than once"))
    bar_ids = {bar["id"] for bar in rule.get("bars", [])}
    for index, override in enumerate(rule.get("overrides", [])):
        if override["bar"] not in bar_ids:
            errors.append((f"eligibility_rule.overrides[{index}].bar", f"no bar with id {override['bar']!r}"))
    for path, leaf in _leaves(rule):
        allowed = FACT_VALUES.get(leaf["fact"])
        values = leaf.get("value")
        values = values if isinstance(values, list) else [values]
        if allowed and leaf["op"] != "exists":
            bad = [v for v in values if v not in allowed]
            if bad:
                errors.append((path, f"{leaf['fact']} has no value {bad[0]!r}; allowed: {', '.join(allowed)}"))
    return errors


def _leaves(rule):
    def walk(condition, path):
        if "fact" in condition:
            yield path, condition
        for key in ("all", "any"):
            for index, child in enumerate(condition.get(key, [])):
                yield from walk(child, f"{path}.{key}[{index}]")
        if "not" in condition:
            yield from walk(condition["not"], f"{path}.not")

    if rule.get("applies_if"):
        yield from walk(rule["applies_if"], "eligibility_rule.applies_if")
    for part, keys in (("bars", ("when", "unless")), ("requirements", ("when", "require"))):
        for index, item in enumerate(rule.get(part, [])):
            for key in keys:
                if item.get(key):
                    yield from walk(item[key], f"eligibility_rule.{part}[{index}].{key}")
