import copy

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the real data files loaded."""
    with django_db_blocker.unblock():
        call_command("load_statutes", verbosity=0)


@pytest.fixture
def fixtures_dir():
    return settings.FIXTURES_DIR


SAMPLE = {
    "code": "ZZ",
    "name": "Testland",
    "kind": "territory",
    "fips": None,
    "has_offense_titled_harassment": True,
    "primary_offense": "zz-1",
    "excluded_offenses": [{"citation": "ZZ Code § 2", "reason": "not harassment"}],
    "summary": "A made-up jurisdiction for tests.",
    "sources": [
        {
            "url": "https://example.org/zz/penalties",
            "title": "Penalties",
            "retrieved_on": "2026-11-28",
            "text_complete": True,
            "text": "A petty misdemeanor is punishable by up to 30 days in jail and a fine of up to $1,000.",
        }
    ],
    "penalty_classes": [
        {
            "slug": "zz-petty",
            "label": "petty misdemeanor",
            "max_jail_days": 30,
            "max_fine_usd": 1000,
            "is_crime": True,
            "is_felony": "no",
            "citation": "ZZ Code § 9",
            "source_url": "https://example.org/zz/penalties",
            "source_kind": "codified_text",
            "source_tier": "official",
            "quote": "punishable by up to 30 days in jail",
            "retrieved_on": "2026-11-28",
            "status": "coded",
            "confidence": "high",
        }
    ],
    "offenses": [
        {
            "slug": "zz-1",
            "name": "Harassment",
            "citation": "ZZ Code § 1",
            "family": "general_harassment",
            "text": "(a) A person commits harassment if, with intent to annoy another, the person:\n"
            "(1) sends repeated electronic communications; or\n(2) strikes the other person.",
            "text_complete": True,
            "harass_definition": "",
            "source_url": "https://example.org/zz/1",
            "source_kind": "codified_text",
            "source_tier": "official",
            "quote": "A person commits harassment if",
            "retrieved_on": "2026-11-28",
            "status": "coded",
            "confidence": "high",
            "prongs": [
                {
                    "subsection": "(a)(1)",
                    "pinpoint": "(a)(1)",
                    "conduct_types": ["communication_repeated"],
                    "communication_media": ["electronic_direct"],
                    "communication_direction": "to_victim",
                    "mens_rea_level": "purpose_intent",
                    "mens_rea_text": "with intent to annoy another",
                    "intent_objects": ["annoy"],
                    "threat_element": "none",
                    "threat_mens_rea": "not_applicable",
                    "effect_standard": "none_required",
                    "effect_types": ["none"],
                    "repetition": "repeated_required",
                    "no_legitimate_purpose": "absent",
                    "prior_request_to_stop": False,
                    "nonconsent_element": "absent",
                    "pure_speech": True,
                    "penalty_class": "zz-petty",
                    "citation": "ZZ Code § 1(a)(1)",
                    "source_url": "https://example.org/zz/1",
                    "source_kind": "codified_text",
                    "source_tier": "official",
                    "quote": [
                        {"text": "with intent to annoy another, the person:", "pinpoint": "(a)"},
                        {"text": "sends repeated electronic communications", "pinpoint": "(a)(1)"},
                    ],
                    "retrieved_on": "2026-11-28",
                    "status": "coded",
                    "confidence": "high",
                },
                {
                    "subsection": "(a)(2)",
                    "pinpoint": "(a)(2)",
                    "conduct_types": ["physical_contact"],
                    "communication_media": ["not_applicable"],
                    "communication_direction": "not_applicable",
                    "mens_rea_level": "purpose_intent",
                    "mens_rea_text": "with intent to annoy another",
                    "intent_objects": ["annoy"],
                    "threat_element": "none",
                    "threat_mens_rea": "not_applicable",
                    "effect_standard": "none_required",
                    "effect_types": ["none"],
                    "repetition": "single_act_sufficient",
                    "no_legitimate_purpose": "absent",
                    "prior_request_to_stop": False,
                    "nonconsent_element": "absent",
                    "pure_speech": False,
                    "penalty_class": "zz-petty",
                    "citation": "ZZ Code § 1(a)(2)",
                    "source_url": "https://example.org/zz/1",
                    "source_kind": "codified_text",
                    "source_tier": "official",
                    "quote": "strikes the other person",
                    "retrieved_on": "2026-11-28",
                    "status": "coded",
                    "confidence": "high",
                },
            ],
        }
    ],
    "decisions": [
        {
            "slug": "zz-v-doe",
            "case_name": "Testland v. Doe",
            "citation": "Testland v. Doe, 1 ZZ 1 (2020)",
            "effects": ["invalidated_prong"],
            "offense": "zz-1",
            "prongs": ["(a)(1)"],
            "affected_language": "sends repeated electronic communications",
            "status": "draft",
            "coder_note": "made up for tests",
        }
    ],
    "diversion_programs": [
        {
            "slug": "zz-diversion",
            "name": "Pretrial diversion",
            "mechanism": "deferred_prosecution",
            "eligibility_rule": {
                "complete": True,
                "bars": [
                    {
                        "id": "dv",
                        "when": {"fact": "charge.dv_related", "op": "eq", "value": True},
                        "cite": "ZZ Code § 5(b)",
                    }
                ],
                "discretion": [{"actor": "prosecutor", "cite": "ZZ Code § 5(a)"}],
            },
            "citation": "ZZ Code § 5",
            "status": "draft",
            "coder_note": "made up for tests",
        }
    ],
}


@pytest.fixture
def sample():
    """A valid data file's content (a made-up jurisdiction), to break in tests."""
    return copy.deepcopy(SAMPLE)


@pytest.fixture
def write_sample(tmp_path):
    def write(data, name="zz.yaml", raw=None):
        path = tmp_path / name
        path.write_text(
            raw if raw is not None else yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
        return path

    return write


def pytest_collection_modifyitems(config, items):
    """Run the browser tests last: as transactional tests they empty the database when they finish."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(autouse=True)
def fresh_throttle_counts(settings):
    """Each test starts with no anonymous-request history, so throttling is tested only where intended."""
    from django.core.cache import cache

    from statutes.middleware import RESPONSES

    settings.DATA_VERSION_TTL = 0  # tests change data and expect the next request to see it
    cache.clear()
    RESPONSES.clear()
