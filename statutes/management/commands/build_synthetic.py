"""Grow the loaded data N-fold with synthetic copies, for scale benchmarks (never into fixtures/)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from statutes.fixtures_db import analyze
from statutes.models import CourtDecision, DataVersion, DiversionProgram, Offense, Prong
from statutes.search import rebuild_index

MARK = "[SYNTHETIC]"
NOTE = "Synthetic row for scale benchmarks: not law."


def _copy(obj, **changes):
    """An unsaved copy of a row (every concrete field but the primary key), with some fields changed."""
    model = type(obj)
    values = {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields if not f.primary_key}
    return model(**{**values, **changes})


class Command(BaseCommand):
    help = "Add synthetic copies of every offense (with prongs), decision and program so the data is N times larger."

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=100)

    def handle(self, *args, factor, **options):
        db = settings.DATABASES["default"]
        if db["ENGINE"].endswith("sqlite3") and str(db["NAME"]) == str(settings.BASE_DIR / "db.sqlite3"):
            raise CommandError(
                "Refusing to add synthetic rows to the project database: set DATABASE_URL to a scratch database."
            )
        if Offense.objects.filter(name__startswith=MARK).exists():
            raise CommandError("This database already holds synthetic rows.")
        offenses = list(Offense.objects.all())
        prongs = list(Prong.objects.all())
        decisions = list(CourtDecision.objects.all())
        programs = list(DiversionProgram.objects.all())
        by_offense = {}
        for prong in prongs:
            by_offense.setdefault(prong.offense_id, []).append(prong)
        with transaction.atomic():
            for n in range(1, factor):
                copies = []
                for offense in offenses:
                    copies.append(
                        _copy(
                            offense,
                            slug=f"{offense.slug}-syn{n}",
                            name=f"{MARK} {offense.name}",
                            citation=f"{offense.citation} [synthetic {n}]",
                            coder_note=NOTE,
                        )
                    )
                created = Offense.objects.bulk_create(copies)
                new_prongs = []
                for original, copy in zip(offenses, created, strict=True):
                    for prong in by_offense.get(original.pk, []):
                        new_prongs.append(
                            _copy(prong, offense_id=copy.pk, slug=f"{prong.slug}-syn{n}", coder_note=NOTE)
                        )
                Prong.objects.bulk_create(new_prongs, batch_size=2000)
                CourtDecision.objects.bulk_create(
                    [_copy(d, slug=f"{d.slug}-syn{n}", case_name=f"{MARK} {d.case_name}") for d in decisions]
                )
                DiversionProgram.objects.bulk_create(
                    [_copy(p, slug=f"{p.slug}-syn{n}", name=f"{MARK} {p.name}") for p in programs]
                )
            rebuild_index()
            analyze()
            DataVersion.bump()
        self.stdout.write(
            self.style.SUCCESS(
                f"Now {Offense.objects.count()} offenses and {Prong.objects.count()} prongs ({factor}×, synthetic rows marked {MARK})."
            )
        )
