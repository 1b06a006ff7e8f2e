"""A section may carry subheadings (a region of the country, a strand of the theme), as printed
reports do: they show on the page, in the e-book and the PDF, and their words are searchable."""

import io
import zipfile

import pytest
from django.test import Client
from pypdf import PdfReader

from rapporteur.publishing import epub
from rapporteur.publishing.builds import pdf_for_entry
from rapporteur.reports.document import build_edition_document
from rapporteur.reports.models import EditionPage
from tests.support.helpers import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_subheading(kazakhstan, team, django_capture_on_commit_callbacks):
    body = kazakhstan.body.raw_data
    first = body[0]["value"]["content"]
    first.insert(1, {"type": "subheading", "value": "Western oil towns"})
    kazakhstan.body = body
    with django_capture_on_commit_callbacks(execute=True):
        kazakhstan.save_revision(user=team["publisher"]).publish(user=team["publisher"])
    return kazakhstan


def test_a_subheading_shows_on_the_page_and_is_found_by_search(with_subheading):
    html = soup(Client().get(with_subheading.url))
    section = html.select("section.entry__section")[0]
    assert [h.get_text() for h in section.select("h3")] == ["Western oil towns"]
    results = soup(Client().get("/en/search/?q=oil+towns"))
    assert any("kazakhstan" in a["href"] for a in results.select("ol.results-list h3 a"))


def test_a_subheading_is_in_the_e_book_and_the_pdf(with_subheading):
    document = build_edition_document(
        EditionPage.objects.get(year=2013, locale__language_code="en"), "Test organisation"
    )
    book, _ = epub.build_epub(document, "urn:test")
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        assert "<h3>Western oil towns</h3>" in archive.read("EPUB/entry-kz.xhtml").decode()
    entry = next(e for e in document.entries if e.iso_code == "KZ")
    data, _ = pdf_for_entry(document, entry)
    assert "Western oil towns" in " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
