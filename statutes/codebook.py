"""The codebook's variables, read from the models: one source for the pages' labels and definitions."""

from dataclasses import dataclass

from statutes.fields import MultiChoiceField
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

# The four kinds of "no answer" (codebook §1.2), shown distinctly and never as "no".
NO_ANSWER = {
    None: ("uncoded", "Not yet coded"),
    "not_specified": ("silent", "The law is silent"),
    "not_applicable": ("na", "Does not apply"),
    "unclear": ("unclear", "Unclear (see note)"),
}

ENTITIES = [
    ("Jurisdiction", Jurisdiction, "codebook §3"),
    ("Offense", Offense, "codebook §4"),
    ("Prong", Prong, "codebook §4"),
    ("Penalty class", PenaltyClass, "codebook §5"),
    ("Enhancement", Enhancement, "codebook §5"),
    ("Exemption", Exemption, "codebook §5"),
    ("Court decision", CourtDecision, "codebook §6"),
    ("Diversion program", DiversionProgram, "codebook §7"),
]


@dataclass(frozen=True)
class Variable:
    name: str
    label: str
    help_text: str
    kind: str  # enum | multi | bool | number | text | date | relation | json
    choices: tuple = ()

    def display(self, value):
        """The plain-English label of one stored value."""
        if isinstance(value, bool):
            return "Yes" if value else "No"
        return dict(self.choices).get(value, value)


def variable(field):
    if isinstance(field, MultiChoiceField):
        return Variable(
            field.name, field.verbose_name.capitalize(), field.help_text, "multi", tuple(field.choices_class.choices)
        )
    internal = field.get_internal_type()
    if field.choices:
        kind = "enum"
    elif internal == "BooleanField":
        kind = "bool"
    elif internal in ("PositiveIntegerField", "PositiveSmallIntegerField", "IntegerField", "PositiveBigIntegerField"):
        kind = "number"
    elif internal == "DateField":
        kind = "date"
    elif field.is_relation:
        kind = "relation"
    elif internal == "JSONField":
        kind = "json"
    else:
        kind = "text"
    return Variable(field.name, field.verbose_name.capitalize(), field.help_text, kind, tuple(field.choices or ()))


def variables(model):
    """Every documented field of a model, in declaration order."""
    return [variable(f) for f in model._meta.concrete_fields if f.help_text and f.name != "id"] + [
        variable(f) for f in model._meta.many_to_many if f.help_text
    ]


PRONG_VARIABLES = {v.name: v for v in variables(Prong)}
# The prong columns a reader may pick on /compare/ (codebook elements and computed indicators).
PRONG_COLUMNS = [
    "conduct_types",
    "communication_media",
    "communication_direction",
    "mens_rea_level",
    "mens_rea_text",
    "intent_objects",
    "threat_element",
    "threat_mens_rea",
    "effect_standard",
    "effect_types",
    "repetition",
    "min_occasions",
    "no_legitimate_purpose",
    "prior_request_to_stop",
    "nonconsent_element",
    "pure_speech",
    "penalty_class",
    "enforceability",
    "flag_annoyance_speech",
    "flag_threat_below_recklessness",
    "flag_speech_about_victim",
    "status",
    "confidence",
]
# The elements a reader compares first, shown by default wherever prongs are compared.
KEY_ELEMENTS = [
    "conduct_types",
    "mens_rea_level",
    "intent_objects",
    "threat_element",
    "effect_standard",
    "repetition",
    "pure_speech",
]
DEFAULT_PRONG_COLUMNS = [*KEY_ELEMENTS, "penalty_class", "status"]
OFFENSE_VARIABLES = {v.name: v for v in variables(Offense)}
OFFENSE_COLUMNS = [
    "family",
    "degree",
    "venue_rule",
    "effective_from",
    "effective_to",
    "dv_predicate",
    "dv_relationship_required",
    "text_complete",
    "status",
    "confidence",
]
DEFAULT_OFFENSE_COLUMNS = ["family", "effective_from", "effective_to", "text_complete", "status"]
