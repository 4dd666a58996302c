"""The editors' admin: every model, provenance grouped on every row, history with revert."""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from statutes.computed import affected_prongs, refresh_indicators
from statutes.fields import MultiChoiceField
from statutes.fixtures_schema import PENALTY_CLASS_FIELDS, PRONG_ELEMENTS
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
from statutes.models.provenance import PROVENANCE_FIELDS
from statutes.roles import can_verify
from statutes.search import rebuild_index

PROVENANCE_FIELDSET = (
    "Provenance",
    {"fields": PROVENANCE_FIELDS, "description": "Where this answer was read and how far it can be trusted."},
)


def fieldsets(*groups):
    return [*groups, PROVENANCE_FIELDSET]


def multi_choice_filter(field):
    """A list filter for a MultiChoiceField: rows whose list has the chosen value."""

    class Filter(admin.SimpleListFilter):
        title = field.verbose_name
        parameter_name = field.name

        def lookups(self, request, model_admin):
            return field.choices_class.choices

        def queryset(self, request, queryset):
            if self.value():
                return queryset.filter(**{f"{field.name}__has": self.value()})
            return queryset

    return Filter


def choice_filters(model, *extra):
    """A list filter for every choice, multi-choice and boolean field of `model` (status included)."""
    filters = list(extra)
    for field in model._meta.get_fields():
        if isinstance(field, MultiChoiceField):
            filters.append(multi_choice_filter(field))
        elif getattr(field, "choices", None) or getattr(field, "get_internal_type", lambda: "")() == "BooleanField":
            filters.append(field.name)
    return filters


def guarded_form(form_class, user):
    """A form that refuses to set status verified unless `user` may verify this row (roles.can_verify)."""

    class Guarded(form_class):
        def clean(self):
            data = super().clean()
            becomes_verified = data.get("status") == "verified" and getattr(self.instance, "status", None) != "verified"
            if becomes_verified:
                allowed, reason = can_verify(user, self.instance)
                if not allowed:
                    self.add_error("status", reason)
            return data

    return Guarded


class VerifyGuardMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # A blank nullable text box means "not yet checked" (null), never "checked, the law has none" ("").
        if (
            field is not None
            and db_field.null
            and isinstance(db_field, (models.TextField, models.CharField))
            and not db_field.choices
        ):
            field.empty_value = None
        return field

    def get_form(self, request, obj=None, **kwargs):
        return guarded_form(super().get_form(request, obj, **kwargs), request.user)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = guarded_form(formset.form, request.user)
        return formset


class ProvenanceAdmin(VerifyGuardMixin, SimpleHistoryAdmin):
    search_fields = ["citation", "quote", "coder_note"]
    save_on_top = True

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_indicators(affected_prongs(form.instance))
        rebuild_index()


class ProngInline(VerifyGuardMixin, admin.StackedInline):
    model = Prong
    extra = 0
    show_change_link = True
    autocomplete_fields = ["penalty_class"]
    fieldsets = fieldsets(
        (None, {"fields": ["subsection", "pinpoint", "penalty_class"]}),
        (
            "Elements",
            {"fields": PRONG_ELEMENTS},
        ),
    )
    classes = ["collapse"]


class ExemptionInline(VerifyGuardMixin, admin.StackedInline):
    model = Exemption
    extra = 0
    filter_horizontal = ["prongs"]
    fieldsets = fieldsets((None, {"fields": ["slug", "kinds", "scope", "prongs", "act_citation", "form"]}))


class EnhancementInline(VerifyGuardMixin, admin.StackedInline):
    model = Enhancement
    extra = 0
    fk_name = "offense"
    autocomplete_fields = ["resulting_class", "defined_as_offense"]
    fieldsets = fieldsets(
        (
            None,
            {
                "fields": [
                    "slug",
                    "triggers",
                    "requires_conviction",
                    "min_prior_count",
                    "lookback_years",
                    "resulting_class",
                    "defined_as_offense",
                ]
            },
        )
    )


class OffenseInline(admin.TabularInline):
    model = Offense
    fields = ["slug", "name", "citation", "family", "effective_from", "effective_to", "status"]
    extra = 0
    show_change_link = True


class ProgramInline(admin.TabularInline):
    model = DiversionProgram
    fields = ["slug", "name", "mechanism", "legal_basis", "status"]
    extra = 0
    show_change_link = True


class DecisionInline(admin.TabularInline):
    model = CourtDecision
    fields = ["slug", "case_name", "citation", "decided_on", "effects", "status"]
    extra = 0
    show_change_link = True


class SourceInline(admin.StackedInline):
    model = SourceText
    extra = 0
    classes = ["collapse"]


@admin.register(Jurisdiction)
class JurisdictionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "has_offense_titled_harassment", "dv_definition_model", "last_reviewed"]
    list_filter = choice_filters(Jurisdiction)
    search_fields = ["code", "name", "summary"]
    autocomplete_fields = ["primary_offense"]
    inlines = [OffenseInline, ProgramInline, DecisionInline, SourceInline]


@admin.register(Offense)
class OffenseAdmin(ProvenanceAdmin):
    list_display = ["slug", "name", "citation", "family", "jurisdiction", "effective_from", "effective_to", "status"]
    list_filter = choice_filters(Offense, "jurisdiction")
    search_fields = ["slug", "citation", "name", "text"]
    inlines = [ProngInline, ExemptionInline, EnhancementInline]
    fieldsets = fieldsets(
        (None, {"fields": ["jurisdiction", "slug", "name", "family", "degree"]}),
        ("Text", {"fields": ["text", "text_complete", "text_missing", "harass_definition"]}),
        ("Version", {"fields": ["effective_from", "effective_to", "version_note"]}),
        ("Venue and domestic violence", {"fields": ["venue_rule", "dv_predicate", "dv_relationship_required"]}),
    )


@admin.register(Prong)
class ProngAdmin(ProvenanceAdmin):
    list_display = [
        "slug",
        "pinpoint",
        "mens_rea_level",
        "repetition",
        "threat_element",
        "pure_speech",
        "enforceability",
        "status",
    ]
    list_filter = choice_filters(Prong, "offense__jurisdiction")
    search_fields = ["slug", "citation", "pinpoint", "mens_rea_text", "offense__name", "offense__text"]
    autocomplete_fields = ["offense", "penalty_class"]
    readonly_fields = [
        "slug",
        "enforceability",
        "flag_annoyance_speech",
        "flag_threat_below_recklessness",
        "flag_speech_about_victim",
    ]
    fieldsets = [
        (None, {"fields": ["offense", "slug", "subsection", "pinpoint", "penalty_class"]}),
        *ProngInline.fieldsets[1:-1],
        ("Computed (indicators, not legal conclusions)", {"fields": readonly_fields[1:]}),
        PROVENANCE_FIELDSET,
    ]


@admin.register(PenaltyClass)
class PenaltyClassAdmin(ProvenanceAdmin):
    list_display = ["slug", "label", "jurisdiction", "max_jail_days", "max_fine_usd", "tier", "status"]
    list_filter = choice_filters(PenaltyClass, "jurisdiction")
    search_fields = ["slug", "label", "citation"]
    readonly_fields = ["tier"]
    fieldsets = fieldsets(
        (
            None,
            {"fields": ["jurisdiction", "slug", *PENALTY_CLASS_FIELDS, "tier"]},
        )
    )


@admin.register(Exemption)
class ExemptionAdmin(ProvenanceAdmin):
    list_display = ["slug", "offense", "scope", "form", "status"]
    list_filter = choice_filters(Exemption, "offense__jurisdiction")
    search_fields = ["slug", "citation", "quote"]
    autocomplete_fields = ["offense"]
    filter_horizontal = ["prongs"]
    fieldsets = fieldsets((None, {"fields": ["offense", *ExemptionInline.fieldsets[0][1]["fields"]]}))


@admin.register(Enhancement)
class EnhancementAdmin(ProvenanceAdmin):
    list_display = ["slug", "offense", "resulting_class", "status"]
    list_filter = choice_filters(Enhancement, "offense__jurisdiction")
    search_fields = ["slug", "citation", "quote"]
    autocomplete_fields = ["offense", "resulting_class", "defined_as_offense"]
    fieldsets = fieldsets((None, {"fields": ["offense", *EnhancementInline.fieldsets[0][1]["fields"]]}))


@admin.register(CourtDecision)
class CourtDecisionAdmin(ProvenanceAdmin):
    list_display = ["slug", "case_name", "jurisdiction", "decided_on", "binding_scope", "status"]
    list_filter = choice_filters(CourtDecision, "jurisdiction")
    search_fields = ["slug", "case_name", "citation", "summary", "affected_language"]
    autocomplete_fields = ["offense"]
    filter_horizontal = ["prongs"]
    fieldsets = fieldsets(
        (None, {"fields": ["jurisdiction", "slug", "case_name", "court", "decided_on", "binding_scope"]}),
        (
            "What it did",
            {"fields": ["effects", "offense", "prongs", "affected_language", "summary", "subsequent_history"]},
        ),
    )


@admin.register(DiversionProgram)
class DiversionProgramAdmin(ProvenanceAdmin):
    list_display = ["slug", "name", "jurisdiction", "mechanism", "legal_basis", "status"]
    list_filter = choice_filters(DiversionProgram, "jurisdiction")
    search_fields = ["slug", "name", "citation", "duration_rule", "fee_rule"]
    fieldsets = fieldsets(
        (
            None,
            {
                "fields": [
                    "jurisdiction",
                    "slug",
                    "name",
                    "mechanism",
                    "ends_without_conviction",
                    "legal_basis",
                    "availability",
                ]
            },
        ),
        ("Routing", {"fields": ["routing_group", "routing_note"]}),
        (
            "Who decides, when",
            {
                "fields": [
                    "decision_makers",
                    "prosecutor_role",
                    "prosecutor_can_appeal",
                    "victim_role",
                    "stage",
                    "plea_requirement",
                ]
            },
        ),
        ("Scope", {"fields": ["offense_levels", "excluded_categories"]}),
        (
            "Terms",
            {
                "fields": [
                    "duration_max_days",
                    "duration_rule",
                    "fee_max_usd",
                    "fee_rule",
                    "conditions",
                    "completion_outcome",
                    "record_relief",
                    "reuse_limit",
                ]
            },
        ),
        ("Eligibility rule", {"fields": ["eligibility_rule"]}),
    )


@admin.register(SourceText)
class SourceTextAdmin(SimpleHistoryAdmin):
    list_display = ["url", "jurisdiction", "retrieved_on", "text_complete"]
    list_filter = ["jurisdiction", "text_complete"]
    search_fields = ["url", "title", "text"]
