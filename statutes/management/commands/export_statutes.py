from django.conf import settings
from django.core.management.base import BaseCommand

from statutes.fixtures_db import export_directory


class Command(BaseCommand):
    help = "Write the database as canonical data files (one per jurisdiction)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=None, help="Directory to write (default: fixtures/).")
        parser.add_argument("codes", nargs="*", help="Only these jurisdictions (USPS codes).")

    def handle(self, *args, output, codes, **options):
        written = export_directory(output or settings.FIXTURES_DIR, codes)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(written)} file(s)."))
