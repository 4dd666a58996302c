import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "For local development: create a superuser with a generated password, printed once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a local superuser with DJANGO_DEBUG=0; use createsuperuser.")
        users = get_user_model().objects
        if users.filter(is_superuser=True).exists():
            name = users.filter(is_superuser=True).order_by("pk").values_list("username", flat=True).first()
            self.stdout.write(
                f"Admin sign-in: superuser {name!r} already exists (its password was printed when it was created). "
                f"To set a new one: .venv/bin/python manage.py changepassword {name}"
            )
            return
        password = secrets.token_urlsafe(18)
        users.create_superuser(username=username, email="", password=password)
        bar = "=" * 72
        self.stdout.write(
            f"{bar}\nLocal admin created — this password is shown once, keep it:\n"
            f"  URL:      http://127.0.0.1:8000/admin/\n  user:     {username}\n  password: {password}\n{bar}"
        )
