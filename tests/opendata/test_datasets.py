"""The open datasets: valid, complete, stable, in every format — and never ahead of the reader site."""

import csv
import io
import json
import sqlite3
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from rapporteur.opendata.datasets.build import build_all, build_requested
from rapporteur.opendata.datasets.spreadsheet import SpreadsheetWorker
from rapporteur.opendata.models import DatasetFile, DatasetRequest, EditionRows
from rapporteur.reports.document import build_edition_document
from rapporteur.reports.models import CountryEntryPage, DownloadsPage, EditionPage, Theme
from rapporteur.reports.visibility import reader_visible
from tests.support.helpers import add_entry, approve

pytestmark = pytest.mark.django_db


def public_editions():
    """In the source language: the archive holds the source language (translations have files of their own)."""
    return list(reader_visible(EditionPage.objects.filter(locale__language_code="en")).order_by("year"))


def read_file(dataset):
    with dataset.file.open("rb") as handle:
        return handle.read()


def sqlite_of(dataset):
    """A dataset's SQLite file, opened in memory."""
    db = sqlite3.connect(":memory:")
    db.deserialize(read_file(dataset))
    return db


def archive_file(fmt):
    return DatasetFile.objects.get(edition=None, format=fmt)


@pytest.fixture
def built(tmp_path):
    build_all()
    return tmp_path


def unpack_package(dataset, folder):
    with zipfile.ZipFile(io.BytesIO(read_file(dataset))) as archive:
        archive.extractall(folder)
    return folder / "datapackage.json"


def csv_rows(folder, table):
    with open(folder / "data" / f"{table}.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_archive_package_is_a_valid_frictionless_data_package(built):
    from frictionless import validate

    descriptor = unpack_package(archive_file("zip"), built)
    report = validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = json.loads(descriptor.read_text())
    assert {resource["name"] for resource in package["resources"]} == {
        "editions",
        "entries",
        "office_holders",
        "facts",
        "sections",
        "cases",
        "people",
        "documents",
        "themes",
        "countries",
    }
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    sections = next(r for r in package["resources"] if r["name"] == "sections")
    assert {"fields": ["entry_id"], "reference": {"resource": "entries", "fields": ["entry_id"]}} in sections["schema"][
        "foreignKeys"
    ]


def test_the_tables_hold_what_the_site_shows(built):
    unpack_package(archive_file("zip"), built)
    documents = [build_edition_document(edition) for edition in public_editions()]
    entries = [entry for document in documents for entry in document.entries]
    assert len(csv_rows(built, "editions")) == len(documents)
    rows = csv_rows(built, "entries")
    assert len(rows) == len(entries)
    assert len(csv_rows(built, "sections")) == sum(len(entry.sections) for entry in entries)
    kazakhstan = next(row for row in rows if row["entry_id"] == "2013-KZ")
    # both years, every code researchers merge on, and the reader's address
    assert (kazakhstan["edition"], kazakhstan["year_covered"]) == ("2013", "2012")
    assert (kazakhstan["iso_alpha2"], kazakhstan["iso_alpha3"], kazakhstan["cow_code"]) == ("KZ", "KAZ", "705")
    assert kazakhstan["url"].endswith("/en/2013/europe-and-central-asia/kazakhstan/")
    page = CountryEntryPage.objects.get(
        country__iso_code="KZ", url_path__startswith="/home/2013/", locale__language_code="en"
    )
    holders = [row for row in csv_rows(built, "office_holders") if row["entry_id"] == "2013-KZ"]
    assert [row["name"] for row in holders] == [holder.name for holder in page.office_holders.all()]
    section_rows = [row for row in csv_rows(built, "sections") if row["entry_id"] == "2013-KZ"]
    assert section_rows and all(row["text"] for row in section_rows)
    assert all(row["section_id"].startswith("2013-KZ-") for row in section_rows)


def test_csv_files_start_with_a_byte_order_mark_so_spreadsheets_read_utf8(built):
    with zipfile.ZipFile(io.BytesIO(read_file(archive_file("zip")))) as archive:
        for name in archive.namelist():
            if name.endswith(".csv"):
                assert archive.read(name).startswith(b"\xef\xbb\xbf"), name


def test_spreadsheet_jsonl_and_sqlite_agree_with_the_package(built, edition):
    unpack_package(DatasetFile.objects.get(edition=edition, format="zip"), built / "2013")
    sections_2013 = csv_rows(built / "2013", "sections")
    book = load_workbook(io.BytesIO(read_file(DatasetFile.objects.get(edition=edition, format="xlsx"))), read_only=True)
    assert book.sheetnames[:2] == ["editions", "entries"]
    assert sum(1 for _ in book["sections"].iter_rows()) == len(sections_2013) + 1  # the header row
    assert not DatasetFile.objects.filter(edition=None, format="xlsx").exists()  # the archive: SQLite instead
    unpack_package(archive_file("zip"), built)
    sections = csv_rows(built, "sections")
    lines = read_file(archive_file("jsonl")).decode().splitlines()
    assert [json.loads(line)["section_id"] for line in lines] == [row["section_id"] for row in sections]
    assert json.loads(lines[0])["year_covered"] and json.loads(lines[0])["text"]
    database = built / "archive.sqlite"
    database.write_bytes(read_file(archive_file("sqlite")))
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM sections").fetchone()[0] == len(sections)
        word = sections[0]["text"].split()[3].strip(".,;:")
        found = db.execute("SELECT section_id FROM sections_fts WHERE sections_fts MATCH ?", (f'"{word}"',)).fetchall()
        assert (sections[0]["section_id"],) in found


def test_a_rebuild_with_nothing_changed_rewrites_nothing_and_keeps_every_identifier(built):
    before = {d.name: d.content_hash for d in DatasetFile.objects.all()}
    assert build_all() == []
    assert {d.name: d.content_hash for d in DatasetFile.objects.all()} == before


def every_member(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def test_a_draft_and_an_embargoed_edition_are_never_in_the_data(built, tmp_path, embargoed_edition, team):
    embargoed, region, _ = embargoed_edition
    secret = add_entry(region, "ML", summary="<p>Embargoed finding about Mali.</p>")
    approve(secret, team["publisher"])  # published inside the embargoed edition: still invisible
    draft = CountryEntryPage.objects.get(
        country__iso_code="KZ", url_path__startswith="/home/2013/", locale__language_code="en"
    )
    draft.summary = "<p>Unpublished draft wording.</p>"
    draft.save_revision()
    build_all()
    for dataset in DatasetFile.objects.all():
        data = read_file(dataset)
        if dataset.format in ("zip", "xlsx"):
            data = every_member(data)
        assert b"Embargoed finding" not in data and b"Unpublished draft wording" not in data, dataset.name
    assert not DatasetFile.objects.filter(edition=embargoed).exists()  # absent, not empty
    unpack_package(archive_file("zip"), tmp_path)
    assert "2014" not in [row["edition"] for row in csv_rows(tmp_path, "editions")]


def test_files_of_a_withdrawn_edition_are_refused_at_once_even_before_the_rebuild(built, client, edition):
    archive = archive_file("zip")
    own = DatasetFile.objects.get(edition=edition, format="zip")
    assert client.get(reverse("dataset_file", args=(archive.name,))).status_code == 200
    edition.unpublish()
    assert client.get(reverse("dataset_file", args=(own.name,))).status_code == 404
    assert client.get(reverse("dataset_file", args=(archive.name,))).status_code == 404
    build_all()
    assert not DatasetFile.objects.filter(edition=edition).exists()


def test_publishing_asks_for_new_files_and_the_scheduler_makes_them(edition, team, django_capture_on_commit_callbacks):
    kazakhstan = CountryEntryPage.objects.get(
        country__iso_code="KZ", url_path__startswith="/home/2013/", locale__language_code="en"
    )
    kazakhstan.summary = "<p>A corrected summary, in new words.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        kazakhstan.save_revision().publish(user=team["publisher"])
    assert DatasetRequest.objects.exists()
    written = build_requested()
    assert "annual-report-2013-data.jsonl" in written and not DatasetRequest.objects.exists()
    package = every_member(read_file(DatasetFile.objects.get(edition=edition, format="zip")))
    assert b"A corrected summary, in new words." in package


def test_the_data_page_and_the_downloads_page_offer_the_files(built, read, edition):
    _, page = read(reverse("open_data"))
    links = [a["href"] for a in page.select("a[download]")]
    assert reverse("dataset_file", args=("annual-report-archive-data.sqlite",)) in links
    assert reverse("dataset_file", args=("annual-report-2013-data.zip",)) in links
    assert page.select_one("a[rel=license]")["href"].startswith("https://creativecommons.org/")
    downloads = DownloadsPage.objects.child_of(edition).get()
    _, page = read(downloads.url)
    assert reverse("dataset_file", args=("annual-report-2013-data.zip",)) in [a["href"] for a in page.select("a")]


def test_a_publish_reads_again_only_its_own_edition_and_the_archive_is_as_if_built_anew(built, team):
    # the older edition: the newer one, replayed from its kept rows, names more countries and themes
    older = EditionPage.objects.get(year=2012, locale__language_code="en")
    others = {d.name: d.built_at for d in DatasetFile.objects.exclude(edition=None).exclude(edition=older)}
    assert others, "the demo has more than one public edition"
    kept_before = {rows.edition_id: rows.built_at for rows in EditionRows.objects.all()}
    kazakhstan = CountryEntryPage.objects.get(
        country__iso_code="KZ", url_path__startswith="/home/2012/", locale__language_code="en"
    )
    kazakhstan.summary = "<p>A summary in newly published words.</p>"
    kazakhstan.save_revision().publish(user=team["publisher"])
    written = build_all()
    assert "annual-report-2012-data.zip" in written and "annual-report-archive-data.sqlite" in written
    assert {d.name: d.built_at for d in DatasetFile.objects.filter(name__in=others)} == others
    kept_after = {rows.edition_id: rows.built_at for rows in EditionRows.objects.all()}
    assert [pk for pk in kept_after if kept_after[pk] != kept_before[pk]] == [older.pk]
    assembled = {d.format: d.content_hash for d in DatasetFile.objects.filter(edition=None)}
    archive = sqlite_of(archive_file("sqlite"))
    assert archive.execute("SELECT COUNT(*) FROM entries WHERE summary LIKE '%newly published%'").fetchone() == (1,)
    assert archive.execute("SELECT COUNT(*) FROM countries").fetchone() == (13,), "the 2013 edition's too"
    EditionRows.objects.all().delete()  # from nothing: every edition read again
    build_all()
    assert {d.format: d.content_hash for d in DatasetFile.objects.filter(edition=None)} == assembled


def test_renaming_a_theme_asks_for_new_files_that_carry_the_new_name(built, django_capture_on_commit_callbacks):
    theme = Theme.objects.get(slug="torture-and-other-ill-treatment")
    DatasetRequest.objects.all().delete()
    theme.name = "Torture and ill-treatment (renamed)"
    with django_capture_on_commit_callbacks(execute=True):
        theme.save()
    assert DatasetRequest.objects.exists()
    build_requested()
    themes = sqlite_of(archive_file("sqlite")).execute("SELECT name FROM themes WHERE theme_id = ?", (theme.slug,))
    assert themes.fetchone() == ("Torture and ill-treatment (renamed)",)


def test_a_lost_spreadsheet_is_made_again_by_the_next_build(built, edition):
    DatasetFile.objects.get(edition=edition, format="xlsx").delete()
    assert build_all() == ["annual-report-2013-data.xlsx"]
    book = load_workbook(io.BytesIO(read_file(DatasetFile.objects.get(edition=edition, format="xlsx"))), read_only=True)
    names = [row[1] for row in book["countries"].iter_rows(min_row=2, max_col=2, values_only=True)]
    assert "Kazakhstan" in names


def test_a_failing_spreadsheet_worker_says_why(tmp_path):
    with pytest.raises(RuntimeError, match="spreadsheet worker failed.*No such file or directory"):
        with SpreadsheetWorker([("editions", ["edition_id"])]) as worker:
            worker.write(
                [b'["editions", {"edition_id": "2013"}]'], tmp_path / "rows.jsonl", tmp_path / "gone" / "a.xlsx"
            )


def test_a_translated_edition_has_its_own_files_with_the_shared_keys(built, tmp_path):
    french = EditionPage.objects.get(year=2013, locale__language_code="fr")
    english = EditionPage.objects.get(year=2013, locale__language_code="en")
    package = DatasetFile.objects.get(edition=french, format="zip")
    assert package.name == "annual-report-2013-fr-data.zip"
    unpack_package(package, tmp_path / "fr")
    unpack_package(DatasetFile.objects.get(edition=english, format="zip"), tmp_path / "en")
    french_entries = csv_rows(tmp_path / "fr", "entries")
    english_entries = {row["entry_id"]: row for row in csv_rows(tmp_path / "en", "entries")}
    [kazakhstan] = french_entries  # the demo translated one entry of 2013
    assert kazakhstan["entry_id"] == "2013-KZ" and kazakhstan["title"] == "Kazakhstan"
    assert "2013-KZ" in english_entries, "the same key names the English row"
    [edition] = csv_rows(tmp_path / "fr", "editions")
    assert edition["language"] == "fr" and edition["title"] == "Rapport annuel 2013"
    assert "Torture et autres mauvais traitements" in {row["name"] for row in csv_rows(tmp_path / "fr", "themes")}
    archive = sqlite_of(archive_file("sqlite"))
    assert archive.execute("select count(*), count(distinct entry_id) from entries").fetchone()[0] == len(
        {row[0] for row in archive.execute("select entry_id from entries")}
    ), "the archive holds one row per identifier: the source language only"
    assert {row[0] for row in archive.execute("select distinct language from editions")} == {"en"}
    response = __import__("django.test", fromlist=["Client"]).Client().get("/fr/data/")
    assert "annual-report-2013-fr-data.zip" in response.content.decode()
