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
