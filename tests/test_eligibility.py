"""The evaluator on the real coded rules (New York, California, Texas, New Jersey) and the cross-links."""

import pytest

from statutes.eligibility import check, facts_from, jurisdiction_context

pytestmark = pytest.mark.django_db


def results(code, **answers):
    context = jurisdiction_context(code)
    facts = facts_from({"jurisdiction": code, **answers}, context)
    return {r["program"].slug: r["evaluation"] for r in check(code, facts)}


def test_new_york_acd_is_open_to_harassment_2nd_and_turns_on_consent():
    acd = results("NY", offense="ny-penal-240.26")["ny-cpl-170.55-acd"]
    assert acd.result == "unknown"
    assert "procedure.prosecutor_consents" in {m["fact"] for m in acd.missing_facts}
    refused = results("NY", offense="ny-penal-240.26", prosecutor_consents=False)["ny-cpl-170.55-acd"]
    assert refused.result == "ineligible"


def test_california_court_diversion_bars_stalking_and_domestic_violence():
    stalking = results("CA", offense_family="stalking", offense_level="misdemeanor")["ca-1001.95-judicial-diversion"]
    assert stalking.result == "ineligible"
    assert any(r.id.startswith("stalking") and r.outcome == "held" for r in stalking.reasons)
    dv = results("CA", offense="ca-penal-653m", dv_related=True)["ca-1001.95-judicial-diversion"]
    assert dv.result == "ineligible"
    plain = results("CA", offense="ca-penal-653m", dv_related=False)["ca-1001.95-judicial-diversion"]
    assert plain.result not in ("ineligible", "not_in_scope")


def test_texas_deferred_adjudication_needs_a_plea():
    program = results("TX", offense="tx-penal-42.07", plea_entered=False)["tx-deferred-adjudication"]
    assert program.result == "ineligible"
    assert results("TX", offense="tx-penal-42.07", plea_entered=True)["tx-deferred-adjudication"].result != "ineligible"


def test_new_jersey_routes_harassment_by_domestic_violence_status():
    not_dv = results("NJ", offense="nj-2c-33-4", dv_related=False)
    dv = results("NJ", offense="nj-2c-33-4", dv_related=True)
    assert not_dv["nj-pretrial-intervention"].result == "ineligible"
    assert not_dv["nj-conditional-dismissal"].result not in ("ineligible", "not_in_scope")
    assert dv["nj-conditional-dismissal"].result == "ineligible"
    assert dv["nj-pretrial-intervention"].result not in ("ineligible", "not_in_scope")


def test_a_person_who_answers_nothing_still_gets_an_answer_for_every_program():
    for code in ("NY", "CA", "TX", "NJ"):
        evaluated = results(code)
        assert evaluated and all(e.result == "unknown" or e.result for e in evaluated.values())


def test_offense_api_lists_the_programs_that_could_dispose_of_it(client):
    data = client.get("/api/v1/jurisdictions/nj/").json()
    harassment = next(o for o in data["offenses"] if o["slug"] == "nj-2c-33-4")
    routes = {d["program"]: d["availability"] for d in harassment["dispositions"]}
    assert routes == {"nj-conditional-dismissal": "available_unless_dv", "nj-pretrial-intervention": "only_if_dv"}
    page = client.get("/jurisdictions/nj/").content.decode()
    assert "Available unless DV-related" in page and "Only if DV-related" in page
