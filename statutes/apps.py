from django.apps import AppConfig


class StatutesConfig(AppConfig):
    name = "statutes"
    verbose_name = "Harassment statutes"

    def ready(self):
        from django.db.models.signals import post_migrate

        from statutes import signals  # noqa: F401
        from statutes.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)
