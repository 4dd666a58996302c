import shutil
import sqlite3
import subprocess

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


def pg_env(db):
    return {"PGPASSWORD": db.get("PASSWORD") or "", "PATH": "/usr/bin:/bin:/usr/local/bin"}


def pg_args(db):
    return ["-h", db.get("HOST") or "127.0.0.1", "-p", str(db.get("PORT") or 5432), "-U", db.get("USER") or "postgres"]


class Command(BaseCommand):
    help = "Back up the database to a file: SQLite's online backup API, or pg_dump (custom format) on PostgreSQL."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        db = connection.settings_dict
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(path)
            with target:
                connection.connection.backup(target)
            target.close()
        elif connection.vendor == "postgresql":
            if not shutil.which("pg_dump"):
                raise CommandError("pg_dump is not installed")
            subprocess.run(["pg_dump", "-Fc", "-f", path, *pg_args(db), db["NAME"]], env=pg_env(db), check=True)
        else:
            raise CommandError(f"No backup method for {connection.vendor}")
        self.stdout.write(self.style.SUCCESS(f"Backed up {connection.vendor} database to {path}"))
