"""Every change to the data bumps the data version (ETags and caches key on it)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from statutes.models import DataVersion

TRACKED = {
    "Jurisdiction",
    "SourceText",
    "Offense",
    "Prong",
    "PenaltyClass",
    "Exemption",
    "Enhancement",
    "CourtDecision",
    "DiversionProgram",
}


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def bump_data_version(sender, **kwargs):
    model = kwargs.get("model") if kwargs.get("action") else sender
    name = getattr(sender, "__name__", "")
    if (
        sender._meta.app_label == "statutes"
        and (name in TRACKED or name.endswith("_prongs"))
        and model is not DataVersion
    ):
        DataVersion.bump()
