"""Model constraints, version queries and the multi-choice field."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from statutes.models import Jurisdiction, Offense, PenaltyClass, Prong

pytestmark = pytest.mark.django_db


@pytest.fixture
def jur():
    return Jurisdiction.objects.create(code="ZX", name="Constraintland", kind="territory")


def offense(jur, slug, citation="ZX Code § 1", **kwargs):
    return Offense.objects.create(
        jurisdiction=jur, slug=slug, name="Harassment", citation=citation, family="general_harassment", **kwargs
    )


def test_offense_slugs_are_unique(jur):
    offense(jur, "zx-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        offense(jur, "zx-1", citation="ZX Code § 2")


def test_one_version_per_citation_and_start_date(jur):
    offense(jur, "zx-1")
    offense(jur, "zx-1-undated-too")  # sources often give no dates: undated versions may coexist
    offense(jur, "zx-1-2014", effective_from=datetime.date(2014, 12, 23))
    with pytest.raises(IntegrityError), transaction.atomic():
        offense(jur, "zx-1-2014-bis", effective_from=datetime.date(2014, 12, 23))


def test_a_version_cannot_end_before_it_starts(jur):
    with pytest.raises(IntegrityError), transaction.atomic():
        offense(jur, "zx-1", effective_from=datetime.date(2020, 1, 1), effective_to=datetime.date(2019, 1, 1))


def test_as_of_returns_the_version_in_force_on_a_date(jur):
    old = offense(jur, "zx-1", effective_to=datetime.date(2014, 12, 22))
    new = offense(jur, "zx-1-2014", effective_from=datetime.date(2014, 12, 23))
    versions = Offense.objects.filter(jurisdiction=jur)
    assert list(versions.as_of(datetime.date(2010, 1, 1))) == [old]
    assert list(versions.as_of(datetime.date(2020, 1, 1))) == [new]
    assert list(versions.in_force()) == [new]


def test_prong_pinpoints_are_unique_within_an_offense_and_slugs_are_derived(jur):
    o = offense(jur, "zx-1")
    prong = Prong.objects.create(offense=o, subsection="(b)", pinpoint="(b) threat")
    assert prong.slug == "zx-1-b-threat"
    with pytest.raises(IntegrityError), transaction.atomic():
        Prong.objects.create(offense=o, subsection="(b)", pinpoint="(b) threat", slug="other")


def test_multi_choice_values_round_trip_and_filter_with_has(jur):
    o = offense(jur, "zx-1")
    Prong.objects.create(offense=o, subsection="(a)", pinpoint="(a)", conduct_types=["following", "communication_any"])
    Prong.objects.create(offense=o, subsection="(b)", pinpoint="(b)", conduct_types=["communication_any_extra"] and [])
    Prong.objects.create(offense=o, subsection="(c)", pinpoint="(c)", conduct_types=None)
    assert Prong.objects.get(pinpoint="(a)", offense=o).conduct_types == ["following", "communication_any"]
    assert Prong.objects.get(pinpoint="(b)", offense=o).conduct_types == []
    assert Prong.objects.get(pinpoint="(c)", offense=o).conduct_types is None
    assert list(Prong.objects.filter(offense=o, conduct_types__has="following").values_list("pinpoint", flat=True)) == [
        "(a)"
    ]
    assert not Prong.objects.filter(offense=o, conduct_types__has="communication").exists()


def test_penalty_tier_is_computed_on_save(jur):
    pc = PenaltyClass.objects.create(
        jurisdiction=jur, slug="zx-b", label="Class B misdemeanor", citation="x", max_jail_days=180, is_crime=True
    )
    assert pc.tier == "misdemeanor_low"
    pc.max_jail_days = 365
    pc.save()
    assert PenaltyClass.objects.get(pk=pc.pk).tier == "misdemeanor_high"
