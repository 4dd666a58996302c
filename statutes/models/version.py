"""A single counter bumped by every data change, for ETags and response caching."""

from django.db import models
from django.db.models import F
from django.utils import timezone


class DataVersion(models.Model):
    """The version of the data; every load and admin edit bumps it."""

    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"data version {self.version}"

    @classmethod
    def current(cls):
        row = cls.objects.filter(pk=1).values_list("version", "changed_at").first()
        return row or (0, None)

    @classmethod
    def bump(cls):
        updated = cls.objects.filter(pk=1).update(version=F("version") + 1, changed_at=timezone.now())
        if not updated:
            cls.objects.get_or_create(pk=1)
