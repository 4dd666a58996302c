"""A flat search index over statute texts, names, citations and decisions (rebuilt after every change)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    """One searchable document: an offense's text, a decision, a program."""

    kind = models.CharField(max_length=20, help_text="offense, decision or program.")
    jurisdiction = models.CharField(max_length=2, help_text="USPS code.")
    title = models.CharField(max_length=400)
    citation = models.CharField(max_length=400, blank=True, default="")
    url = models.CharField(max_length=300)
    body = models.TextField()
    # PostgreSQL only: the weighted document, kept up to date by rebuild_index and GIN-indexed (migration 0006).
    # SQLite keeps the column empty and searches its FTS5 table instead.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["jurisdiction", "kind", "title"]
        verbose_name_plural = "search entries"

    def __str__(self):
        return self.title
