"""Editors and reviewers: groups with the right model permissions, kept in step after every migrate."""

from django.apps import apps

EDITORS = "editors"
REVIEWERS = "reviewers"
VERIFY = "verify_rows"
CODED_MODELS = [
    "jurisdiction",
    "sourcetext",
    "offense",
    "prong",
    "penaltyclass",
    "exemption",
    "enhancement",
    "courtdecision",
    "diversionprogram",
]


def ensure_roles(**kwargs):
    """Editors may view, add and change coded rows; reviewers may also mark rows verified. Nobody in these
    groups deletes: rows leave the data through the data files, reviewed like code."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = {
        EDITORS: [f"{action}_{model}" for model in CODED_MODELS for action in ("view", "add", "change")],
        REVIEWERS: [f"{action}_{model}" for model in CODED_MODELS for action in ("view", "change")] + [VERIFY],
    }
    for name, codenames in wanted.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="statutes", codename__in=codenames)
        group.permissions.set(permissions)


def can_verify(user, obj):
    """(allowed, reason): only a reviewer may mark a row verified, and never a row they edited themselves."""
    if not user.has_perm(f"statutes.{VERIFY}"):
        return False, "Only a reviewer can mark a row verified."
    if obj is not None and obj.pk and obj.history.filter(history_user=user).exists():
        return False, "You edited this row: another reviewer must verify it."
    return True, ""
