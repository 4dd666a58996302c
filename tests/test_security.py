"""Production settings, headers, hostile input, roles, and data safety."""

import json
import os
import secrets
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from statutes.fixtures_db import load_paths
from statutes.fixtures_io import DataFileError
from statutes.models import Offense, Prong

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def test_deploy_check_passes_in_production_mode():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_security_headers_and_a_csp_without_unsafe_inline(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_api_docs_work_under_the_csp(client):
    page = client.get("/api/docs/").content.decode()
    assert "<script>" not in page.replace(" ", "")  # the start-up script is a separate file
    assert client.get("/api/docs/?script=").status_code == 200


def test_friendly_errors_and_json_errors_under_the_api(client):
    page = client.get("/no/such/page/")
    assert page.status_code == 404 and b"Back to the map" in page.content
    api = client.get("/api/v1/prongs/no-such-prong/")
    assert (
        api.status_code == 404 and api.json() == {"error": "No Prong matches the given query."} or "error" in api.json()
    )


HOSTILE = [
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "1; DROP TABLE statutes_offense",
    "../../etc/passwd",
    "9" * 40,
    "-1",
    "2024-02-30",
    "%00",
    "\x00",
    "😀" * 50,
    "a" * 5000,
]
TARGETS = [
    ("/", ["color"]),
    ("/compare/", ["jurisdiction", "mens_rea_level", "as_of", "q", "columns", "rows", "ordering", "format"]),
    ("/compare/side-by-side/", ["jurisdiction"]),
    ("/search/", ["q", "jurisdiction"]),
    ("/changes/", ["jurisdiction"]),
    ("/eligibility/", ["jurisdiction", "offense", "age", "dv_related", "stage"]),
    ("/api/v1/prongs/", ["jurisdiction", "mens_rea_level", "as_of", "q", "page", "page_size", "fields", "ordering"]),
    ("/api/v1/offenses/", ["jurisdiction", "family", "as_of", "q"]),
    ("/api/v1/jurisdictions/", ["name", "code", "kind"]),
    ("/api/v1/eligibility/", ["jurisdiction", "offense", "age", "prior_convictions", "stage"]),
]


@pytest.mark.parametrize(("path", "params"), TARGETS, ids=[t[0] for t in TARGETS])
def test_hostile_values_get_a_400_or_a_safe_page_never_a_5xx(client, path, params):
    for value in HOSTILE:
        for name in params:
            query = {name: value}
            if path.startswith("/api/v1/eligibility") and name != "jurisdiction":
                query["jurisdiction"] = "NY"
            response = client.get(path, query)
            assert response.status_code < 500, (path, name, value, response.status_code)
            assert b"<script>alert(1)</script>" not in response.content, (path, name)


@pytest.mark.parametrize(
    "path",
    [
        "/jurisdictions/%3Cscript%3E/",
        "/api/v1/jurisdictions/..%2F..%2Fetc/",
        "/changes/feed/%00/",
        "/api/v1/offenses/%27%20OR%201=1/",
    ],
)
def test_hostile_paths_are_not_server_errors(client, path):
    assert client.get(path).status_code < 500


def test_too_many_values_for_one_filter_is_a_400(client):
    response = client.get("/api/v1/prongs/", {"conduct_types": ["following"] * 61})
    assert response.status_code == 400 and "conduct_types" in response.json()["errors"]


# -- roles -------------------------------------------------------------------------------------------


@pytest.fixture
def users(django_user_model):
    from django.contrib.auth.models import Group

    from statutes.roles import ensure_roles

    ensure_roles()
    made = {}
    for name, group in (("edna", "editors"), ("rita", "reviewers"), ("rob", "reviewers")):
        user = django_user_model.objects.create_user(name, password="a-long-test-password-1", is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        made[name] = user
    return made


def post_prong(client, prong, **changes):
    from django.forms.models import model_to_dict

    from statutes.admin import ProngAdmin

    data = {}
    fields = [f for _, opts in ProngAdmin.fieldsets for f in opts["fields"] if f not in ProngAdmin.readonly_fields]
    values = model_to_dict(prong, fields=fields)
    for key, value in {**values, **changes}.items():
        if value is None:
            continue
        if isinstance(value, (dict, list)) and key in ("quote", "field_sources"):
            data[key] = json.dumps(value)
        elif isinstance(value, list):
            data[key] = value
        elif isinstance(value, bool):
            if value:
                data[key] = "on" if key in ("text_complete",) else "True"
            else:
                data[key] = "False"
        else:
            data[key] = value
    return client.post(f"/admin/statutes/prong/{prong.pk}/change/", data)


def test_only_a_reviewer_who_did_not_edit_the_row_can_verify_it_and_history_keeps_the_user(client, users):
    prong = Prong.objects.filter(status="coded", offense__jurisdiction__code="TX").first()
    client.force_login(users["edna"])
    response = post_prong(client, prong, status="verified")
    assert response.status_code == 200 and "Only a reviewer" in response.content.decode()
    response = post_prong(client, prong, confidence="medium")
    assert response.status_code == 302
    prong.refresh_from_db()
    assert prong.history.first().history_user == users["edna"]

    client.force_login(users["rita"])
    post_prong(client, prong, confidence="high")
    response = post_prong(client, prong, status="verified")
    assert "another reviewer must verify it" in response.content.decode()

    client.force_login(users["rob"])
    assert post_prong(client, prong, status="verified").status_code == 302
    prong.refresh_from_db()
    assert prong.status == "verified"


def test_editors_cannot_delete(client, users):
    client.force_login(users["edna"])
    offense = Offense.objects.first()
    assert client.get(f"/admin/statutes/offense/{offense.pk}/delete/").status_code == 403


# -- data safety --------------------------------------------------------------------------------------


def dump():
    out = StringIO()
    call_command("dumpdata", "statutes", "--natural-foreign", "--indent", "0", stdout=out)
    return out.getvalue()


def test_a_fault_in_the_last_file_leaves_the_database_byte_for_byte_as_it_was(fixtures_dir, tmp_path):
    for path in sorted(fixtures_dir.glob("*.yaml")):
        shutil.copy(path, tmp_path / path.name)
    last = sorted(tmp_path.glob("*.yaml"))[-1]
    last.write_text(last.read_text(encoding="utf-8").replace("kind: ", "kind: planet-", 1), encoding="utf-8")
    before = dump()
    with pytest.raises(DataFileError) as excinfo:
        load_paths(sorted(tmp_path.glob("*.yaml")), prune_jurisdictions=True)
    assert excinfo.value.errors[0].file == last.name
    assert dump() == before


def test_a_crash_midway_through_a_real_load_leaves_the_database_byte_for_byte_as_it_was(fixtures_dir, monkeypatch):
    import statutes.fixtures_db as loader

    before = dump()
    calls = {"n": 0}
    original = loader._load_jurisdiction

    def crash_on_the_30th(data, stats):
        calls["n"] += 1
        if calls["n"] == 30:
            raise RuntimeError("simulated crash")
        data = {**data, "summary": (data.get("summary") or "") + " (changed)"}
        return original(data, stats)

    monkeypatch.setattr(loader, "_load_jurisdiction", crash_on_the_30th)
    with pytest.raises(RuntimeError):
        loader.load_directory(fixtures_dir)
    assert calls["n"] == 30
    assert dump() == before


@pytest.mark.skipif(connection.vendor == "postgresql" and not shutil.which("pg_dump"), reason="pg_dump not installed")
def test_backup_and_restore_round_trip(tmp_path, transactional_db, django_db_blocker):
    if connection.vendor == "postgresql":
        pytest.skip("covered by the CI PostgreSQL run of .ci/run's backup step")
    call_command("load_statutes", verbosity=0)
    before = dump()
    target = tmp_path / "backup.sqlite3"
    call_command("backup", str(target))
    Offense.objects.filter(jurisdiction__code="TX").update(name="tampered")
    assert dump() != before
    call_command("restore", str(target))
    assert dump() == before


def test_an_admin_edit_then_export_gives_exactly_the_expected_diff(client, django_user_model, fixtures_dir, tmp_path):
    import difflib

    admin = django_user_model.objects.create_superuser("boss", password="a-long-test-password-1")
    client.force_login(admin)
    prong = Prong.objects.get(slug="tx-penal-42.07-a-7")
    assert prong.confidence != "low"
    response = post_prong(client, prong, confidence="low", coder_note=(prong.coder_note or "") + " Reviewed.")
    assert response.status_code == 302, response.content.decode()[:2000]
    call_command("export_statutes", "TX", "--output", str(tmp_path))
    before = (fixtures_dir / "tx.yaml").read_text(encoding="utf-8").splitlines()
    after = (tmp_path / "tx.yaml").read_text(encoding="utf-8").splitlines()
    changed = [
        line
        for line in difflib.unified_diff(before, after, lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert f"-        confidence: {prong.confidence}" in changed
    assert "+        confidence: low" in changed
    assert all(
        "confidence" in line
        or "coder_note" in line
        or "Reviewed." in line
        or line.strip() in ("-", "+")
        or line.startswith(("-        ", "+        "))
        for line in changed
    ), changed
