"""Grow the loaded data N-fold with synthetic copies, for scale benchmarks (never into fixtures/)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from statutes.fixtures_db import analyze
from statutes.models import CourtDecision, DataVersion, DiversionProgram, Offense, Prong
from statutes.search import rebuild_index

MARK = "[SYNTHETIC]"


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
                    copy = Offense(
                        **{
                            f.attname: getattr(offense, f.attname)
                            for f in Offense._meta.concrete_fields
                            if f.name != "id"
                        }
                    )
                    copy.slug = f"{offense.slug}-syn{n}"
                    copy.name = f"{MARK} {offense.name}"
                    copy.citation = f"{offense.citation} [synthetic {n}]"
                    copy.coder_note = "Synthetic row for scale benchmarks: not law."
                    copies.append(copy)
                created = Offense.objects.bulk_create(copies)
                new_prongs = []
                for original, copy in zip(offenses, created, strict=True):
                    for prong in by_offense.get(original.pk, []):
                        p = Prong(
                            **{
                                f.attname: getattr(prong, f.attname)
                                for f in Prong._meta.concrete_fields
                                if f.name != "id"
                            }
                        )
                        p.offense_id = copy.pk
                        p.slug = f"{prong.slug}-syn{n}"
                        p.coder_note = "Synthetic row for scale benchmarks: not law."
                        new_prongs.append(p)
                Prong.objects.bulk_create(new_prongs, batch_size=2000)
                CourtDecision.objects.bulk_create(
                    [
                        CourtDecision(
                            **{
                                **{
                                    f.attname: getattr(d, f.attname)
                                    for f in CourtDecision._meta.concrete_fields
                                    if f.name != "id"
                                },
                                "slug": f"{d.slug}-syn{n}",
                                "case_name": f"{MARK} {d.case_name}",
                            }
                        )
                        for d in decisions
                    ]
                )
                DiversionProgram.objects.bulk_create(
                    [
                        DiversionProgram(
                            **{
                                **{
                                    f.attname: getattr(p, f.attname)
                                    for f in DiversionProgram._meta.concrete_fields
                                    if f.name != "id"
                                },
                                "slug": f"{p.slug}-syn{n}",
                                "name": f"{MARK} {p.name}",
                            }
                        )
                        for p in programs
                    ]
                )
            rebuild_index()
            analyze()
            DataVersion.bump()
        self.stdout.write(
            self.style.SUCCESS(
                f"Now {Offense.objects.count()} offenses and {Prong.objects.count()} prongs ({factor}×, synthetic rows marked {MARK})."
            )
        )
