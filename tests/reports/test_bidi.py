"""Editor-supplied text cannot reorder the words around it, in the pages, the e-book and the PDF.

A U+202E (right-to-left override) planted in a name once reversed the template text after it:
"(… in April 2012)" read "(2102 lirpA ni". Here such a character is planted in every kind of
editor-supplied string at once, and every place it reaches readers is checked.
"""

import io
import zipfile
from urllib.parse import urlparse

import pytest
from bidi import get_display
from bs4 import BeautifulSoup, NavigableString
from django.db.models import Value
from django.db.models.functions import Concat
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from rapporteur.archive.indexing import rebuild_all
from rapporteur.publishing import epub
from rapporteur.publishing.builds import pdf_for_entry
from rapporteur.reports.bidi import balanced
from rapporteur.reports.cache import new_generation
from rapporteur.reports.document import build_edition_document
from rapporteur.reports.models import (
    ArticlePage,
    Country,
    CountryEntryPage,
    EditionPage,
    GlossaryTerm,
    OfficeHolder,
    OrganisationSettings,
    Person,
    Region,
    RegionPage,
    Theme,
)

RLO, PDF = "\u202e", "\u202c"
PLANTED = f" {RLO}RTL"  # appended to every editor-supplied string below

# Elements that end a line of text (a bidi paragraph, or a separately laid-out label).
BLOCKS = {
    "html", "head", "title", "body", "main", "header", "footer", "nav", "aside", "section", "article",
    "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table",
    "caption", "thead", "tbody", "tr", "th", "td", "blockquote", "figure", "figcaption", "form", "label",
    "select", "option", "optgroup", "button", "svg", "desc", "text", "navlabel", "navpoint",
    "dc:title", "dc:creator", "dc:language", "dc:identifier", "meta",  # e-book metadata: one field each
}  # fmt: skip


def in_nested_block(element, boundary):
    """Whether ``element`` is in a block of its own inside ``boundary`` (a line of its own)."""
    for parent in element.parents:
        if parent is boundary:
            return False
        if parent.name in BLOCKS:
            return True
    return False


def reorderings(markup):
    """Places in ``markup`` where a planted U+202E stays in force over words that are not its own."""
    found = []
    tree = BeautifulSoup(markup, "html.parser")
    for node in tree.find_all(string=lambda text: RLO in text):
        if node.parent.name in ("script", "style"):
            continue
        tail = node[node.index(RLO) + 1 :]
        if PDF in tail:
            continue  # closed within the string itself
        boundary = node.parent
        while boundary.name not in BLOCKS and boundary.name not in ("bdi", "[document]"):
            boundary = boundary.parent
        if boundary.name == "bdi" and len(boundary.contents) == 1:
            continue  # isolated, and alone in its isolation
        if tail.strip() != "RTL":
            found.append(f"template text in the same run: {node!r}")
            continue
        after = []
        for element in node.next_elements:
            if boundary not in element.parents:
                break
            if isinstance(element, NavigableString) and not in_nested_block(element, boundary):
                after.append(str(element))
        if "".join(after).strip():
            found.append(f"{''.join(after).strip()[:60]!r} follows {node.strip()!r} in <{boundary.name}>")
    for tag in tree.find_all(True):
        for name, value in tag.attrs.items():
            if isinstance(value, str) and RLO in value and PDF not in value[value.rindex(RLO) :]:
                found.append(f"{tag.name}[{name}]={value!r}")
    return found


def test_the_checker_sees_the_fault_that_was_found():
    assert reorderings(f"<dd><strong>Name{PLANTED}</strong> (replaced in April 2012)</dd>")
    assert reorderings(f'<nav aria-label="Kazakhstan{PLANTED} in other editions"></nav>')
    assert not reorderings(f"<dd><strong><bdi>Name{PLANTED}</bdi></strong> (replaced in April 2012)</dd>")
    assert not reorderings(f"<h1>Kazakhstan{PLANTED}</h1><p>Next.</p>")


def plant(queryset, *fields):
    queryset.update(**{field: Concat(field, Value(PLANTED)) for field in fields})


@pytest.fixture
def planted(db, edition, kazakhstan):
    """A U+202E at the end of every kind of text an editor supplies, written straight to the database."""
    plant(Country.objects.filter(iso_code="KZ"), "name")
    plant(Region.objects.all(), "name")
    plant(Theme.objects.all(), "name")
    plant(Person.objects.all(), "name", "description")
    plant(GlossaryTerm.objects.all(), "term")
    plant(OfficeHolder.objects.filter(entry=kazakhstan), "name", "replaced")
    plant(OrganisationSettings.objects.all(), "name", "short_name")
    plant(EditionPage.objects.filter(pk=edition.pk), "title", "subtitle")
    plant(RegionPage.objects.child_of(edition), "title", "teaser")
    plant(CountryEntryPage.objects.filter(pk=kazakhstan.pk), "title")
    plant(ArticlePage.objects.descendant_of(edition).exclude(author=""), "author")
    rebuild_all()  # the archive's records (search, hubs, people) carry titles and names too
    new_generation()
    return CountryEntryPage.objects.get(pk=kazakhstan.pk)


def test_no_planted_override_reorders_a_reader_page(client, planted, edition):
    links = set()
    for start in (planted.url, edition.url):
        markup = BeautifulSoup(client.get(start).content, "html.parser")
        links |= {urlparse(a["href"]).path for a in markup.select("a[href^='/en/']")}
    urls = sorted(
        {path for path in links if not path.endswith((".pdf", ".epub"))}
        | {
            "/en/search/?q=kazakhstan",
            "/en/search/?q=trial",
            f"/en/2013/jump/?country={RLO}nowhere",  # a reader's own text, shown back to them
            "/en/people/natalia-sokolova/",
        }
    )
    assert len(urls) > 20, urls
    faults = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        if found := reorderings(response.content.decode()):
            faults[url] = found
    assert not faults, "\n".join(f"{url}: {fault}" for url, found in faults.items() for fault in found)


def test_no_planted_override_reorders_the_e_book(planted, edition):
    document = build_edition_document(EditionPage.objects.get(pk=edition.pk), OrganisationSettings.objects.get().name)
    book, _warnings = epub.build_epub(document, "urn:test")
    faults = {}
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        for name in archive.namelist():
            if name.endswith((".xhtml", ".ncx", ".opf")):
                if found := reorderings(archive.read(name).decode()):
                    faults[name] = found
    assert not faults, "\n".join(f"{name}: {fault}" for name, found in faults.items() for fault in found)


def test_no_planted_override_reorders_the_pdf(planted, edition):
    document = build_edition_document(EditionPage.objects.get(pk=edition.pk), OrganisationSettings.objects.get().name)
    entry = next(e for e in document.entries if e.iso_code == "KZ")
    data, _warnings = pdf_for_entry(document, entry)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)
    holder = OfficeHolder.objects.filter(entry=planted, replaced_on__isnull=False).first()
    month = holder.replaced_on.strftime("%B %Y")  # after the replaced office holder's name
    subtitle = "The state of the world"  # after the edition's title, at the top of the entry
    for words in (month, subtitle):
        assert words in text and words[::-1] not in text


TAIL = " (replaced in April 2012)"
TEXT = st.text(alphabet="ab 12\u05d0\u05d1\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", max_size=12)


@given(TEXT)
def test_whatever_a_string_opens_ends_with_it(text):
    """Seen through the Unicode bidirectional algorithm, words after a balanced string stay as written."""
    assert get_display(balanced(text) + TAIL, base_dir="L").endswith(TAIL)


@given(st.text(alphabet=st.characters(blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")))
def test_ordinary_text_passes_unchanged(text):
    assert balanced(text) == text
