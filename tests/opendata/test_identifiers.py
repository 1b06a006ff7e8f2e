"""Identifiers that leave the site: their form, the codes every object carries, and that they hold."""

import csv

import pycountry
import pytest

from rapporteur.opendata import identifiers as ids
from rapporteur.reports.models import CountryEntryPage, Theme

pytestmark = pytest.mark.django_db


def test_identifiers_read_as_the_readme_says():
    assert ids.edition_id(2013) == "2013"
    assert ids.entry_id(2013, "kz") == "2013-KZ"
    assert ids.section_id(2013, "KZ", "torture-and-other-ill-treatment") == "2013-KZ-torture-and-other-ill-treatment"
    key = ids.case_key("3F2A9C1E-0000-4000-8000-000000000000")
    assert ids.case_id(2013, "KZ", key) == "2013-KZ-case-3f2a9c1e"
    assert ids.parse_entry_id("2013-kz") == ids.EntryRef(2013, "KZ")
    assert ids.parse_section_id("2013-KZ-unfair-trials-2") == ids.SectionRef(2013, "KZ", "unfair-trials-2")
    assert ids.parse_case_id("2013-KZ-case-3f2a9c1e") == ids.CaseRef(2013, "KZ", "3f2a9c1e")
    for nonsense in ("", "2013", "13-KZ", "2013-KAZ", "2013-KZ-", "2013-KZ-Unfair"):
        assert ids.parse_entry_id(nonsense) is None or nonsense == "2013"
        assert ids.parse_section_id(nonsense) is None


def test_every_country_carries_iso_and_cow_codes():
    assert ids.country_codes("KZ").as_dict() == {"iso_alpha2": "KZ", "iso_alpha3": "KAZ", "cow_code": 705}
    assert ids.country_codes("us").as_dict() == {"iso_alpha2": "US", "iso_alpha3": "USA", "cow_code": 2}
    assert ids.country_codes("XK").as_dict() == {"iso_alpha2": "XK", "iso_alpha3": "XKX", "cow_code": 347}
    assert ids.country_codes("HK").cow_code is None  # a territory: COW lists states only


def test_the_cow_table_names_real_countries_once_each():
    with ids.COW_TABLE.open(encoding="utf-8") as table:
        rows = list(csv.DictReader(table))
    assert len(rows) > 190
    assert len({row["iso_alpha2"] for row in rows}) == len(rows)
    assert len({row["cow_code"] for row in rows}) == len(rows)
    for row in rows:
        assert row["iso_alpha2"] == "XK" or pycountry.countries.get(alpha_2=row["iso_alpha2"]), row


def api_ids(client, entry="2013-KZ"):
    entry = client.get(f"/api/v1/entries/{entry}").json()
    return [(s["id"], s["key"], [c["id"] for c in s["cases"]]) for s in entry["sections"]]


def test_identifiers_hold_across_rebuilds_and_an_unrelated_edit(client, kazakhstan, django_capture_on_commit_callbacks):
    before = api_ids(client)
    assert all(case_ids for _, _, case_ids in before[:1])
    assert len({case for _, _, cases in before for case in cases}) == sum(len(c) for _, _, c in before)

    from django.core.management import call_command

    call_command("rebuild_archive_index", stdout=open("/dev/null", "w"))
    assert api_ids(client) == before

    with django_capture_on_commit_callbacks(execute=True):
        page = CountryEntryPage.objects.get(pk=kazakhstan.pk)
        page.summary = "<p>A corrected summary.</p>"
        page.save_revision().publish()
    assert api_ids(client) == before


def test_a_second_section_of_a_theme_gets_a_suffix_and_the_first_keeps_its_identifier(
    client, kazakhstan, django_capture_on_commit_callbacks
):
    before = api_ids(client)
    first_theme = Theme.objects.get(slug=before[0][0].removeprefix("2013-KZ-"))
    with django_capture_on_commit_callbacks(execute=True):
        page = CountryEntryPage.objects.get(pk=kazakhstan.pk)
        raw = list(page.body.raw_data)
        raw.append(
            {
                "type": "section",
                "value": {
                    "theme": first_theme.pk,
                    "heading": "",
                    "content": [{"type": "paragraph", "value": "<p>More.</p>"}],
                },
            }
        )
        raw.append(
            {
                "type": "section",
                "value": {
                    "theme": None,
                    "heading": "Death penalty",
                    "content": [{"type": "paragraph", "value": "<p>x</p>"}],
                },
            }
        )
        page.body = raw
        page.save_revision().publish()
    after = api_ids(client)
    assert after[: len(before)] == before
    assert after[-2][0] == f"{before[0][0]}-2"
    assert after[-1][0] == "2013-KZ-death-penalty"
