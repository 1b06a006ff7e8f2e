"""A legacy book from its PDF: refusals for PDFs it cannot read, and the 2011 book read whole.

The refusals use PDFs made here; the book is read from the shared material at run time
(see ``legacy_samples``), once for the whole module.
"""

import re
import unicodedata

import pymupdf
import pytest
from django.core.management import CommandError, call_command

from rapporteur.importers.errors import ImportRefused
from rapporteur.importers.legacy import agreement
from rapporteur.importers.legacy.cleaning import LINE_END_HYPHEN, is_private_use
from rapporteur.importers.legacy.pdf import read_pdf
from rapporteur.reports.models import EditionPage
from tests.importers.legacy_samples import pdf_2011, require_samples
from tests.importers.test_legacy_book import all_text


def scanned_pdf():
    """Two pages that are only pictures, as a scanner makes them."""
    document = pymupdf.open()
    picture = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 80), False)
    picture.clear_with(200)
    for _ in range(2):
        page = document.new_page()
        page.insert_image(page.rect, pixmap=picture)
    return document.tobytes()


def refusal(data):
    with pytest.raises(ImportRefused) as refused:
        read_pdf(data, source="book.pdf")
    return refused.value.message


def test_a_scanned_pdf_is_refused_as_needing_ocr():
    said = refusal(scanned_pdf())
    assert said.startswith("book.pdf has no text layer") and "needs OCR (not done here)" in said


def test_a_damaged_or_encrypted_pdf_is_refused():
    assert "book.pdf is not a readable PDF" in refusal(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), "A page of our own words, locked with a password.")
    locked = document.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", user_pw="reader")
    assert "book.pdf is encrypted (password-protected)" in refusal(locked)


@pytest.mark.django_db
def test_the_command_refuses_a_scanned_book_and_writes_nothing(tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf())
    with pytest.raises(CommandError, match="scan.pdf has no text layer .* needs OCR"):
        call_command("import_report", str(scan), "--edition", "2011")
    assert not EditionPage.objects.filter(year=2011).exists()


@pytest.fixture(scope="module")
def edition():
    require_samples()
    return pdf_2011()[0]


def test_the_2011_pdf_has_one_entry_per_country_it_documents(edition):
    assert edition.year == 2011 and edition.covers_year == 2010
    assert len(edition.entries) == 157  # the number of countries the book says it documents
    assert all(entry.iso_code for entry in edition.entries), [e.country_name for e in edition.entries if not e.iso_code]
    codes = [entry.iso_code for entry in edition.entries]
    assert len(set(codes)) == len(codes)
    assert all(entry.sections for entry in edition.entries)
    assert sum(1 for entry in edition.entries if entry.office_holders) >= 150


def test_the_pdf_route_reads_data_box_summary_cases_and_reports(edition):
    kazakhstan = next(entry for entry in edition.entries if entry.iso_code == "KZ")
    assert [(h.office, h.name) for h in kazakhstan.office_holders] == [
        ("head_of_state", "Nursultan Nazarbaev"),
        ("head_of_government", "Karim Massimov"),
    ]
    assert kazakhstan.facts["death_penalty"] == "abolitionist for ordinary crimes"
    assert kazakhstan.official_name == "REPUBLIC OF KAZAKHSTAN"
    assert [report.index_number for report in kazakhstan.reports] == ["EUR 57/001/2010", "EUR 04/002/2010"]
    korea = next(entry for entry in edition.entries if entry.iso_code == "KP")
    assert korea.country_name == "KOREA (DEMOCRATIC PEOPLE’S REPUBLIC OF)"
    assert sum(1 for entry in edition.entries if entry.summary_html) >= 150
    assert sum(1 for entry in edition.entries for s in entry.sections for b in s.blocks if b.kind == "case") > 500
    assert sum(1 for entry in edition.entries if entry.visits) > 50
    assert sum(1 for entry in edition.entries for s in entry.sections for b in s.blocks if b.kind == "subheading") > 100


def test_the_neighbours_text_stays_with_its_own_entry(edition):
    """Reading order: Kazakhstan's sections are its own, Kenya's begin after Kenya's header."""
    kazakhstan = next(entry for entry in edition.entries if entry.iso_code == "KZ")
    kenya = next(entry for entry in edition.entries if entry.iso_code == "KE")
    assert [section.heading for section in kazakhstan.sections][:2] == ["Background", "Torture and other ill-treatment"]
    assert "Impunity" in {section.heading for section in kenya.sections}
    assert "Impunity" not in {section.heading for section in kazakhstan.sections}


def test_most_pairs_of_the_books_topic_index_match_a_themed_section(edition):
    assert len(edition.topic_index) >= 50
    matched, total = agreement(edition)
    assert total > 900
    assert matched / total >= 0.80, f"{matched}/{total}"


def test_no_noise_survives_in_any_imported_text(edition):
    running_head = re.compile(r"amnesty international report \d{4}", re.IGNORECASE)
    for entry in edition.entries:
        for text in all_text(entry):
            assert "\ufffc" not in text, (entry.country_name, text[:80])
            assert not any(is_private_use(char) or char < " " for char in text), (entry.country_name, text[:80])
            assert unicodedata.is_normalized("NFC", text), (entry.country_name, text[:80])
            assert not LINE_END_HYPHEN.search(text), (entry.country_name, LINE_END_HYPHEN.search(text).group())
            assert not running_head.search(text), (entry.country_name, text[:80])
        for section in entry.sections:
            for block in section.blocks:
                bare = re.sub(r"</?p>", "", block.html)
                assert not re.fullmatch(r"[A-Z]{1,3}|\d{1,4}", bare), (entry.country_name, bare)
                if block.kind != "subheading":
                    assert block.html.startswith("<p>") and "<" not in block.html[3:-4]


def test_the_whole_pdf_reads_within_its_budget(edition):
    assert pdf_2011()[1] < 120, f"{pdf_2011()[1]:.1f} s"


def test_a_replacement_printed_over_two_blocks_stays_whole_and_the_box_goes_on(edition):
    """A holder's "(replaced X in Month)" broken over a block break once ended the data box there:
    the replacement was cut and every fact after it lost."""
    leftovers = re.compile(r"Head ?of ?(?:state|government)|per cent|per 1,000|\bmillion\b|retentionist|abolitionist")
    for entry in edition.entries:
        for holder in entry.office_holders:
            for text in (holder.name, *(replacement.name for replacement in holder.replaced)):
                assert not leftovers.search(text) and text.count("(") == text.count(")"), (entry.country_name, text)
    niger = next(entry for entry in edition.entries if entry.iso_code == "NE")
    holders = {holder.office: holder for holder in niger.office_holders}
    assert [(r.name, r.month) for r in holders["head_of_state"].replaced] == [("Mamadou Tandja", "February")]
    assert "head_of_government" in holders and niger.facts["population"] == "15.9 million"
