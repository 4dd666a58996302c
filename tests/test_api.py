"""Public API v1: endpoints, shared filters, strict parameters, formats, schema, eligibility."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db

ENDPOINTS = ["jurisdictions", "offenses", "prongs", "penalty-classes", "decisions", "diversion-programs"]


@pytest.mark.parametrize("name", ENDPOINTS)
def test_every_list_has_a_count_and_links_to_details(client, name):
    data = client.get(f"/api/v1/{name}/").json()
    assert data["count"] > 0 and data["results"]
    detail = client.get(data["results"][0]["url"])
    assert detail.status_code == 200


def test_texas_detail_nests_offenses_prongs_and_programs_in_any_case(client):
    data = client.get("/api/v1/jurisdictions/tx/").json()
    assert data["code"] == "TX" and data["last_reviewed"]
    harassment = next(o for o in data["offenses"] if o["slug"] == data["primary_offense"])
    assert harassment["prongs"] and harassment["prongs"][0]["mens_rea_level"]
    assert data["diversion_programs"][0]["eligibility_rule"]["complete"] in (True, False)
    assert data["penalty_classes"] and "decisions" in data
    assert client.get("/api/v1/jurisdictions/Tx/").json()["code"] == "TX"


def test_jurisdictions_filter_by_full_name(client):
    data = client.get("/api/v1/jurisdictions/", {"name": "new york"}).json()
    assert [j["code"] for j in data["results"]] == ["NY"]


def test_prongs_filter_by_codebook_field_and_jurisdiction(client):
    data = client.get("/api/v1/prongs/", {"mens_rea_level": "knowledge", "jurisdiction": ["NY", "wa"]}).json()
    assert all(p["mens_rea_level"] == "knowledge" and p["jurisdiction"] in ("NY", "WA") for p in data["results"])
    everything = client.get("/api/v1/prongs/").json()["count"]
    assert data["count"] < everything


def test_multi_valued_filters_match_any_listed_value(client):
    data = client.get("/api/v1/prongs/", {"conduct_types": ["following"], "page_size": 500}).json()
    assert data["count"] > 0
    assert all("following" in p["conduct_types"] for p in data["results"])


def test_null_selects_rows_not_yet_coded(client):
    data = client.get("/api/v1/prongs/", {"penalty_class": "null"})
    # penalty_class is a relation, not a codebook choice: it is not a filter.
    assert data.status_code == 400
    tier = client.get("/api/v1/prongs/", {"tier": "null", "page_size": 500}).json()
    assert all(p["tier"] is None for p in tier["results"])


@pytest.mark.parametrize(
    ("params", "bad"),
    [
        ({"bogus": "1"}, "bogus"),
        ({"mens_rea_level": "nonsense"}, "mens_rea_level"),
        ({"as_of": "yesterday"}, "as_of"),
        ({"page_size": "100000"}, "page_size"),
        ({"page": "-1"}, "page"),
        ({"fields": "slug,shoe_size"}, "fields"),
        ({"ordering": "password"}, "ordering"),
    ],
)
def test_bad_parameters_are_400s_that_name_them_and_what_they_accept(client, params, bad):
    response = client.get("/api/v1/prongs/", params)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert bad in errors and errors[bad]["message"]


def test_detail_endpoints_refuse_filters(client):
    assert client.get("/api/v1/jurisdictions/tx/", {"mens_rea_level": "knowledge"}).status_code == 400


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, method):
    assert getattr(client, method)("/api/v1/prongs/").status_code == 405


def test_fields_picks_fields(client):
    data = client.get("/api/v1/offenses/", {"fields": "slug,name"}).json()
    assert set(data["results"][0]) == {"slug", "name"}


def test_csv_for_every_list_flattens_lists_with_a_pipe(client):
    for name in ENDPOINTS:
        response = client.get(f"/api/v1/{name}/", {"format": "csv"})
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    response = client.get("/api/v1/prongs/", {"jurisdiction": "TX"}, headers={"accept": "text/csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    multi = next(r for r in rows if "|" in r["intent_objects"])
    assert multi["intent_objects"].split("|")[0] in {"harass", "annoy", "alarm", "abuse", "torment", "embarrass"}


def test_schema_describes_every_enum_and_field_and_docs_are_served_offline(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    prong = schema["components"]["schemas"]["Prong"]["properties"]
    assert "Model Penal Code" in prong["mens_rea_level"]["description"]
    assert "MensReaLevelEnum" in str(prong["mens_rea_level"])
    assert "knowledge" in schema["components"]["schemas"]["MensReaLevelEnum"]["enum"]
    docs = client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/" in docs and "cdn" not in docs.lower()


def test_responses_carry_an_etag_and_can_be_revalidated(client):
    first = client.get("/api/v1/jurisdictions/tx/")
    assert first["ETag"] and first["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/v1/jurisdictions/tx/", headers={"if-none-match": first["ETag"]}).status_code == 304


def test_anonymous_clients_are_throttled_with_retry_after(client, settings):
    settings.ANON_REQUESTS_PER_MINUTE = 2
    codes = [client.get("/api/v1/offenses/", {"page": "1"}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    response = client.get("/search/", {"q": "harass"})
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1


def test_eligibility_california_stalking_misdemeanor_is_ineligible_for_court_diversion(client):
    data = client.get(
        "/api/v1/eligibility/", {"jurisdiction": "CA", "offense_family": "stalking", "offense_level": "misdemeanor"}
    ).json()
    program = next(r for r in data["results"] if r["program"]["slug"] == "ca-1001.95-judicial-diversion")
    assert program["result"] == "ineligible"
    assert any(r["outcome"] == "held" and "1001.95(e)(3)" in r["cite"] for r in program["reasons"])


def test_eligibility_new_york_harassment_acd_turns_on_the_prosecutors_consent(client):
    data = client.get("/api/v1/eligibility/", {"jurisdiction": "NY", "offense": "ny-penal-240.26"}).json()
    acd = next(r for r in data["results"] if r["program"]["slug"] == "ny-cpl-170.55-acd")
    assert acd["result"] != "ineligible"
    assert "procedure.prosecutor_consents" in [m["fact"] for m in acd["missing_facts"]]
    refused = client.get(
        "/api/v1/eligibility/", {"jurisdiction": "NY", "offense": "ny-penal-240.26", "prosecutor_consents": "false"}
    ).json()
    assert next(r for r in refused["results"] if r["program"]["slug"] == "ny-cpl-170.55-acd")["result"] == "ineligible"


@pytest.mark.parametrize(
    ("params", "bad"),
    [
        ({"jurisdiction": "ZZ"}, "jurisdiction"),
        ({"jurisdiction": "NY", "offense": "tx-penal-42.07"}, "offense"),
        ({"jurisdiction": "NY", "dv_related": "maybe"}, "dv_related"),
        ({"jurisdiction": "NY", "age": "-3"}, "age"),
        ({"jurisdiction": "NY", "mood": "sad"}, "mood"),
        ({}, "jurisdiction"),
    ],
)
def test_eligibility_bad_values_are_400s(client, params, bad):
    response = client.get("/api/v1/eligibility/", params)
    assert response.status_code == 400 and bad in response.json()["errors"]


def test_eligibility_is_in_the_schema(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    params = {p["name"] for p in schema["paths"]["/api/v1/eligibility/"]["get"]["parameters"]}
    assert {"jurisdiction", "dv_related", "prosecutor_consents", "offense_level"} <= params


API_QUERY_COUNTS = [
    ("/api/v1/jurisdictions/", 3),
    ("/api/v1/jurisdictions/tx/", 11),
    ("/api/v1/jurisdictions/ny/", 11),
    ("/api/v1/prongs/", 3),
    ("/api/v1/prongs/?jurisdiction=TX", 4),
    ("/api/v1/offenses/", 3),
    ("/api/v1/offenses/ny-penal-240.26/", 8),
    ("/api/v1/penalty-classes/", 3),
    ("/api/v1/decisions/", 4),
    ("/api/v1/diversion-programs/", 3),
    ("/api/v1/eligibility/?jurisdiction=CA&offense_family=stalking", 5),
]


@pytest.mark.parametrize(("url", "count"), API_QUERY_COUNTS)
def test_api_query_counts_are_pinned(client, django_assert_num_queries, url, count):
    with django_assert_num_queries(count):
        assert client.get(url).status_code == 200


def test_bulk_download_json_and_zip_are_stamped_with_versions(client):
    import json
    import zipfile

    data = json.loads(client.get("/api/v1/export.json").content)
    assert data["codebook_version"] == "1.1" and data["data_date"] and len(data["jurisdictions"]) == 57
    texas = next(j for j in data["jurisdictions"] if j["code"] == "TX")
    assert texas["offenses"][0]["prongs"]
    archive = zipfile.ZipFile(io.BytesIO(client.get("/api/v1/export.zip").content))
    assert {"metadata.json", "prongs.csv", "offenses.csv", "diversion_programs.csv"} <= set(archive.namelist())
    prongs = list(csv.DictReader(io.StringIO(archive.read("prongs.csv").decode())))
    assert len(prongs) == client.get("/api/v1/prongs/").json()["count"]
    assert json.loads(archive.read("metadata.json"))["codebook_version"] == "1.1"
