"""The synthetic archive has realistic size, is clearly synthetic, and connects years."""

import re

import pytest
from django.core.management import CommandError, call_command

from rapporteur.reports.document import entry_document
from rapporteur.reports.models import CountryEntryPage, EditionPage

pytestmark = pytest.mark.django_db


def words(entry):
    document = entry_document(entry, use_cache=False)
    html = document.summary_html + " ".join(block.html for section in document.sections for block in section.blocks)
    return len(re.sub(r"<[^>]+>", " ", html).split())


def test_generates_synthetic_editions_before_the_existing_ones(client):
    call_command("generate_archive", editions=2, countries=4, stdout=open("/dev/null", "w"))
    synthetic = EditionPage.objects.filter(title__startswith="Synthetic").order_by("year")
    assert [e.year for e in synthetic] == [2010, 2011]  # the demo starts at 2012
    assert all("not real findings" in e.subtitle for e in synthetic)
    people_by_year = {}
    for edition in synthetic:
        entries = CountryEntryPage.objects.descendant_of(edition).live()
        assert entries.count() == 4
        people = set()
        for entry in entries:
            assert len(entry.body) == 10
            assert 1100 <= words(entry) <= 1300
            people |= {
                child.value["person"].slug
                for s in entry.body
                for child in s.value["content"]
                if child.block_type == "case"
            }
        assert people and all(slug.startswith("synthetic-person-") for slug in people)
        people_by_year[edition.year] = people
    assert people_by_year[2010] & people_by_year[2011], "synthetic people recur across years"
    entry = CountryEntryPage.objects.descendant_of(synthetic[0]).first()
    response = client.get(entry.url)
    assert response.status_code == 200 and b"Synthetic Annual Report 2010" in response.content


def test_same_seed_gives_the_same_archive():
    call_command("generate_archive", editions=1, countries=2, seed=7, stdout=open("/dev/null", "w"))
    first = [
        (e.country.iso_code, e.summary)
        for e in CountryEntryPage.objects.filter(url_path__startswith="/home/2011/", locale__language_code="en")
    ]
    EditionPage.objects.get(year=2011, locale__language_code="en").delete()
    call_command("generate_archive", editions=1, countries=2, seed=7, stdout=open("/dev/null", "w"))
    second = [
        (e.country.iso_code, e.summary)
        for e in CountryEntryPage.objects.filter(url_path__startswith="/home/2011/", locale__language_code="en")
    ]
    assert first == second and len(first) == 2


@pytest.mark.parametrize(
    "kwargs,message", [({"editions": 0, "countries": 3}, "at least 1"), ({"editions": 1, "countries": 999}, "only 249")]
)
def test_bad_arguments_are_refused_clearly(kwargs, message):
    before = EditionPage.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("generate_archive", **kwargs)
    assert EditionPage.objects.count() == before
