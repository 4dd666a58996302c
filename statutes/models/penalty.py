"""Penalty classes: a jurisdiction's grades (codebook §5)."""

from django.db import models
from simple_history.models import HistoricalRecords

from statutes import choices, indicators
from statutes.fields import SlugField

from .provenance import Provenance


class PenaltyClass(Provenance):
    """A grade shared by a jurisdiction's offenses, with its maximum jail term and fine."""

    jurisdiction = models.ForeignKey("statutes.Jurisdiction", on_delete=models.CASCADE, related_name="penalty_classes")
    slug = SlugField(max_length=120, unique=True, help_text="Stable public identifier.")
    label = models.CharField(
        max_length=400,
        help_text='The grade\'s name, verbatim: "Class B misdemeanor", "petty disorderly persons offense".',
    )
    max_jail_days = models.PositiveIntegerField(
        null=True, blank=True, help_text="Maximum jail term in days (months × 30, years × 365); 0 for fine-only."
    )
    max_fine_usd = models.PositiveIntegerField(null=True, blank=True, help_text="The base maximum fine in US dollars.")
    fine_alternatives = models.TextField(
        null=True, blank=True, help_text='Other fine ceilings, e.g. "double the pecuniary gain".'
    )
    is_crime = models.BooleanField(null=True, blank=True, help_text="Does the jurisdiction call this grade a crime?")
    is_felony = models.CharField(
        max_length=20, choices=choices.IsFelony.choices, null=True, blank=True, help_text="Is the grade a felony?"
    )
    tier = models.CharField(
        max_length=20,
        choices=choices.Tier.choices,
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="Computed, never typed: not a crime; petty (≤ 30 days); lower misdemeanor (31–180); "
        "higher misdemeanor (181–365); over one year (> 365).",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["jurisdiction__code", "max_jail_days", "slug"]
        verbose_name_plural = "penalty classes"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_jail_days__isnull=True) | models.Q(max_jail_days__lte=365 * 100),
                name="penalty_max_jail_days_plausible",
            ),
        ]

    def save(self, *args, **kwargs):
        self.tier = indicators.tier(self.max_jail_days, self.is_crime)
        super().save(*args, **kwargs)

    def __str__(self):
        return f"{self.jurisdiction_id and self.jurisdiction.code}: {self.label}"
