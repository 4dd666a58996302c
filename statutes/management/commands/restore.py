import shutil
import sqlite3
import subprocess

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from statutes.management.commands.backup import pg_args, pg_env


class Command(BaseCommand):
    help = "Restore the database from a backup made by `backup` (replaces the current contents)."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        db = connection.settings_dict
        if connection.vendor == "sqlite":
            source = sqlite3.connect(path)
            connection.ensure_connection()
            with source:
                source.backup(connection.connection)
            source.close()
        elif connection.vendor == "postgresql":
            if not shutil.which("pg_restore"):
                raise CommandError("pg_restore is not installed")
            connection.close()
            subprocess.run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    "-d",
                    db["NAME"],
                    *pg_args(db),
                    path,
                ],
                env=pg_env(db),
                check=True,
            )
        else:
            raise CommandError(f"No restore method for {connection.vendor}")
        self.stdout.write(self.style.SUCCESS(f"Restored {connection.vendor} database from {path}"))
