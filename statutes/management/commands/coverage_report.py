from django.core.management.base import BaseCommand

from statutes.coverage import coverage


class Command(BaseCommand):
    help = "Print, per jurisdiction, which parts of codebook §8 are coded and at which status."

    def add_arguments(self, parser):
        parser.add_argument("codes", nargs="*", help="Only these jurisdictions.")
        parser.add_argument("--details", action="store_true", help="List every gap and problem.")

    def handle(self, *args, codes, details, **options):
        rows = [c for c in coverage() if not codes or c.code in {x.upper() for x in codes}]
        header = f"{'code':4} {'state':10} {'off':>3} {'prong':>5} {'pen':>3} {'exm':>3} {'enh':>3} {'dec':>3} {'prog':>4}  {'draft':>5} {'coded':>5} {'verif':>5} {'disp':>4}  {'gaps':>4}"
        self.stdout.write(header)
        total = {"complete": 0, "rows": 0, "gaps": 0}
        for cov in rows:
            state = "complete" if cov.complete else ("partial" if cov.rows else "empty")
            n, s = cov.counts, cov.statuses
            self.stdout.write(
                f"{cov.code:4} {state:10} {n['offense']:>3} {n['prong']:>5} {n['penalty_class']:>3} {n['exemption']:>3} "
                f"{n['enhancement']:>3} {n['decision']:>3} {n['program']:>4}  {s['draft']:>5} {s['coded']:>5} "
                f"{s['verified']:>5} {s['disputed']:>4}  {len(cov.gaps):>4}"
            )
            if details:
                for problem in cov.problems:
                    self.stdout.write(f"       ✗ {problem}")
                for gap in cov.gaps:
                    self.stdout.write(f"       · gap: {gap}")
            total["complete"] += cov.complete
            total["rows"] += cov.rows
            total["gaps"] += len(cov.gaps)
        self.stdout.write(
            f"TOTAL: {total['complete']} of {len(rows)} jurisdictions complete; {total['rows']} rows; "
            f"{total['gaps']} documented gaps."
        )
