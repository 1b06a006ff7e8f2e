"""Country files of the legacy route against the hand-checked annotation, and one country across years."""

import pytest

from rapporteur.importers.legacy import printed, probably_same_people, read_country_file, read_country_files
from tests.importers.legacy_samples import chunk_path, gold, require_samples

# gold.json's names for the 2006–2007 treaty fields → the importer's closed vocabulary.
GOLD_KEYS = {"icc": "international_criminal_court", "cedaw_op": "womens_convention"}


def extracted(entry):
    fields = {holder.office: printed(holder) for holder in entry.office_holders}
    fields.update(entry.facts)
    return fields


def test_every_gold_field_equals_what_is_extracted():
    annotation = gold()
    assert len(annotation) == 14
    for name, expected in annotation.items():
        entry = read_country_file(chunk_path(name))
        assert entry.country_name == expected["short"], name
        assert entry.official_name == expected["official"], name
        fields = extracted(entry)
        for key, value in expected["fields"].items():
            assert fields.get(GOLD_KEYS.get(key, key)) == value, (name, key)


@pytest.fixture(scope="module")
def kazakhstan_by_year():
    folder = require_samples() / "kazakhstan-2006-2013"
    files = sorted(folder.glob("*.txt")) + [require_samples() / "2012" / "2012-kazakhstan.txt"]
    return {int(path.name[:4]): read_country_files([path]) for path in files}


def test_kazakhstan_is_one_country_in_every_edition(kazakhstan_by_year):
    assert sorted(kazakhstan_by_year) == [2006, 2007, 2008, 2009, 2010, 2011, 2012]
    for year, edition in kazakhstan_by_year.items():
        (entry,) = edition.entries
        assert entry.iso_code == "KZ", year
        assert {holder.office for holder in entry.office_holders} == {"head_of_state", "head_of_government"}, year
        assert edition.year == year


def test_office_holders_one_letter_apart_are_flagged(kazakhstan_by_year):
    pairs = probably_same_people(kazakhstan_by_year.values())
    assert ("Danial Akhmedov", "Danial Akhmetov") in pairs  # 2007–2008 and 2006 spellings
    assert all(a != b for a, b in pairs)


def test_2006_and_2007_treaty_status_and_old_bullets():
    entry = read_country_file(chunk_path("2006-kazakstan.txt"))
    assert entry.facts["international_criminal_court"] == "not signed"
    assert any(block.kind == "case" for section in entry.sections for block in section.blocks)
    later = read_country_file(chunk_path("2007-kazakstan.txt"))
    assert len(later.reports) == 2 and all(report.index_number.startswith("EUR") for report in later.reports)
    assert later.visits


def test_visits_reports_cases_and_subheadings_of_2012_chunks():
    kenya = read_country_file(chunk_path("2012-kenya.txt"))
    assert kenya.visits and len(kenya.reports) >= 4
    assert any(report.index_number == "PRE01/022/2011" for report in kenya.reports)
    russia = read_country_file(chunk_path("2012-russian-federation.txt"))
    assert any(block.kind == "case" for section in russia.sections for block in section.blocks)


def test_a_directory_of_country_files_reads_into_one_edition():
    edition = read_country_files(require_samples() / "2012")
    assert [entry.iso_code for entry in edition.entries] == ["AF", "BR", "EG", "KZ", "KE", "KP", "RU", "SY"]
    assert edition.year == 2012
