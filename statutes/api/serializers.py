"""API serializers. Field names are the codebook's; descriptions come from the models' help_text."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from statutes.fields import MultiChoiceField
from statutes.fixtures_schema import PENALTY_CLASS_FIELDS, PROGRAM, PRONG_ELEMENTS, own_fields
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
from statutes.models.provenance import PROVENANCE_FIELDS


class MultiChoiceSerializerField(serializers.ListField):
    def __init__(self, *, choices_class, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("validators", None)
        super().__init__(child=serializers.ChoiceField(choices=choices_class.choices), allow_null=True, **kwargs)


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string"},
            {
                "type": "array",
                "items": {"type": "object", "properties": {"text": {"type": "string"}, "pinpoint": {"type": "string"}}},
            },
        ],
        "nullable": True,
        "description": "Verbatim support: a string, or a list of segments {text, pinpoint} shown joined by ' … '.",
    }
)
class QuoteField(serializers.JSONField):
    pass


class CodebookSerializer(serializers.ModelSerializer):
    """Maps multi-choice fields to lists of enums and quotes to strings or segments."""

    serializer_field_mapping = {**serializers.ModelSerializer.serializer_field_mapping}

    def build_standard_field(self, field_name, model_field):
        if isinstance(model_field, MultiChoiceField):
            return MultiChoiceSerializerField, {
                "choices_class": model_field.choices_class,
                "help_text": model_field.help_text,
                "read_only": True,
            }
        if field_name == "quote":
            return QuoteField, {"help_text": model_field.help_text, "read_only": True, "allow_null": True}
        return super().build_standard_field(field_name, model_field)


def slug_field(source, help_text, null=True):
    """A related row shown by its slug (the field's name is its source); null when not coded."""
    return serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=null, help_text=help_text)


class PenaltyClassSerializer(CodebookSerializer):
    jurisdiction = serializers.CharField(source="jurisdiction.code", read_only=True, help_text="USPS code.")
    url = serializers.HyperlinkedIdentityField(view_name="api:penaltyclass-detail", lookup_field="slug")

    class Meta:
        model = PenaltyClass
        fields = ["slug", "url", "jurisdiction", *PENALTY_CLASS_FIELDS, "tier", *PROVENANCE_FIELDS]


class ProngSerializer(CodebookSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:prong-detail", lookup_field="slug")
    offense = slug_field("offense", "The offense (slug).", null=False)
    jurisdiction = serializers.CharField(source="offense.jurisdiction.code", read_only=True, help_text="USPS code.")
    family = serializers.CharField(source="offense.family", read_only=True, help_text="The offense's family.")
    penalty_class = slug_field("penalty_class", "The prong's base grade (slug).")
    tier = serializers.CharField(
        source="penalty_class.tier", read_only=True, allow_null=True, default=None, help_text="The base grade's tier."
    )

    class Meta:
        model = Prong
        fields = [
            "slug",
            "url",
            "jurisdiction",
            "offense",
            "family",
            "subsection",
            "pinpoint",
            *PRONG_ELEMENTS,
            "penalty_class",
            "tier",
            "enforceability",
            "flag_annoyance_speech",
            "flag_threat_below_recklessness",
            "flag_speech_about_victim",
            *PROVENANCE_FIELDS,
        ]


class ExemptionSerializer(CodebookSerializer):
    prongs = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="slug", help_text="The prongs, when the scope is listed prongs."
    )

    class Meta:
        model = Exemption
        fields = ["slug", "kinds", "scope", "prongs", "act_citation", "form", *PROVENANCE_FIELDS]


class EnhancementSerializer(CodebookSerializer):
    resulting_class = slug_field("resulting_class", "The grade when the enhancement applies (slug).")
    defined_as_offense = slug_field("defined_as_offense", "The aggravated offense, when it has its own section (slug).")

    class Meta:
        model = Enhancement
        fields = [
            "slug",
            "triggers",
            "requires_conviction",
            "min_prior_count",
            "lookback_years",
            "resulting_class",
            "defined_as_offense",
            *PROVENANCE_FIELDS,
        ]


OFFENSE_FIELDS = [
    "slug",
    "url",
    "jurisdiction",
    "name",
    "family",
    "degree",
    "harass_definition",
    "venue_rule",
    "effective_from",
    "effective_to",
    "version_note",
    "dv_predicate",
    "dv_relationship_required",
    "text_complete",
    "text_missing",
]


class OffenseListSerializer(CodebookSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:offense-detail", lookup_field="slug")
    jurisdiction = serializers.CharField(source="jurisdiction.code", read_only=True, help_text="USPS code.")

    class Meta:
        model = Offense
        fields = [*OFFENSE_FIELDS, *PROVENANCE_FIELDS]


class OffenseDetailSerializer(OffenseListSerializer):
    prongs = ProngSerializer(many=True, read_only=True)
    exemptions = ExemptionSerializer(many=True, read_only=True)
    enhancements = EnhancementSerializer(many=True, read_only=True)
    dispositions = serializers.SerializerMethodField(
        help_text="The diversion programs that could dispose of a charge of this offense, computed by the evaluator "
        "from the charge alone: available, available_unless_dv, only_if_dv, excluded or unclear."
    )

    class Meta(OffenseListSerializer.Meta):
        fields = [*OFFENSE_FIELDS, "text", *PROVENANCE_FIELDS, "prongs", "exemptions", "enhancements", "dispositions"]

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "program": {"type": "string"},
                    "availability": {
                        "type": "string",
                        "enum": ["available", "available_unless_dv", "only_if_dv", "excluded", "unclear"],
                    },
                    "label": {"type": "string"},
                },
            },
        }
    )
    def get_dispositions(self, offense):
        from statutes.eligibility import offense_dispositions

        cache = self.context.setdefault("jurisdiction_rows", {})
        if offense.jurisdiction_id not in cache:
            cache[offense.jurisdiction_id] = (
                list(DiversionProgram.objects.filter(jurisdiction_id=offense.jurisdiction_id).order_by("slug")),
                list(PenaltyClass.objects.filter(jurisdiction_id=offense.jurisdiction_id)),
            )
        programs, classes = cache[offense.jurisdiction_id]
        return [
            {"program": d["program"].slug, "availability": d["availability"], "label": d["label"]}
            for d in offense_dispositions(offense, programs, classes)
        ]


class DecisionSerializer(CodebookSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:courtdecision-detail", lookup_field="slug")
    jurisdiction = serializers.CharField(source="jurisdiction.code", read_only=True, help_text="USPS code.")
    offense = slug_field("offense", "The offense version construed (slug).")
    prongs = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="slug", help_text="The prongs affected."
    )

    class Meta:
        model = CourtDecision
        fields = [
            "slug",
            "url",
            "jurisdiction",
            "case_name",
            "court",
            "decided_on",
            "binding_scope",
            "effects",
            "offense",
            "prongs",
            "affected_language",
            "subsequent_history",
            "summary",
            *PROVENANCE_FIELDS,
        ]


PROGRAM_FIELDS = ["slug", "url", "jurisdiction", *own_fields(PROGRAM)]


class DiversionProgramSerializer(CodebookSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:diversionprogram-detail", lookup_field="slug")
    jurisdiction = serializers.CharField(source="jurisdiction.code", read_only=True, help_text="USPS code.")

    class Meta:
        model = DiversionProgram
        fields = [*PROGRAM_FIELDS, *PROVENANCE_FIELDS]


JURISDICTION_FIELDS = [
    "code",
    "url",
    "name",
    "kind",
    "fips",
    "has_offense_titled_harassment",
    "primary_offense",
    "dv_definition_model",
    "dv_fact_definition",
    "default_culpability_rule",
    "excluded_offenses",
    "diversion_note",
    "summary",
    "last_reviewed",
]


class JurisdictionListSerializer(CodebookSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:jurisdiction-detail", lookup_field="code")
    primary_offense = slug_field("primary_offense", "The baseline harassment charge (slug).")

    class Meta:
        model = Jurisdiction
        fields = JURISDICTION_FIELDS


class JurisdictionDetailSerializer(JurisdictionListSerializer):
    offenses = OffenseDetailSerializer(many=True, read_only=True)
    penalty_classes = PenaltyClassSerializer(many=True, read_only=True)
    diversion_programs = DiversionProgramSerializer(many=True, read_only=True)
    decisions = DecisionSerializer(many=True, read_only=True)

    class Meta(JurisdictionListSerializer.Meta):
        fields = [*JURISDICTION_FIELDS, "reviews", "offenses", "penalty_classes", "diversion_programs", "decisions"]
