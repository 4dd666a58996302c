"""The blind check's selection and comparison (statutes/blind.py)."""

import pytest

from statutes.blind import compare, pick_items, same_page


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("http://www.lpdirect.net/casb/crs/18-9-111.html", "https://www.lpdirect.net/casb/crs/18-9-111.html", True),
        ("http://www.Capitol.hawaii.gov/hrscurrent/x.htm", "https://capitol.hawaii.gov/hrscurrent/x.htm/", True),
        ("https://womenslaw.org/a", "https://withoutmyconsent.org/a", False),
        ("https://example.org/a", None, False),
    ],
)
def test_same_page_ignores_scheme_www_case_and_trailing_slash(first, second, same):
    assert same_page(first, second) is same


def test_compare_counts_fields_and_flags_a_same_copy_reading_across_schemes():
    document = {
        "offenses": [
            {
                "slug": "zz-1",
                "name": "Harassment",
                "citation": "ZZ § 1",
                "prongs": [
                    {
                        "pinpoint": "(a)",
                        "mens_rea_level": "knowledge",
                        "conduct_types": ["following", "other"],
                        "source_url": "http://www.example.org/zz-1",
                    },
                ],
            }
        ],
        "diversion_programs": [
            {
                "slug": "zz-div",
                "name": "Diversion",
                "citation": "ZZ § 9",
                "mechanism": "deferred_prosecution",
                "source_url": "https://other.example/zz-9",
            }
        ],
    }
    blind = {
        "items": [
            {
                "item": "zz-1::(a)",
                "kind": "prong",
                "mens_rea_level": "purpose_intent",
                "conduct_types": ["other", "following"],
                "source_url": "https://example.org/zz-1/",
            },
            {
                "item": "zz-div",
                "kind": "program",
                "mechanism": "deferred_prosecution",
                "source_url": "https://third.example/",
            },
            {"item": "zz-missing", "kind": "program", "mechanism": "pretrial_intervention"},
        ]
    }
    compared, agreed, disagreements, same_copy = compare(document, blind)
    assert (compared, agreed) == (3, 2)  # list order does not matter; the missing item is not counted as a field
    assert ("zz-1::(a)", "mens_rea_level", "knowledge", "purpose_intent") in disagreements
    assert ("zz-missing", "(item)", "missing in data", None) in disagreements
    assert same_copy == ["zz-1::(a)"]
    assert [i["item"] for i in pick_items(document)] == ["zz-1::(a)", "zz-div"]
