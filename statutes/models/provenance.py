"""Provenance carried by every coded row (codebook §2)."""

from django.db import models

from statutes import choices


class Provenance(models.Model):
    """Where a coded answer was read, what it says verbatim, and how far it can be trusted."""

    # The lookup from a row (or its history) to the code of the jurisdiction that owns it.
    JURISDICTION_CODE = "jurisdiction__code"

    citation = models.CharField(
        max_length=300,
        help_text="Bluebook-style citation, pinpoint to the subsection where it matters, "
        "e.g. Tex. Penal Code § 42.07(a)(7).",
    )
    source_url = models.URLField(max_length=1000, null=True, blank=True, help_text="Where the text was read.")
    source_kind = models.CharField(
        max_length=20,
        choices=choices.SourceKind.choices,
        null=True,
        blank=True,
        help_text="What the page holds: codified text, a session law, a court rule, a bill, an opinion or commentary.",
    )
    source_tier = models.CharField(
        max_length=12,
        choices=choices.SourceTier.choices,
        null=True,
        blank=True,
        help_text="Judged by content, not by host: official publication, verbatim mirror, or secondary summary.",
    )
    quote = models.JSONField(
        null=True,
        blank=True,
        help_text="Verbatim support (at most 1,500 characters): a string, or a list of segments "
        "{text, pinpoint} shown joined by ' … '. Copied from the source, never rebuilt from memory.",
    )
    quote_raw = models.TextField(null=True, blank=True, help_text="The raw excerpt, if it needed normalizing.")
    retrieved_on = models.DateField(null=True, blank=True, help_text="When the text was read.")
    law_as_of = models.DateField(
        null=True,
        blank=True,
        help_text="The date for which the answer is true; with a version note when only a cut-off is known.",
    )
    status = models.CharField(
        max_length=10,
        choices=choices.Status.choices,
        default=choices.Status.DRAFT,
        db_index=True,
        help_text="draft (secondary sources or bill text only), coded (from the law's text), "
        "verified (a second independent reading agreed) or disputed (readings or copies disagree).",
    )
    confidence = models.CharField(
        max_length=8, choices=choices.Confidence.choices, null=True, blank=True, help_text="The coder's confidence."
    )
    coder_note = models.TextField(
        blank=True,
        default="",
        help_text="Required when a value is unclear, confidence is low, the answer rests on case law, "
        "the source is not official, or a field's support is not the row's main source.",
    )
    field_sources = models.JSONField(
        default=dict,
        blank=True,
        help_text="{field: {source_url, source_tier, quote}} for fields supported by another source than the row's.",
    )

    class Meta:
        abstract = True

    @property
    def quote_segments(self):
        """The quote as a list of {text, pinpoint} segments."""
        if not self.quote:
            return []
        if isinstance(self.quote, str):
            return [{"text": self.quote, "pinpoint": ""}]
        return self.quote

    @property
    def quote_display(self):
        return " … ".join(s["text"] for s in self.quote_segments)


PROVENANCE_FIELDS = [
    "citation",
    "source_url",
    "source_kind",
    "source_tier",
    "quote",
    "quote_raw",
    "retrieved_on",
    "law_as_of",
    "status",
    "confidence",
    "coder_note",
    "field_sources",
]
