"""Data files: validation errors name file, row and field; loads are atomic and idempotent; export round-trips."""

import filecmp
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from statutes.fixtures_db import foreign_slugs, load_paths
from statutes.fixtures_io import DataFileError, fixture_paths, validate_paths
from statutes.models import Jurisdiction, Prong

pytestmark = pytest.mark.django_db


def db_snapshot():
    """Every row of every statutes table, history included."""
    return {
        model._meta.label: sorted(map(repr, model.objects.order_by("pk").values_list()))
        for model in apps.get_app_config("statutes").get_models()
    }


def load_errors(path):
    with pytest.raises(DataFileError) as excinfo:
        load_paths([path])
    return [str(e) for e in excinfo.value.errors]


def test_every_real_data_file_is_valid(fixtures_dir):
    paths = fixture_paths(fixtures_dir)
    assert len(paths) == 57
    _, errors = validate_paths(paths)
    assert errors == []


def test_all_57_jurisdictions_are_loaded_with_identity():
    assert Jurisdiction.objects.count() == 57
    assert set(Jurisdiction.objects.values_list("kind", flat=True)) == {"state", "district", "territory", "federal"}
    assert Jurisdiction.objects.get(code="US").fips is None
    assert Jurisdiction.objects.get(code="TX").fips == "48"


def test_a_valid_sample_loads_and_computes_indicators(sample, write_sample):
    load_paths([write_sample(sample)])
    struck = Prong.objects.get(slug="zz-1-a-1")
    assert struck.enforceability == "unenforceable"
    assert struck.flag_annoyance_speech is True
    assert Prong.objects.get(slug="zz-1-a-2").flag_annoyance_speech is False
    assert Jurisdiction.objects.get(code="ZZ").primary_offense.slug == "zz-1"


def test_loading_twice_changes_nothing(sample, write_sample):
    path = write_sample(sample)
    load_paths([path])
    before = db_snapshot()
    stats = load_paths([path])
    assert (stats["created"], stats["updated"], stats["deleted"]) == (0, 0, 0)
    assert db_snapshot() == before


def test_a_real_change_writes_one_history_row(sample, write_sample):
    path = write_sample(sample)
    load_paths([path])
    prong = Prong.objects.get(slug="zz-1-a-2")
    versions = prong.history.count()
    sample["offenses"][0]["prongs"][1]["confidence"] = "medium"
    load_paths([write_sample(sample)])
    assert prong.history.count() == versions + 1
    assert prong.history.first().confidence == "medium"


BROKEN = [
    (
        "unknown field",
        lambda d: d["offenses"][0]["prongs"][0].update(mens_rea="intent"),
        "offenses[0] zz-1 › prongs[0] (a)(1) › mens_rea",
    ),
    (
        "bad enum",
        lambda d: d["offenses"][0]["prongs"][0].update(mens_rea_level="intent"),
        "prongs[0] (a)(1) › mens_rea_level: 'intent' is not allowed",
    ),
    (
        "bad multi",
        lambda d: d["offenses"][0]["prongs"][0].update(conduct_types=["texting"]),
        "conduct_types: 'texting' is not allowed",
    ),
    (
        "missing provenance",
        lambda d: d["penalty_classes"][0].pop("source_url"),
        "penalty_classes[0] zz-petty › source_url: is required for status 'coded'",
    ),
    (
        "draft without a quote",
        lambda d: d["decisions"][0].update(source_url="https://example.org/testland-v-doe"),
        "decisions[0] zz-v-doe › quote: is required: the row names the page it was read on (source_url)",
    ),
    (
        "url that is not a URI",
        lambda d: d["penalty_classes"][0].update(source_url="https://example.org/counterman’s view"),
        "penalty_classes[0] zz-petty › source_url: 'https://example.org/counterman’s view' is not an http(s) URL",
    ),
    (
        "secondary source coded",
        lambda d: d["penalty_classes"][0].update(source_tier="secondary", coder_note="x"),
        "penalty_classes[0] zz-petty › status",
    ),
    (
        "missing coder note",
        lambda d: d["penalty_classes"][0].update(confidence="low"),
        "coder_note: is required because confidence is low",
    ),
    (
        "quote not in text",
        lambda d: d["offenses"][0]["prongs"][1].update(quote="kicks the other person"),
        "prongs[1] (a)(2) › quote: 'kicks the other person' does not occur in the offense text",
    ),
    (
        "quote not in stored source",
        lambda d: d["penalty_classes"][0].update(quote="up to 90 days"),
        "zz-petty › quote: 'up to 90 days' does not occur in the stored text",
    ),
    (
        "dangling reference",
        lambda d: d["offenses"][0]["prongs"][0].update(penalty_class="zz-felony"),
        "penalty_class: 'zz-felony' does not match any slug",
    ),
    (
        "bad rule",
        lambda d: d["diversion_programs"][0]["eligibility_rule"]["bars"][0]["when"].update(fact="charge.mood"),
        "eligibility_rule.bars[0].when.fact",
    ),
    (
        "override of missing bar",
        lambda d: d["diversion_programs"][0]["eligibility_rule"].update(
            overrides=[{"id": "w", "bar": "nope", "actor": "judge", "cite": "x"}]
        ),
        "no bar with id 'nope'",
    ),
    (
        "bad date",
        lambda d: d["offenses"][0].update(effective_from="last spring"),
        "effective_from: 'last spring' is not a date",
    ),
    (
        "duplicate pinpoint",
        lambda d: d["offenses"][0]["prongs"][1].update(pinpoint="(a)(1)"),
        "pinpoint: '(a)(1)' appears twice",
    ),
    ("decision prong unknown", lambda d: d["decisions"][0].update(prongs=["(z)"]), "'(z)' is not a prong of zz-1"),
    ("code mismatch", lambda d: d.update(code="ZY"), "code: is 'ZY' but the file is named for ZZ"),
]


@pytest.mark.parametrize(("kind", "breaker", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_file_names_file_row_and_field_and_changes_nothing(sample, write_sample, kind, breaker, expected):
    load_paths([write_sample(sample)])
    before = db_snapshot()
    breaker(sample)
    errors = load_errors(write_sample(sample))
    assert any(e.startswith("zz.yaml: ") and expected in e for e in errors), errors
    assert db_snapshot() == before


def test_invalid_yaml_is_reported_with_its_line(sample, write_sample):
    before = db_snapshot()
    errors = load_errors(write_sample(None, raw="code: ZZ\nname: [unclosed\n"))
    assert errors and errors[0].startswith("zz.yaml: line ")
    assert db_snapshot() == before


def test_garbage_appended_to_a_real_file_fails_naming_it_and_changes_nothing(fixtures_dir, tmp_path):
    source = fixtures_dir / "tx.yaml"
    target = tmp_path / "tx.yaml"
    target.write_text(source.read_text(encoding="utf-8") + "\n}}} garbage: [\n", encoding="utf-8")
    before = db_snapshot()
    with pytest.raises(CommandError, match="the database was not changed"):
        call_command("load_statutes", str(target))
    assert db_snapshot() == before


def test_a_slug_used_in_two_files_is_an_error(sample, write_sample):
    first = write_sample(sample)
    other = dict(sample, code="ZY", name="Otherland")
    second = write_sample(other, name="zy.yaml")
    _, errors = validate_paths([first, second])
    assert any("'zz-petty' is also used in" in str(e) for e in errors)


@pytest.mark.parametrize(
    ("key", "slug", "owner"),
    [("decisions", "ex-parte-barton-2022", "TX"), ("diversion_programs", "ny-cpl-170.55-acd", "NY")],
)
def test_a_slug_owned_by_another_jurisdiction_is_refused_and_nothing_changes(sample, write_sample, key, slug, owner):
    """Loading one file at a time must not quietly move another jurisdiction's row into this one."""
    from statutes.models import CourtDecision, DiversionProgram

    model = {"decisions": CourtDecision, "diversion_programs": DiversionProgram}[key]
    assert model.objects.get(slug=slug).jurisdiction.code == owner
    sample[key][0]["slug"] = slug
    before = db_snapshot()
    with pytest.raises(CommandError, match="the database was not changed"):
        call_command("load_statutes", str(write_sample(sample)))
    with pytest.raises(CommandError):
        call_command("load_statutes", "--check", str(write_sample(sample)))
    assert db_snapshot() == before
    assert model.objects.get(slug=slug).jurisdiction.code == owner
    errors = foreign_slugs({Path("zz.yaml"): sample})
    assert [str(e) for e in errors] == [f"zz.yaml: {key}[0] › slug: {slug!r} already belongs to {owner}"]


def test_a_crash_midway_rolls_everything_back(sample, write_sample, monkeypatch):
    load_paths([write_sample(sample)])
    before = db_snapshot()
    sample["offenses"][0]["name"] = "Renamed"
    import statutes.fixtures_db as loader

    def explode(*args, **kwargs):
        raise RuntimeError("simulated crash")

    monkeypatch.setattr(loader, "refresh_indicators", explode)
    with pytest.raises(RuntimeError):
        load_paths([write_sample(sample)])
    assert db_snapshot() == before


def test_export_reproduces_the_data_files_byte_for_byte(fixtures_dir, tmp_path):
    call_command("export_statutes", "--output", str(tmp_path))
    names = [p.name for p in fixture_paths(fixtures_dir)]
    match, mismatch, errors = filecmp.cmpfiles(fixtures_dir, tmp_path, names, shallow=False)
    assert mismatch == [] and errors == []
    assert len(match) == 57


def test_check_mode_validates_without_writing(sample, write_sample):
    before = db_snapshot()
    call_command("load_statutes", "--check", str(write_sample(sample)))
    assert db_snapshot() == before


def test_build_synthetic_copies_every_row_once_per_factor_and_marks_it():
    from statutes.models import CourtDecision, DiversionProgram, Offense

    before = {m: m.objects.count() for m in (Offense, Prong, CourtDecision, DiversionProgram)}
    call_command("build_synthetic", "--factor", "2")
    for model, count in before.items():
        assert model.objects.count() == 2 * count
    copy = Offense.objects.get(slug="tx-penal-42.07-syn1")
    original = Offense.objects.get(slug="tx-penal-42.07")
    assert copy.name == f"[SYNTHETIC] {original.name}" and copy.text == original.text
    assert copy.prongs.count() == original.prongs.count()
    assert all(p.slug.endswith("-syn1") and "not law" in p.coder_note for p in copy.prongs.all())
