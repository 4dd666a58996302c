"""The editors' admin: login required, every model registered, inlines, filters and history."""

import pytest
from django.contrib import admin
from django.urls import reverse

from statutes.models import (
    CourtDecision,
    DiversionProgram,
    Enhancement,
    Exemption,
    Jurisdiction,
    Offense,
    PenaltyClass,
    Prong,
    SourceText,
)

pytestmark = pytest.mark.django_db
MODELS = [
    Jurisdiction,
    Offense,
    Prong,
    PenaltyClass,
    Enhancement,
    Exemption,
    CourtDecision,
    DiversionProgram,
    SourceText,
]


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", password="a-long-test-password-1")
    client.force_login(user)
    return client


def test_every_model_is_registered():
    assert all(admin.site.is_registered(model) for model in MODELS)


@pytest.mark.parametrize("url", ["/admin/", "/admin/statutes/offense/", "/admin/statutes/prong/"])
def test_anonymous_visitors_are_sent_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_each_changelist_and_change_page_renders_for_staff(staff, model):
    meta = model._meta
    assert staff.get(reverse(f"admin:statutes_{meta.model_name}_changelist")).status_code == 200
    obj = model.objects.order_by("pk").first()
    if obj is not None:
        assert staff.get(reverse(f"admin:statutes_{meta.model_name}_change", args=[obj.pk])).status_code == 200
        assert staff.get(reverse(f"admin:statutes_{meta.model_name}_history", args=[obj.pk])).status_code == 200


def test_staff_sees_texas_harassment_with_its_prongs_and_history(staff):
    texas = Jurisdiction.objects.get(code="TX")
    offense = texas.primary_offense
    assert offense is not None and offense.citation.startswith("Tex. Penal Code § 42.07")
    page = staff.get(reverse("admin:statutes_offense_change", args=[offense.pk])).content.decode()
    for prong in offense.prongs.all():
        assert prong.pinpoint in page
    assert "Provenance" in page
    history = staff.get(reverse("admin:statutes_offense_history", args=[offense.pk])).content.decode()
    assert "Created" in history or "Changed" in history


def test_jurisdiction_page_has_offense_program_and_decision_inlines(staff):
    texas = Jurisdiction.objects.get(code="TX")
    page = staff.get(reverse("admin:statutes_jurisdiction_change", args=[texas.pk])).content.decode()
    assert "offenses-TOTAL_FORMS" in page
    assert "diversion_programs-TOTAL_FORMS" in page
    assert "decisions-TOTAL_FORMS" in page


def test_list_filters_cover_choice_and_multi_choice_fields(staff):
    page = staff.get(reverse("admin:statutes_prong_changelist"), {"conduct_types": "following", "status": "coded"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "By mens rea level" in html and "By conduct types" in html and "By status" in html


def test_an_invalid_eligibility_rule_is_refused_in_the_admin(staff):
    program = DiversionProgram.objects.order_by("pk").first()
    if program is None:
        pytest.skip("no program loaded")
    program.eligibility_rule = {
        "complete": True,
        "bars": [{"id": "x", "when": {"fact": "charge.mood", "op": "eq", "value": 1}, "cite": "y"}],
    }
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="charge.mood"):
        program.full_clean()
