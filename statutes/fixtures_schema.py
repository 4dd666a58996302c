"""The shape of a data file (fixtures/FORMAT.md): every key, its kind and its order.

One table drives validation, loading and canonical export, so the three cannot disagree.
"""

from dataclasses import dataclass

from statutes import choices as c


@dataclass(frozen=True)
class Field:
    key: str
    kind: str  # str | text | blank_text | enum | multi | bool | int | date | url | json | ref | refs | rule | quote
    choices: type | None = None
    required: bool = False
    target: str | None = None  # for ref/refs: penalty_class | offense | prong


def f(key, kind, choices=None, required=False, target=None):
    return Field(key, kind, choices, required, target)


PROVENANCE = [
    f("citation", "str", required=True),
    f("source_url", "url"),
    f("source_kind", "enum", c.SourceKind),
    f("source_tier", "enum", c.SourceTier),
    f("quote", "quote"),
    f("quote_raw", "text"),
    f("retrieved_on", "date"),
    f("law_as_of", "date"),
    f("status", "enum", c.Status, required=True),
    f("confidence", "enum", c.Confidence),
    f("coder_note", "blank_text"),
    f("field_sources", "json"),
]

PENALTY_CLASS = [
    f("slug", "str", required=True),
    f("label", "str", required=True),
    f("max_jail_days", "int"),
    f("max_fine_usd", "int"),
    f("fine_alternatives", "text"),
    f("is_crime", "bool"),
    f("is_felony", "enum", c.IsFelony),
    *PROVENANCE,
]

PRONG = [
    f("subsection", "str", required=True),
    f("pinpoint", "str", required=True),
    f("conduct_types", "multi", c.ConductType),
    f("communication_media", "multi", c.CommunicationMedium),
    f("communication_direction", "enum", c.CommunicationDirection),
    f("mens_rea_level", "enum", c.MensReaLevel),
    f("mens_rea_text", "text"),
    f("other_mental_states", "text"),
    f("mens_rea_inference", "text"),
    f("intent_objects", "multi", c.IntentObject),
    f("threat_element", "enum", c.ThreatElement),
    f("threat_mens_rea", "enum", c.ThreatMensRea),
    f("effect_standard", "enum", c.EffectStandard),
    f("effect_types", "multi", c.EffectType),
    f("repetition", "enum", c.Repetition),
    f("min_occasions", "int"),
    f("min_occasions_basis", "enum", c.MinOccasionsBasis),
    f("no_legitimate_purpose", "enum", c.NoLegitimatePurpose),
    f("prior_request_to_stop", "bool"),
    f("nonconsent_element", "enum", c.NonconsentElement),
    f("pure_speech", "bool"),
    f("penalty_class", "ref", target="penalty_class"),
    *PROVENANCE,
]

EXEMPTION = [
    f("slug", "str", required=True),
    f("kinds", "multi", c.ExemptionKind),
    f("scope", "enum", c.ExemptionScope),
    f("prongs", "refs", target="prong"),
    f("act_citation", "blank_text"),
    f("form", "enum", c.ExemptionForm),
    *PROVENANCE,
]

ENHANCEMENT = [
    f("slug", "str", required=True),
    f("triggers", "multi", c.Trigger),
    f("requires_conviction", "bool"),
    f("min_prior_count", "int"),
    f("lookback_years", "int"),
    f("resulting_class", "ref", target="penalty_class"),
    f("defined_as_offense", "ref", target="offense"),
    *PROVENANCE,
]

OFFENSE = [
    f("slug", "str", required=True),
    f("name", "str", required=True),
    f("family", "enum", c.Family, required=True),
    f("degree", "blank_text"),
    f("text", "blank_text"),
    f("text_complete", "bool"),
    f("text_missing", "blank_text"),
    f("harass_definition", "text"),
    f("venue_rule", "enum", c.VenueRule),
    f("effective_from", "date"),
    f("effective_to", "date"),
    f("version_note", "blank_text"),
    f("dv_predicate", "enum", c.DvPredicate),
    f("dv_relationship_required", "bool"),
    *PROVENANCE,
]
OFFENSE_CHILDREN = {"prongs": PRONG, "exemptions": EXEMPTION, "enhancements": ENHANCEMENT}

DECISION = [
    f("slug", "str", required=True),
    f("case_name", "str", required=True),
    f("court", "blank_text"),
    f("decided_on", "date"),
    f("binding_scope", "enum", c.BindingScope),
    f("effects", "multi", c.DecisionEffect),
    f("offense", "ref", target="offense"),
    f("prongs", "refs", target="prong"),
    f("affected_language", "blank_text"),
    f("subsequent_history", "blank_text"),
    f("summary", "blank_text"),
    *PROVENANCE,
]

PROGRAM = [
    f("slug", "str", required=True),
    f("name", "str", required=True),
    f("mechanism", "enum", c.Mechanism, required=True),
    f("ends_without_conviction", "bool"),
    f("legal_basis", "enum", c.LegalBasis),
    f("availability", "enum", c.Availability),
    f("routing_group", "blank_text"),
    f("routing_note", "blank_text"),
    f("decision_makers", "multi", c.Actor),
    f("prosecutor_role", "enum", c.ProsecutorRole),
    f("prosecutor_can_appeal", "bool"),
    f("victim_role", "enum", c.VictimRole),
    f("stage", "multi", c.Stage),
    f("plea_requirement", "enum", c.PleaRequirement),
    f("offense_levels", "multi", c.Tier),
    f("excluded_categories", "multi", c.ExcludedCategory),
    f("duration_max_days", "int"),
    f("duration_rule", "blank_text"),
    f("fee_max_usd", "int"),
    f("fee_rule", "blank_text"),
    f("conditions", "multi", c.Condition),
    f("completion_outcome", "enum", c.CompletionOutcome),
    f("record_relief", "enum", c.RecordRelief),
    f("reuse_limit", "enum", c.ReuseLimit),
    f("eligibility_rule", "rule"),
    *PROVENANCE,
]

SOURCE = [
    f("url", "url", required=True),
    f("title", "blank_text"),
    f("retrieved_on", "date"),
    f("text_complete", "bool"),
    f("text", "str", required=True),
]

JURISDICTION = [
    f("code", "str", required=True),
    f("name", "str", required=True),
    f("kind", "enum", c.JurisdictionKind, required=True),
    f("fips", "text"),
    f("has_offense_titled_harassment", "bool"),
    f("primary_offense", "ref", target="offense"),
    f("dv_definition_model", "enum", c.DvDefinitionModel),
    f("dv_fact_definition", "json"),
    f("default_culpability_rule", "json"),
    f("excluded_offenses", "json"),
    f("diversion_note", "blank_text"),
    f("summary", "text"),
    f("last_reviewed", "date"),
    f("reviews", "json"),
]
JURISDICTION_CHILDREN = {
    "sources": SOURCE,
    "penalty_classes": PENALTY_CLASS,
    "offenses": OFFENSE,
    "decisions": DECISION,
    "diversion_programs": PROGRAM,
}

# Statuses that claim the law's own text was read (codebook §2).
TEXT_STATUSES = {"coded", "verified"}
TEXT_KINDS = {"codified_text", "session_law", "court_rule_text", "opinion"}
TEXT_TIERS = {"official", "mirror"}
QUOTE_MAX = 1500


def own_fields(spec):
    """A row kind's own fields, in data-file order: after its slug, before the shared provenance block."""
    keys = [field.key for field in spec]
    return keys[1 : len(keys) - len(PROVENANCE)]


PENALTY_CLASS_FIELDS = own_fields(PENALTY_CLASS)

# A prong's coded elements (codebook §4), in codebook order: the texts and the answers.
_PRONG_KEYS = [field.key for field in PRONG]
PRONG_ELEMENTS = _PRONG_KEYS[_PRONG_KEYS.index("conduct_types") : _PRONG_KEYS.index("penalty_class")]
# The elements that take a codebook answer (compared in blind checks; required for "fully coded").
PRONG_ANSWERS = [
    field.key
    for field in PRONG
    if field.key in PRONG_ELEMENTS and field.kind in ("enum", "multi", "bool") and field.key != "min_occasions_basis"
]
