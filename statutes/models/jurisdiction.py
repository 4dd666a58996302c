"""Jurisdictions and the stored copies of the pages their data was read from."""

from django.db import models
from simple_history.models import HistoricalRecords

from statutes import choices


class Jurisdiction(models.Model):
    """A state, D.C., a territory, or federal law (codebook §3)."""

    JURISDICTION_CODE = "code"

    code = models.CharField(
        max_length=2, unique=True, help_text="USPS code; US for federal law. 57 jurisdictions in all."
    )
    name = models.CharField(max_length=80, help_text="The jurisdiction's name.")
    kind = models.CharField(
        max_length=10, choices=choices.JurisdictionKind.choices, help_text="State, district, territory or federal."
    )
    fips = models.CharField(
        max_length=2, null=True, blank=True, help_text="FIPS code (a reference constant; none for federal law)."
    )
    has_offense_titled_harassment = models.BooleanField(
        null=True, blank=True, help_text="Does the jurisdiction have an offense whose caption says harassment?"
    )
    primary_offense = models.ForeignKey(
        "statutes.Offense",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The baseline harassment charge: the lowest-grade general offense; where none is titled "
        "harassment, the offense most used for harassing communications.",
    )
    dv_definition_model = models.CharField(
        max_length=40,
        choices=choices.DvDefinitionModel.choices,
        null=True,
        blank=True,
        help_text="How the jurisdiction defines domestic violence.",
    )
    dv_fact_definition = models.JSONField(
        null=True,
        blank=True,
        help_text="What 'DV-related' means here ({text, citation, source_url, quote}); it phrases the eligibility question.",
    )
    default_culpability_rule = models.JSONField(
        null=True,
        blank=True,
        help_text="A general-part rule that supplies a mental state where an offense states none "
        "({citation, source_url, quote}), if any.",
    )
    excluded_offenses = models.JSONField(
        default=list,
        blank=True,
        help_text=(
            "Harassment-like sections looked at and left out, each {citation, reason}, so completeness can be audited; "
            "not_found: true marks a section left out only because no stored source had its text (a documented gap)."
        ),
    )
    diversion_note = models.TextField(
        blank=True,
        default="",
        help_text=(
            "Only where no diversion mechanism is coded: the text showing that none exists and what takes its place, "
            "or what was searched and not found (a documented gap)."
        ),
    )
    summary = models.TextField(
        null=True, blank=True, help_text="Our own words: a short paragraph for a reader facing a charge."
    )
    last_reviewed = models.DateField(null=True, blank=True, help_text="When the jurisdiction's data was last reviewed.")
    reviews = models.JSONField(
        default=list,
        blank=True,
        help_text=(
            "Independent blind checks, each {date, reviewer, scope, compared, agreed, rate, resolved, verified}: "
            "agreement before resolution, how each disagreement was settled, and the rows then marked verified."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        permissions = [("verify_rows", "Can mark coded rows verified (reviewers only)")]

    def __str__(self):
        return f"{self.name} ({self.code})"


class SourceText(models.Model):
    """The verbatim text of a page as it was read, so quotes can be checked against it."""

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.CASCADE, related_name="sources")
    url = models.URLField(max_length=1000, help_text="The page's address.")
    title = models.CharField(max_length=300, blank=True, default="", help_text="The page's title.")
    retrieved_on = models.DateField(null=True, blank=True, help_text="When the text was read.")
    text_complete = models.BooleanField(default=False, help_text="Whether the whole page's relevant text was read.")
    text = models.TextField(help_text="The excerpt as read, verbatim.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["jurisdiction", "url"]
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "url"], name="unique_source_per_jurisdiction")]

    def __str__(self):
        return self.url
