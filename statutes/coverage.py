"""Coverage against codebook §8: per jurisdiction, which parts are coded and at which status."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from statutes.fixtures_schema import PRONG_ANSWERS
from statutes.models import (
    CourtDecision,
    DiversionProgram,
    Enhancement,
    Exemption,
    Jurisdiction,
    Offense,
    PenaltyClass,
    Prong,
)

# A prong is "fully coded" when these elements have an answer (codebook §4).
PRONG_CORE = [*PRONG_ANSWERS, "penalty_class_id"]
ROW_MODELS = {
    "offense": Offense,
    "prong": Prong,
    "penalty_class": PenaltyClass,
    "exemption": Exemption,
    "enhancement": Enhancement,
    "decision": CourtDecision,
    "program": DiversionProgram,
}


@dataclass
class Coverage:
    code: str
    name: str
    counts: Counter = field(default_factory=Counter)  # rows per kind
    statuses: Counter = field(default_factory=Counter)  # rows per status
    gaps: list = field(default_factory=list)  # documented gaps: rows below coded, with their note
    problems: list = field(default_factory=list)  # what keeps the jurisdiction from complete
    inventory_done: bool = False

    @property
    def complete(self):
        return not self.problems

    @property
    def rows(self):
        return sum(self.statuses.values())


def coverage():
    """Coverage of every jurisdiction, computed with one query per entity."""
    result = {}
    not_found = {}  # code -> the excluded_offenses entries left out only for want of a text
    diversion_notes = {}
    for jur in Jurisdiction.objects.order_by("code").values(
        "code", "name", "primary_offense_id", "has_offense_titled_harassment", "excluded_offenses", "diversion_note"
    ):
        cov = Coverage(jur["code"], jur["name"])
        cov.inventory_done = jur["has_offense_titled_harassment"] is not None
        not_found[jur["code"]] = [e for e in jur["excluded_offenses"] or [] if e.get("not_found")]
        diversion_notes[jur["code"]] = (jur["diversion_note"] or "").strip()
        for entry in not_found[jur["code"]]:
            cov.gaps.append(f"offense {entry['citation']} not coded, text not found: {entry['reason'][:160]}")
        missing_text = bool(not_found[jur["code"]])
        if jur["primary_offense_id"] is None:
            (cov.gaps if missing_text else cov.problems).append(
                "no primary offense" + (": the texts of the candidate offenses were not found" if missing_text else "")
            )
        if not cov.inventory_done:
            (cov.gaps if missing_text else cov.problems).append(
                "offense inventory not done" + (": the offenses' texts were not found" if missing_text else "")
            )
        result[jur["code"]] = cov

    for kind, model in ROW_MODELS.items():
        code_path = model.JURISDICTION_CODE
        extra = PRONG_CORE if kind == "prong" else []
        extra += ["eligibility_rule"] if kind == "program" else []
        extra += ["max_jail_days", "max_fine_usd"] if kind == "penalty_class" else []
        for row in model.objects.values(code_path, "slug", "status", "coder_note", *extra):
            cov = result[row[code_path]]
            cov.counts[kind] += 1
            cov.statuses[row["status"]] += 1
            if row["status"] in ("draft", "disputed"):
                if row["coder_note"].strip():
                    cov.gaps.append(f"{kind} {row['slug']} is {row['status']}: {row['coder_note'].strip()[:160]}")
                else:
                    cov.problems.append(f"{kind} {row['slug']} is {row['status']} with no note")
            if kind == "prong":
                missing = [name.removesuffix("_id") for name in PRONG_CORE if row[name] is None]
                if missing and row["coder_note"].strip():
                    cov.gaps.append(
                        f"prong {row['slug']} lacks {', '.join(missing)}: {row['coder_note'].strip()[:160]}"
                    )
                elif missing:
                    cov.problems.append(f"prong {row['slug']} lacks {', '.join(missing)} with no note")
            if kind == "program" and row["eligibility_rule"] is None:
                cov.problems.append(f"program {row['slug']} has no eligibility rule")
    # One query for both offense-level checks: text read only in part, and no prong coded.
    for code, slug, note, complete, missing, prongs in (
        Offense.objects.annotate(n=Count("prongs"))
        .filter(Q(n=0) | Q(text_complete=False))
        .values_list("jurisdiction__code", "slug", "coder_note", "text_complete", "text_missing", "n")
    ):
        if not complete:
            result[code].gaps.append(
                f"offense {slug} text incomplete: {' '.join((missing or 'not said').split())[:160]}"
            )
        if prongs:
            continue
        if note.strip():
            result[code].gaps.append(f"offense {slug} has no prong coded: {note.strip()[:160]}")
        else:
            result[code].problems.append(f"offense {slug} has no prong coded and no note")
    used = defaultdict(set)
    for code, slug, days, fine, note in (
        PenaltyClass.objects.filter(prongs__isnull=False)
        .values_list("jurisdiction__code", "slug", "max_jail_days", "max_fine_usd", "coder_note")
        .distinct()
    ):
        if days is None or fine is None:
            if note.strip():
                result[code].gaps.append(f"penalty_class {slug} lacks max jail or fine: {note.strip()[:160]}")
            else:
                used[code].add(slug)
    for code, slugs in used.items():
        result[code].problems.append(
            f"penalty classes without max jail or fine, and no note: {', '.join(sorted(slugs))}"
        )
    for cov in result.values():
        if not cov.counts["offense"]:
            if not_found[cov.code]:
                cov.gaps.append("no offense coded: no stored source has the text of any harassment-family offense")
            else:
                cov.problems.append("no offense coded")
        if not cov.counts["program"]:
            if diversion_notes[cov.code]:
                cov.gaps.append(f"no diversion program coded: {diversion_notes[cov.code][:160]}")
            else:
                cov.problems.append("no diversion program coded")
    return list(result.values())
