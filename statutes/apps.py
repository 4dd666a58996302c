from django.apps import AppConfig


class StatutesConfig(AppConfig):
    name = "statutes"
    verbose_name = "Harassment statutes"

    def ready(self):
        from statutes import signals  # noqa: F401
