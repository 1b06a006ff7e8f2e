"""The PDFs read like a printed book: a short measure, and the source named on every page."""

import statistics
import subprocess
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from django.utils.dateformat import format as format_date

from rapporteur.publishing.builds import build_edition
from rapporteur.publishing.links import absolute_url
from rapporteur.publishing.models import GeneratedFile
from rapporteur.reports.document import build_edition_document
from rapporteur.reports.models import OrganisationSettings
from tests.support.helpers import require_tool

pytestmark = pytest.mark.django_db

XHTML = "{http://www.w3.org/1999/xhtml}"
LONGEST_MEASURE = 75  # characters a line; a printed report sets about 50-60, our old single column 97


def file_bytes(edition, name):
    with GeneratedFile.objects.get(edition=edition, name=name).file.open("rb") as handle:
        return handle.read()


def full_lines(data):
    """The lines poppler finds, block by block, without each block's last (usually short) line.

    ``-bbox-layout`` groups words into blocks and lines by their position, one column at a
    time, so a line here is one line of one column: its length is the measure. Were two
    columns read as one, the line would be twice as long and the test would fail, not pass.
    """
    pdftotext = require_tool("pdftotext", "needed to read PDFs back; apt-get install poppler-utils")
    out = subprocess.run([pdftotext, "-bbox-layout", "-", "-"], input=data, capture_output=True, check=True).stdout
    lines = []
    for block in ElementTree.fromstring(out).iter(f"{XHTML}block"):
        words = [[word.text or "" for word in line.iter(f"{XHTML}word")] for line in block.iter(f"{XHTML}line")]
        lines.extend(" ".join(line) for line in words[:-1])
    return lines


def median_measure(data):
    lines = full_lines(data)
    assert len(lines) > 40, "too little text to measure"
    return statistics.median(len(line) for line in lines)


@pytest.fixture
def built(edition):
    report = build_edition(edition)
    assert report.built, report
    return edition, build_edition_document(edition, OrganisationSettings.objects.get().name)  # as the build does


def test_entry_and_edition_are_set_in_a_short_measure(built):
    edition, _ = built
    for name in ("kazakhstan-2013.pdf", "annual-report-2013.pdf"):
        measure = median_measure(file_bytes(edition, name))
        assert measure <= LONGEST_MEASURE, (name, measure)


def test_entry_pdf_names_its_source(built):
    edition, document = built
    kazakhstan = next(entry for entry in document.entries if entry.iso_code == "KZ")
    data = file_bytes(edition, "kazakhstan-2013.pdf")
    pdftotext = require_tool("pdftotext", "needed to read PDFs back; apt-get install poppler-utils")
    pages = subprocess.run([pdftotext, "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    made_on = format_date(timezone.localdate(), "j F Y")
    for page in pages.split("\f")[:-1]:  # on every page, so a page forwarded alone still says where it came from
        text = " ".join(page.split())
        assert document.organisation and document.organisation in text
        assert document.title in text and str(document.year) in text
        assert absolute_url(kazakhstan.url) in text and absolute_url(kazakhstan.url).startswith("http")
        assert made_on in text


def test_edition_pdf_names_its_source_on_the_title_pages_and_in_the_footer(built):
    edition, document = built
    data = file_bytes(edition, "annual-report-2013.pdf")
    pdftotext = require_tool("pdftotext", "needed to read PDFs back; apt-get install poppler-utils")
    pages = subprocess.run([pdftotext, "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    pages = [" ".join(page.split()) for page in pages.split("\f")[:-1]]
    front = " ".join(pages[:2])
    for words in (document.organisation, document.title, str(document.year), absolute_url(document.url)):
        assert words in front, words
    assert all(document.organisation in page and absolute_url(document.url) in page for page in pages[2:])
