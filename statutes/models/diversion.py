"""Diversion mechanisms that can end a charge without a conviction (codebook §7)."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from statutes import choices, rules
from statutes.fields import MultiChoiceField, SlugField

from .provenance import Provenance


class DiversionProgram(Provenance):
    """A mechanism that can end a charge without a conviction, with a rule code can evaluate."""

    jurisdiction = models.ForeignKey(
        "statutes.Jurisdiction", on_delete=models.CASCADE, related_name="diversion_programs"
    )
    slug = SlugField(max_length=120, unique=True, help_text="Stable public identifier.")
    name = models.CharField(max_length=300, help_text="The program's name, verbatim.")
    mechanism = models.CharField(
        max_length=44, choices=choices.Mechanism.choices, db_index=True, help_text="How the program works."
    )
    ends_without_conviction = models.BooleanField(
        null=True, blank=True, help_text="Completing it leaves no conviction."
    )
    legal_basis = models.CharField(
        max_length=24, choices=choices.LegalBasis.choices, null=True, blank=True, help_text="What creates the program."
    )
    availability = models.CharField(
        max_length=34, choices=choices.Availability.choices, null=True, blank=True, help_text="Where it is available."
    )
    routing_group = SlugField(
        max_length=80,
        blank=True,
        default="",
        help_text="Shared by programs that split one population, e.g. by domestic-violence status.",
    )
    routing_note = models.TextField(blank=True, default="", help_text="How the routing group divides cases.")
    decision_makers = MultiChoiceField(
        choices_class=choices.Actor, null=True, blank=True, help_text="Who decides admission."
    )
    prosecutor_role = models.CharField(
        max_length=26,
        choices=choices.ProsecutorRole.choices,
        null=True,
        blank=True,
        help_text="The prosecutor's role in admission.",
    )
    prosecutor_can_appeal = models.BooleanField(
        null=True, blank=True, help_text="The prosecutor may appeal an admission."
    )
    victim_role = models.CharField(
        max_length=20,
        choices=choices.VictimRole.choices,
        null=True,
        blank=True,
        help_text="The victim's role in admission.",
    )
    stage = MultiChoiceField(
        choices_class=choices.Stage, null=True, blank=True, help_text="When in the case it is available."
    )
    plea_requirement = models.CharField(
        max_length=16,
        choices=choices.PleaRequirement.choices,
        null=True,
        blank=True,
        help_text="Whether a plea is required.",
    )
    offense_levels = MultiChoiceField(
        choices_class=choices.Tier, null=True, blank=True, help_text="The penalty tiers the program covers."
    )
    excluded_categories = MultiChoiceField(
        choices_class=choices.ExcludedCategory,
        null=True,
        blank=True,
        help_text="Categories of charge the program excludes (mirrors the rule, for filtering).",
    )
    duration_max_days = models.PositiveIntegerField(
        null=True, blank=True, help_text="Longest term in days; empty when it depends."
    )
    duration_rule = models.TextField(blank=True, default="", help_text="How long it lasts, in words.")
    fee_max_usd = models.PositiveIntegerField(null=True, blank=True, help_text="Highest fee; empty when a formula.")
    fee_rule = models.TextField(blank=True, default="", help_text="Fees, including waivers.")
    conditions = MultiChoiceField(
        choices_class=choices.Condition, null=True, blank=True, help_text="Conditions that may be imposed."
    )
    completion_outcome = models.CharField(
        max_length=30,
        choices=choices.CompletionOutcome.choices,
        null=True,
        blank=True,
        help_text="What completing it does.",
    )
    record_relief = models.CharField(
        max_length=22,
        choices=choices.RecordRelief.choices,
        null=True,
        blank=True,
        help_text="What happens to the record.",
    )
    reuse_limit = models.CharField(
        max_length=22,
        choices=choices.ReuseLimit.choices,
        null=True,
        blank=True,
        help_text="How often a person may use it.",
    )
    eligibility_rule = models.JSONField(
        null=True,
        blank=True,
        help_text="The eligibility rule, a JSON document valid against the published schema (codebook §7).",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["jurisdiction__code", "slug"]

    def clean(self):
        super().clean()
        if self.eligibility_rule is not None:
            problems = rules.rule_errors(self.eligibility_rule)
            if problems:
                raise ValidationError({"eligibility_rule": [f"{path}: {message}" for path, message in problems]})

    def __str__(self):
        return self.name
