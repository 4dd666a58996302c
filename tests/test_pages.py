"""The comparison pages: every URL, filters, formats, the four no-answer kinds, and pinned query counts."""

import csv
import io

import pytest
from django.db import connection
from django.urls import reverse
from django.utils.html import escape

from statutes.models import Jurisdiction, Prong

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/?color=mens_rea_level",
    "/jurisdictions/tx/",
    "/jurisdictions/NY/",
    "/compare/",
    "/compare/?rows=offenses",
    "/compare/side-by-side/?jurisdiction=TX&jurisdiction=NY&jurisdiction=CA",
    "/compare/side-by-side/",
    "/codebook/",
    "/search/?q=harass",
    "/changes/",
    "/eligibility/",
    "/eligibility/?jurisdiction=NY",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_answers_and_carries_the_not_legal_advice_notice(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "Not legal advice" in response.content.decode()


def test_home_shows_completeness_and_a_tile_for_every_jurisdiction(client):
    html = client.get("/").content.decode()
    assert "How complete it is" in html
    assert html.count('data-code="') == 57
    assert 'href="/jurisdictions/tx/"' in html


def test_map_variable_changes_the_legend(client):
    html = client.get("/", {"color": "has_offense_titled_harassment"}).content.decode()
    assert (
        "Map: Does the jurisdiction have an offense" in html
        or "Offense titled" in html
        or "Has offense titled harassment" in html
    )
    assert client.get("/", {"color": "nope"}).status_code == 400


def test_compare_filter_narrows_the_rows(client):
    everything = client.get("/compare/").context["rows"]
    knowledge = client.get("/compare/", {"mens_rea_level": "knowledge"}).context["rows"]
    assert 0 < len(knowledge) < len(everything)
    assert all(obj.mens_rea_level == "knowledge" for _, obj in knowledge)


def test_compare_shows_a_count_beside_each_filter_value(client):
    response = client.get("/compare/", {"jurisdiction": "TX"})
    facets = response.context["facets"]
    assert facets["jurisdiction"]["TX"] == len(response.context["rows"])
    assert sum(facets["mens_rea_level"].values()) == len(response.context["rows"])


def test_compare_csv_and_json_return_exactly_the_rows_and_columns_shown(client):
    params = {"jurisdiction": ["NY", "TX"], "columns": ["mens_rea_level", "repetition"]}
    page = client.get("/compare/", params)
    shown = [row["slug"] for row, _ in page.context["rows"]]
    response = client.get("/compare/", {**params, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["slug"] for r in table] == shown
    assert list(table[0]) == ["jurisdiction", "citation", "pinpoint", "name", "slug", "mens_rea_level", "repetition"]
    data = client.get("/compare/", {**params, "format": "json"}).json()
    assert [r["slug"] for r in data["rows"]] == shown and data["count"] == len(shown)


def test_compare_sorts_by_a_column(client):
    rows = client.get("/compare/", {"ordering": "-jurisdiction"}).context["rows"]
    codes = [row["jurisdiction"] for row, _ in rows]
    assert codes == sorted(codes, reverse=True)


@pytest.mark.parametrize(
    "params",
    [
        {"mens_rea_level": "nonsense"},
        {"bogus": "1"},
        {"columns": "shoe_size"},
        {"rows": "tables"},
        {"as_of": "2020-13-45"},
    ],
)
def test_a_bad_filter_shows_the_form_with_an_error_and_a_400(client, params):
    response = client.get("/compare/", params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Some parameters could not be used" in html and next(iter(params)) in html


def test_as_of_keeps_only_versions_in_force_on_the_date(client):
    rows = client.get("/compare/", {"jurisdiction": "NY", "rows": "offenses", "as_of": "2010-01-01"}).context["rows"]
    slugs = {row["slug"] for row, _ in rows}
    assert "ny-penal-240.30" in slugs and "ny-penal-240.30-2014" not in slugs


def test_the_four_kinds_of_no_answer_look_different_from_each_other_and_from_no(client):
    html = client.get("/codebook/").content.decode()
    for css in ("ans-uncoded", "ans-silent", "ans-na", "ans-unclear", "ans-no"):
        assert f'class="ans {css}"' in html
    uncoded = Prong.objects.filter(penalty_class__isnull=True).select_related("offense__jurisdiction").first()
    if uncoded:
        page = client.get(
            reverse("statutes:jurisdiction", args=[uncoded.offense.jurisdiction.code.lower()])
        ).content.decode()
        assert "Not yet coded" in page


def test_jurisdiction_page_shows_text_prongs_quotes_indicators_and_programs(client):
    html = client.get("/jurisdictions/ny/").content.decode()
    assert "Harassment in the second degree" in html
    assert "Indicators, not legal conclusions" in html
    assert "Adjournment in contemplation of dismissal" in html
    assert "<blockquote" in html and "Last reviewed" in html


def test_jurisdiction_page_says_how_the_data_was_checked(client):
    """The blind check's agreement rate, its resolutions and the verified rows come from the file's `reviews:`."""
    ky = Jurisdiction.objects.get(code="KY").reviews[0]
    html = client.get("/jurisdictions/ky/").content.decode()
    assert "How this was checked" in html
    assert f"<strong>{ky['rate']}</strong> ({ky['agreed']} of {ky['compared']} fields)" in html
    first_resolution = ky["resolved"].split(" | ")[0].strip()
    assert escape(first_resolution) in html
    assert escape(", ".join(ky["verified"])) in html
    unchecked = client.get("/jurisdictions/tx/").content.decode()
    assert "Not yet checked by a second, independent reader" in unchecked


def test_unknown_jurisdiction_is_a_404(client):
    assert client.get("/jurisdictions/zz/").status_code == 404


def test_side_by_side_aligns_rows_and_highlights_differences(client):
    response = client.get("/compare/side-by-side/", {"jurisdiction": ["TX", "NY", "CA"]})
    rows = response.context["rows"]
    assert all(len(row["cells"]) == 3 for row in rows)
    assert any(row["differs"] for row in rows)
    assert 'class="differs"' in response.content.decode()


@pytest.mark.parametrize("codes", [["TX"], ["TX", "NY", "CA", "US", "DE", "MD", "ME"], ["TX", "QQ"]])
def test_side_by_side_takes_two_to_six_known_jurisdictions(client, codes):
    assert client.get("/compare/side-by-side/", {"jurisdiction": codes}).status_code == 400


def test_search_highlights_matches_and_escapes_the_rest(client):
    response = client.get("/search/", {"q": "electronic communications"})
    assert response.status_code == 200
    assert response.context["results"]
    assert "<mark>" in response.content.decode()
    hostile = client.get("/search/", {"q": "<script>alert(1)</script>"})
    assert hostile.status_code == 200 and "<script>alert(1)</script>" not in hostile.content.decode()


def test_changes_page_and_atom_feeds(client):
    assert client.get("/changes/").context["changes"]
    feed = client.get("/changes/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml") and b"<entry>" in feed.content
    assert client.get("/changes/feed/tx/").status_code == 200
    assert client.get("/changes/feed/zz/").status_code == 404


def test_page_and_api_return_the_same_rows_for_the_same_query(client):
    params = {"jurisdiction": ["CA", "NY"], "mens_rea_level": "purpose_intent"}
    page = client.get(reverse("statutes:compare"), params)
    api = client.get(reverse("api:prong-list"), {**params, "page_size": 500}).json()
    assert {row["slug"] for row, _ in page.context["rows"]} == {r["slug"] for r in api["results"]}
    assert api["count"] == len(page.context["rows"])


def test_a_repeated_request_can_be_answered_304(client):
    first = client.get("/compare/")
    again = client.get("/compare/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


QUERY_COUNTS = [
    ("/", 21),
    ("/?color=mens_rea_level", 12),
    ("/jurisdictions/tx/", 11),
    ("/jurisdictions/ny/", 11),
    ("/compare/", 3),
    ("/compare/?jurisdiction=TX", 4),
    ("/compare/?rows=offenses", 3),
    ("/compare/?format=csv", 2),
    ("/compare/side-by-side/?jurisdiction=TX&jurisdiction=NY", 12),
    ("/compare/side-by-side/?jurisdiction=TX&jurisdiction=NY&jurisdiction=CA&jurisdiction=US", 12),
    ("/codebook/", 1),
    ("/search/?q=harass", 2),
    ("/changes/", 9),
    ("/eligibility/?jurisdiction=NY&offense=ny-penal-240.26", 7),
    ("/eligibility/?jurisdiction=CA", 7),
]


@pytest.mark.parametrize(("url", "count"), QUERY_COUNTS)
def test_query_counts_are_pinned_and_do_not_grow_with_the_data(client, django_assert_num_queries, url, count):
    if url.startswith("/search/") and connection.vendor == "postgresql":
        count += 2  # PostgreSQL: candidates, then their ranks, then headlines for the best 50 only
    with django_assert_num_queries(count):
        assert client.get(url).status_code == 200
