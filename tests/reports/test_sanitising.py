"""Rich text stored by any path (an import, a migration, an API) is cleaned on its way to every output."""

import io
import zipfile

import pytest
from pypdf import PdfReader

from rapporteur.publishing import epub
from rapporteur.publishing.builds import pdf_for_entry
from rapporteur.reports.cache import new_generation
from rapporteur.reports.document import build_edition_document
from rapporteur.reports.models import CountryEntryPage
from tests.support.helpers import soup

pytestmark = pytest.mark.django_db

PLANTED = (
    '<p>Before <script>alert(1)</script><a href="javascript:alert(2)">click here</a>'
    '<img src="x" onerror="alert(3)"><iframe src="https://evil.example/"></iframe>'
    '<b onmouseover="alert(4)">bold</b> and <a href="https://example.org/ok">a good link</a> after.</p>'
)
DANGEROUS = ("<script", "alert(", "javascript:", "onerror", "onmouseover", "<iframe", "evil.example", "<img")


@pytest.fixture
def planted(kazakhstan):
    """Rich text written straight to the database, as an importer or a migration could."""
    CountryEntryPage.objects.filter(pk=kazakhstan.pk).update(summary=PLANTED)
    new_generation()
    return CountryEntryPage.objects.get(pk=kazakhstan.pk)


def test_the_reader_page_keeps_the_words_and_drops_the_rest(client, planted):
    html = str(soup(client.get(planted.url)).find("main"))
    assert "click here" in html and "<b>bold</b>" in html and 'href="https://example.org/ok"' in html
    for dangerous in DANGEROUS:
        assert dangerous not in html, dangerous


def test_the_epub_and_the_pdf_carry_no_dangerous_link(planted, edition):
    document = build_edition_document(edition, "Test organisation")
    book, _warnings = epub.build_epub(document, "urn:test")
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        markup = " ".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    assert "click here" in markup and "https://example.org/ok" in markup
    for dangerous in DANGEROUS:
        assert dangerous not in markup, dangerous

    entry = next(e for e in document.entries if e.iso_code == "KZ")
    data, _warnings = pdf_for_entry(document, entry)
    targets = [
        str(annotation.get_object()["/A"].get("/URI", ""))
        for page in PdfReader(io.BytesIO(data)).pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    ]
    assert "https://example.org/ok" in targets
    assert not [t for t in targets if t.lower().startswith("javascript")]
