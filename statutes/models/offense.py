"""Offenses, their prongs, exemptions and enhancements (codebook §4–§5)."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from statutes import choices, quotes
from statutes.fields import MultiChoiceField, SlugField

from .provenance import Provenance

EARLIEST = datetime.date(1, 1, 1)


class OffenseQuerySet(models.QuerySet):
    def as_of(self, date):
        """Versions in force on `date` (an unknown start counts as in force)."""
        return self.filter(Q(effective_from__isnull=True) | Q(effective_from__lte=date)).filter(
            Q(effective_to__isnull=True) | Q(effective_to__gte=date)
        )

    def in_force(self):
        return self.as_of(datetime.date.today())


class Offense(Provenance):
    """One statute section defining a harassment-family offense, one row per version."""

    jurisdiction = models.ForeignKey("statutes.Jurisdiction", on_delete=models.CASCADE, related_name="offenses")
    slug = SlugField(
        max_length=120, unique=True, help_text="Stable identifier, e.g. tx-penal-42.07; a later version adds its year."
    )
    name = models.CharField(max_length=300, help_text="The official caption, verbatim.")
    family = models.CharField(
        max_length=30,
        choices=choices.Family.choices,
        db_index=True,
        help_text="The offense's family, by elements, not by name.",
    )
    degree = models.CharField(max_length=200, blank=True, default="", help_text='The degree, e.g. "second degree".')
    text = models.TextField(
        blank=True, default="", help_text="The verbatim text as read; separate excerpts joined by a line […]."
    )
    text_complete = models.BooleanField(default=False, help_text="Whether the whole section was read.")
    text_missing = models.TextField(blank=True, default="", help_text="The subsections not read, when incomplete.")
    harass_definition = models.TextField(
        null=True,
        blank=True,
        help_text='Verbatim statutory definition of "harass" or "course of conduct"; empty if the law has none; '
        "null if not yet checked.",
    )
    venue_rule = models.CharField(
        max_length=24,
        choices=choices.VenueRule.choices,
        null=True,
        blank=True,
        help_text="Where a communication offense may be tried.",
    )
    effective_from = models.DateField(
        null=True, blank=True, db_index=True, help_text="First day in force; empty = unknown."
    )
    effective_to = models.DateField(
        null=True, blank=True, db_index=True, help_text="Last day in force; empty = still in force (or unknown)."
    )
    version_note = models.TextField(
        blank=True, default="", help_text="The session law or cut-off that dates this version."
    )
    dv_predicate = models.CharField(
        max_length=20,
        choices=choices.DvPredicate.choices,
        null=True,
        blank=True,
        help_text="Whether the offense counts as domestic violence in the jurisdiction's definition, and how.",
    )
    dv_relationship_required = models.BooleanField(
        null=True,
        blank=True,
        help_text="Whether it counts as domestic violence only between people in a listed relationship.",
    )
    history = HistoricalRecords()

    objects = OffenseQuerySet.as_manager()

    class Meta:
        ordering = ["jurisdiction__code", "citation", "effective_from"]
        constraints = [
            # Undated versions (effective_from null) may coexist: sources often give no dates (codebook §2).
            models.UniqueConstraint(
                fields=["jurisdiction", "citation", "effective_from"], name="unique_offense_version"
            ),
            models.CheckConstraint(
                condition=Q(effective_from__isnull=True)
                | Q(effective_to__isnull=True)
                | Q(effective_to__gte=models.F("effective_from")),
                name="offense_effective_range_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.citation} — {self.name}"


def prong_slug(offense_slug, pinpoint):
    return f"{offense_slug}-{re.sub(r'[^a-z0-9]+', '-', pinpoint.lower()).strip('-')}"


class Prong(Provenance):
    """One alternative way of committing an offense, usually one subsection."""

    JURISDICTION_CODE = "offense__jurisdiction__code"

    offense = models.ForeignKey(Offense, on_delete=models.CASCADE, related_name="prongs")
    slug = SlugField(max_length=160, unique=True, editable=False, help_text="The offense's slug plus the pinpoint.")
    subsection = models.CharField(
        max_length=40, help_text="The subsection, e.g. (a)(7); groups split prongs back together."
    )
    pinpoint = models.CharField(
        max_length=60, help_text='Unique within the offense: (a)(7), or "(b) threat" when a subsection is split.'
    )
    conduct_types = MultiChoiceField(
        choices_class=choices.ConductType, null=True, blank=True, help_text="The conduct the prong covers."
    )
    communication_media = MultiChoiceField(
        choices_class=choices.CommunicationMedium,
        null=True,
        blank=True,
        help_text="The means of communication covered.",
    )
    communication_direction = models.CharField(
        max_length=24,
        choices=choices.CommunicationDirection.choices,
        null=True,
        blank=True,
        help_text="Whether the communication must go to the person, may be about them, or is about them to others.",
    )
    mens_rea_level = models.CharField(
        max_length=20,
        choices=choices.MensReaLevel.choices,
        null=True,
        blank=True,
        db_index=True,
        help_text="The mental state of the governing purpose element; where there is none, the lowest culpability "
        "that suffices for the conduct (Model Penal Code scale). 'With intent … or in reckless disregard' is recklessness.",
    )
    mens_rea_text = models.TextField(null=True, blank=True, help_text="The exact phrase(s) stating the mental state.")
    other_mental_states = models.TextField(
        null=True, blank=True, help_text='Further mental states the prong requires ("knowingly sends"), verbatim.'
    )
    mens_rea_inference = models.TextField(
        null=True,
        blank=True,
        help_text="A statutory inference that lets intent be found from lesser proof, verbatim; empty if none.",
    )
    intent_objects = MultiChoiceField(
        choices_class=choices.IntentObject,
        null=True,
        blank=True,
        help_text="What the actor must intend (to harass, annoy, alarm …), exactly as the text says.",
    )
    threat_element = models.CharField(
        max_length=24,
        choices=choices.ThreatElement.choices,
        null=True,
        blank=True,
        db_index=True,
        help_text="Whether the words must be a threat, or their functional equivalent.",
    )
    threat_mens_rea = models.CharField(
        max_length=24,
        choices=choices.ThreatMensRea.choices,
        null=True,
        blank=True,
        help_text="The mental state as to the threatening character of the words.",
    )
    effect_standard = models.CharField(
        max_length=30,
        choices=choices.EffectStandard.choices,
        null=True,
        blank=True,
        help_text="What effect on the person must be shown, and judged how.",
    )
    effect_types = MultiChoiceField(
        choices_class=choices.EffectType, null=True, blank=True, help_text="The effects on the person the prong names."
    )
    repetition = models.CharField(
        max_length=30,
        choices=choices.Repetition.choices,
        null=True,
        blank=True,
        db_index=True,
        help_text="Whether a single act suffices or repetition / a course of conduct is required.",
    )
    min_occasions = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Minimum number of occasions, when the law or a court states one."
    )
    min_occasions_basis = models.CharField(
        max_length=14,
        choices=choices.MinOccasionsBasis.choices,
        null=True,
        blank=True,
        help_text="Where the minimum comes from: an applicable definition, the offense text, or a decision.",
    )
    no_legitimate_purpose = models.CharField(
        max_length=20,
        choices=choices.NoLegitimatePurpose.choices,
        null=True,
        blank=True,
        help_text="Whether lack of a legitimate purpose is an element, part of a definition, a defense, or absent.",
    )
    prior_request_to_stop = models.BooleanField(
        null=True,
        blank=True,
        help_text="The prosecution must prove the person was told, before the charged acts, that contact was unwelcome.",
    )
    nonconsent_element = models.CharField(
        max_length=20,
        choices=choices.NonconsentElement.choices,
        null=True,
        blank=True,
        help_text="Whether lack of consent to the charged contact itself is an element.",
    )
    pure_speech = models.BooleanField(
        null=True, blank=True, db_index=True, help_text="The prong can be violated by words alone."
    )
    penalty_class = models.ForeignKey(
        "statutes.PenaltyClass",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="prongs",
        help_text="The prong's base grade; grades that depend on further facts are enhancements.",
    )
    # Computed from the coded values and decisions (statutes.indicators); never typed.
    enforceability = models.CharField(
        max_length=14,
        choices=choices.Enforceability.choices,
        default=choices.Enforceability.ENFORCEABLE,
        editable=False,
        db_index=True,
        help_text="Computed from the decisions that reach the prong. An indicator, not a legal conclusion.",
    )
    flag_annoyance_speech = models.BooleanField(
        null=True,
        editable=False,
        help_text="Pure speech, no threat, intent only to annoy/alarm/etc. and no real effect required: "
        "the pattern struck in People v. Golb and People v. Dietze. An indicator, not a legal conclusion.",
    )
    flag_threat_below_recklessness = models.BooleanField(
        null=True,
        editable=False,
        help_text="A threat prong that can be proved with less than recklessness as to the threat: "
        "the Counterman v. Colorado pattern. An indicator, not a legal conclusion.",
    )
    flag_speech_about_victim = models.BooleanField(
        null=True,
        editable=False,
        help_text="Pure speech that may be about the person rather than to them: the Relerford / "
        "Shackelford pattern. An indicator, not a legal conclusion.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["offense__jurisdiction__code", "offense__citation", "pinpoint"]
        constraints = [
            models.UniqueConstraint(fields=["offense", "pinpoint"], name="unique_prong_pinpoint"),
            models.CheckConstraint(
                condition=Q(min_occasions__isnull=True) | Q(min_occasions__gte=1), name="prong_min_occasions_positive"
            ),
        ]

    def clean(self):
        super().clean()
        if self.quote and self.offense_id:
            missing = quotes.missing_segments(self.quote, self.offense.text)
            if missing:
                raise ValidationError(
                    {"quote": f"Not found in the offense text (after normalization): {missing[0][:120]}"}
                )

    def save(self, *args, **kwargs):
        if not self.slug and self.offense_id:
            self.slug = prong_slug(self.offense.slug, self.pinpoint)
        super().save(*args, **kwargs)

    def __str__(self):
        return f"{self.offense.citation} {self.pinpoint}"


class Exemption(Provenance):
    """A carve-out from an offense (protected speech, labor activity …)."""

    JURISDICTION_CODE = "offense__jurisdiction__code"

    offense = models.ForeignKey(Offense, on_delete=models.CASCADE, related_name="exemptions")
    slug = SlugField(max_length=120, unique=True, help_text="Stable public identifier.")
    kinds = MultiChoiceField(choices_class=choices.ExemptionKind, null=True, blank=True, help_text="What is exempted.")
    scope = models.CharField(
        max_length=16,
        choices=choices.ExemptionScope.choices,
        null=True,
        blank=True,
        help_text="What the exemption covers.",
    )
    prongs = models.ManyToManyField(
        Prong, blank=True, related_name="exemptions", help_text="The prongs, when the scope is listed prongs."
    )
    act_citation = models.CharField(
        max_length=300, blank=True, default="", help_text="The act's citation, when the scope is the whole act."
    )
    form = models.CharField(
        max_length=22,
        choices=choices.ExemptionForm.choices,
        null=True,
        blank=True,
        help_text="How the exemption works.",
    )
    history = HistoricalRecords(m2m_fields=[prongs])

    class Meta:
        ordering = ["offense__slug", "slug"]

    def __str__(self):
        return self.slug


class Enhancement(Provenance):
    """A condition that changes an offense's grade; all its triggers must hold."""

    JURISDICTION_CODE = "offense__jurisdiction__code"

    offense = models.ForeignKey(Offense, on_delete=models.CASCADE, related_name="enhancements")
    slug = SlugField(max_length=120, unique=True, help_text="Stable public identifier.")
    triggers = MultiChoiceField(
        choices_class=choices.Trigger, null=True, blank=True, help_text="The conditions, all of which must hold."
    )
    requires_conviction = models.BooleanField(
        null=True, blank=True, help_text="A prior conviction is required, not just a prior offense."
    )
    min_prior_count = models.PositiveSmallIntegerField(null=True, blank=True, help_text="How many priors are needed.")
    lookback_years = models.PositiveSmallIntegerField(null=True, blank=True, help_text="How far back priors count.")
    resulting_class = models.ForeignKey(
        "statutes.PenaltyClass",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enhancements",
        help_text="The grade when the enhancement applies.",
    )
    defined_as_offense = models.ForeignKey(
        Offense,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="defined_enhancements",
        help_text="The offense, when the aggravated form has its own section.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["offense__slug", "slug"]

    def __str__(self):
        return self.slug
