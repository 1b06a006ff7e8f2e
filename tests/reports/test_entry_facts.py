"""An entry's data box beyond office holders (death penalty, population...) and reports known by
their index number: on the page, in the e-book and in the PDF."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from pypdf import PdfReader

from rapporteur.publishing import epub
from rapporteur.publishing.builds import pdf_for_entry
from rapporteur.reports.document import build_edition_document
from rapporteur.reports.models import EditionPage, EntryFact, RelatedReport
from tests.support.helpers import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_facts(kazakhstan, team, django_capture_on_commit_callbacks):
    draft = kazakhstan.get_latest_revision_as_object()
    draft.facts.add(EntryFact(kind=EntryFact.Kind.DEATH_PENALTY, value="abolitionist for ordinary crimes"))
    draft.facts.add(EntryFact(kind=EntryFact.Kind.POPULATION, value="16.2 million"))
    draft.related_reports.add(RelatedReport(title="A report known by its number", index_number="EUR 57/002/2011"))
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision(user=team["publisher"]).publish(user=team["publisher"])
    return kazakhstan


def test_facts_and_numbered_reports_show_on_the_page(with_facts):
    html = soup(Client().get(with_facts.url))
    facts = {div["data-fact"]: div.dd.get_text() for div in html.select("dl.office-holders div[data-fact]")}
    assert facts == {"death_penalty": "abolitionist for ordinary crimes", "population": "16.2 million"}
    reports = [" ".join(li.get_text().split()) for li in html.select("#country-reports li")]
    assert "A report known by its number (EUR 57/002/2011)" in reports


def test_facts_and_numbered_reports_are_in_the_e_book_and_the_pdf(with_facts):
    document = build_edition_document(
        EditionPage.objects.get(year=2013, locale__language_code="en"), "Test organisation"
    )
    book, _ = epub.build_epub(document, "urn:test")
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        markup = archive.read("EPUB/entry-kz.xhtml").decode()
    assert "Death penalty: abolitionist for ordinary crimes" in markup
    assert "A report known by its number (EUR 57/002/2011)" in markup
    entry = next(e for e in document.entries if e.iso_code == "KZ")
    data, _ = pdf_for_entry(document, entry)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)
    assert "16.2 million" in text and "EUR 57/002/2011" in text


def test_a_report_needs_a_link_a_document_or_an_index_number():
    with pytest.raises(ValidationError):
        RelatedReport(title="Nowhere to find it").clean()
    RelatedReport(title="Known by number", index_number="EUR 57/002/2011").clean()
