"""coverage_report against codebook §8."""

import pytest
from django.core.management import call_command

from statutes.coverage import coverage
from statutes.fixtures_db import load_paths

pytestmark = pytest.mark.django_db


def test_report_lists_every_jurisdiction_and_a_total(capsys):
    call_command("coverage_report")
    out = capsys.readouterr().out.splitlines()
    assert len([line for line in out if line[:2].isupper() and line[2] == " "]) == 57
    assert out[-1].startswith("TOTAL: ")


def test_an_uncoded_prong_keeps_a_jurisdiction_from_complete(sample, write_sample):
    sample["diversion_programs"][0]["eligibility_rule"]["complete"] = True
    load_paths([write_sample(sample)])
    cov = {c.code: c for c in coverage()}["ZZ"]
    assert cov.counts["prong"] == 2 and cov.counts["program"] == 1
    # The sample's decision and program are drafts with notes: documented gaps, not problems.
    assert len(cov.gaps) == 2 and cov.complete
    sample["offenses"][0]["prongs"][0]["mens_rea_level"] = None
    load_paths([write_sample(sample)])
    cov = {c.code: c for c in coverage()}["ZZ"]
    assert not cov.complete
    assert any("zz-1-a-1 lacks mens_rea_level with no note" in p for p in cov.problems)


def test_an_uncoded_field_with_a_note_is_a_documented_gap(sample, write_sample):
    prong = sample["offenses"][0]["prongs"][0]
    prong.update(penalty_class=None, coder_note="The grading subsection was not in any copy read.")
    load_paths([write_sample(sample)])
    cov = {c.code: c for c in coverage()}["ZZ"]
    assert cov.complete
    assert any("zz-1-a-1 lacks penalty_class: The grading subsection" in g for g in cov.gaps)


def _empty_jurisdiction(sample):
    """The sample file with nothing coded: no offense, program, decision or penalty class."""
    for key in ("offenses", "diversion_programs", "decisions", "penalty_classes"):
        sample[key] = []
    sample.update(primary_offense=None, has_offense_titled_harassment=None, excluded_offenses=[])
    return sample


def test_a_jurisdiction_whose_texts_were_not_found_is_complete_only_with_documented_gaps(sample, write_sample):
    """The issue's exception: no text in any stored source -> a documented gap, never a silent hole."""
    sample = _empty_jurisdiction(sample)
    load_paths([write_sample(sample)])
    cov = {c.code: c for c in coverage()}["ZZ"]
    assert not cov.complete
    assert {
        "no primary offense",
        "offense inventory not done",
        "no offense coded",
        "no diversion program coded",
    } <= set(cov.problems)

    sample["excluded_offenses"] = [
        {
            "citation": "ZZ Code § 9",
            "reason": "stalking: enacted per news reports; text searched 5 ways, not found",
            "not_found": True,
        }
    ]
    sample["diversion_note"] = "No diversion statute, rule or policy found (queries in notes/zz-research.md)."
    load_paths([write_sample(sample)])
    cov = {c.code: c for c in coverage()}["ZZ"]
    assert cov.complete, cov.problems
    assert any(g.startswith("offense ZZ Code § 9 not coded, text not found: stalking") for g in cov.gaps)
    assert any(g.startswith("no diversion program coded: No diversion statute") for g in cov.gaps)


def test_a_not_found_flag_must_be_boolean_and_a_diversion_note_needs_no_program(sample, write_sample):
    from statutes.fixtures_io import validate_paths

    sample["excluded_offenses"] = [{"citation": "ZZ § 9", "reason": "r", "not_found": "yes"}]
    sample["diversion_note"] = "none found"
    _, errors = validate_paths([write_sample(sample)])
    messages = {str(e) for e in errors}
    assert "zz.yaml: excluded_offenses[0] › not_found: must be true or false" in messages
    assert "zz.yaml: diversion_note: is only for a jurisdiction with no diversion program coded" in messages
