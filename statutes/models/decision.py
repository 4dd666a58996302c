"""Court decisions that struck, narrowed, interpreted or upheld an offense (codebook §6)."""

from django.db import models
from simple_history.models import HistoricalRecords

from statutes import choices
from statutes.fields import MultiChoiceField, SlugField

from .provenance import Provenance


class CourtDecision(Provenance):
    """A decision construing an offense version, or a doctrine binding everywhere."""

    slug = SlugField(max_length=120, unique=True, help_text="Stable public identifier.")
    case_name = models.CharField(max_length=300, help_text="The case name, e.g. People v. Golb.")
    court = models.CharField(max_length=200, blank=True, default="", help_text="The deciding court.")
    decided_on = models.DateField(null=True, blank=True, help_text="The date of decision.")
    binding_scope = models.CharField(
        max_length=24, choices=choices.BindingScope.choices, null=True, blank=True, help_text="The court's level."
    )
    jurisdiction = models.ForeignKey("statutes.Jurisdiction", on_delete=models.CASCADE, related_name="decisions")
    effects = MultiChoiceField(
        choices_class=choices.DecisionEffect, null=True, blank=True, help_text="What the decision did to the offense."
    )
    offense = models.ForeignKey(
        "statutes.Offense",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
        help_text="The offense version construed (none for a doctrine).",
    )
    prongs = models.ManyToManyField(
        "statutes.Prong", blank=True, related_name="decisions", help_text="The prongs affected (none for a doctrine)."
    )
    affected_language = models.TextField(
        blank=True, default="", help_text="The statutory words the decision struck, narrowed or construed, verbatim."
    )
    subsequent_history = models.TextField(blank=True, default="", help_text="Later history of the case.")
    summary = models.TextField(blank=True, default="", help_text="What the court held, in our words.")
    history = HistoricalRecords(m2m_fields=[prongs])

    class Meta:
        ordering = ["jurisdiction__code", "decided_on", "slug"]

    def __str__(self):
        return self.citation or self.case_name
