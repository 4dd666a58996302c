from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statutes.blind import compare, load_blind, pick_items
from statutes.fixtures_io import read_file

BLIND_DIR = settings.BASE_DIR / "notes" / "blind"


class Command(BaseCommand):
    help = "Independent blind check: `items CODE` lists what a second reader codes; `compare CODE` measures agreement."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["items", "compare"])
        parser.add_argument("code")

    def handle(self, *args, action, code, **options):
        document = read_file(settings.FIXTURES_DIR / f"{code.lower()}.yaml")
        if action == "items":
            for item in pick_items(document):
                label = item.get("offense_name") or item.get("program_name")
                self.stdout.write(f"- {item['kind']:7} {item['item']}  |  {item['citation']}  |  {label}")
            return
        blind = load_blind(BLIND_DIR, code)
        if blind is None:
            raise CommandError(f"No blind coding at {BLIND_DIR / (code.lower() + '.yaml')}")
        compared, agreed, disagreements, same_copy = compare(document, blind)
        rate = agreed / compared if compared else 0
        self.stdout.write(
            f"{code.upper()}: {agreed}/{compared} fields agree ({rate:.1%}) over {len(blind.get('items') or [])} items"
        )
        for item, field, ours, theirs in disagreements:
            self.stdout.write(f"  ✗ {item} {field}: coded {ours!r}, blind {theirs!r}")
        if same_copy:
            self.stdout.write(f"  (read the same copy as the coder: {', '.join(same_copy)})")
