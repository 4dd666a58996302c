from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statutes.fixtures_db import foreign_slugs, load_directory, load_paths
from statutes.fixtures_io import DataFileError, fixture_paths, validate_paths


class Command(BaseCommand):
    help = "Validate the data files against the codebook and load them all in one transaction."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Files to load (default: every file in fixtures/).")
        parser.add_argument("--check", action="store_true", help="Validate only; write nothing.")

    def handle(self, *args, paths, check, **options):
        files = paths or fixture_paths(settings.FIXTURES_DIR)
        if not files:
            raise CommandError(f"No data files found in {settings.FIXTURES_DIR}")
        try:
            if check:
                parsed, errors = validate_paths(files)
                errors = errors or foreign_slugs(parsed)
                if errors:
                    raise DataFileError(errors)
                self.stdout.write(self.style.SUCCESS(f"{len(files)} file(s) valid."))
                return
            stats = load_directory(settings.FIXTURES_DIR) if not paths else load_paths(files)
        except DataFileError as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(exc.errors)} error(s); the database was not changed.") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {stats['files']} file(s): {stats['created']} created, "
                f"{stats['updated']} updated, {stats['deleted']} deleted."
            )
        )
