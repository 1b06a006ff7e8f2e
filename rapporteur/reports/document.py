"""Report content as a *document*: plain data that every output renders.

The website's templates, the PDF, the EPUB, the archive's records and later open data and
the static mirror read a country entry through ``entry_document``, long-form pages through
``prose_document`` and any page through ``page_document`` — never through the page models
directly — so there is one place that decides what an entry contains and in which order.
Which document a page makes is declared by its type (``ReaderPageMixin.document_kind``).
"""

from dataclasses import dataclass, replace

from django.db.models import prefetch_related_objects
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from .cache import cached
from .languages import in_source_language, language_of
from .models import GlossaryTerm
from .models.blocks import vocabulary_read_once
from .sanitise import clean_html
from .visibility import reader_visible


def rich_text_html(source):
    """Stored rich text (with internal link references) → reader HTML, cleaned (see ``sanitise``)."""
    return mark_safe(clean_html(expand_db_html(source or "")))


@dataclass(frozen=True)
class Paragraph:
    html: str
    kind: str = "paragraph"


@dataclass(frozen=True)
class Subheading:
    text: str
    kind: str = "subheading"

    @property
    def html(self):
        """As a paragraph of text, for those that only read words (the archive's records)."""
        return format_html("<p>{}</p>", self.text)


@dataclass(frozen=True)
class Case:
    html: str
    person_name: str = ""
    person_slug: str = ""
    kind: str = "case"
    key: str = ""  # the block's stream id: kept by every edit, so open data can name the case for good


@dataclass(frozen=True)
class Section:
    anchor: str
    theme_name: str
    theme_slug: str
    heading: str
    blocks: tuple
    key: str = ""  # the block's stream id (see ``Case.key``)


# What readers see for an office or a fact, in the language of the page. The document keeps the
# model's English label too (``office_label``, ``Fact.label``): open data serves it as a vocabulary.
OFFICE_LABELS = {
    "head_of_state": pgettext_lazy("office", "Head of state"),
    "head_of_government": pgettext_lazy("office", "Head of government"),
    "head_of_state_and_government": pgettext_lazy("office", "Head of state and government"),
}
FACT_LABELS = {
    "death_penalty": pgettext_lazy("fact", "Death penalty"),
    "population": pgettext_lazy("fact", "Population"),
    "life_expectancy": pgettext_lazy("fact", "Life expectancy"),
    "under5_mortality": pgettext_lazy("fact", "Under-5 mortality"),
    "adult_literacy": pgettext_lazy("fact", "Adult literacy"),
    "international_criminal_court": pgettext_lazy("fact", "International Criminal Court"),
}


@dataclass(frozen=True)
class Fact:
    kind: str
    label: str
    value: str

    @property
    def reader_label(self):
        return FACT_LABELS.get(self.kind, self.label)


@dataclass(frozen=True)
class EarlierReplacement:
    """A further link of a chain: the person replaced before, and when ("who replaced C in March")."""

    name: str
    replaced_on: object = None

    @property
    def month(self):
        return format_date(self.replaced_on, "F Y") if self.replaced_on else ""


@dataclass(frozen=True)
class OfficeHolderLine:
    office: str
    office_label: str
    name: str
    replaced: str = ""
    replaced_on: object = None
    earlier: tuple = ()  # EarlierReplacement: the rest of the chain, most recent first

    @property
    def reader_label(self):
        return OFFICE_LABELS.get(self.office, self.office_label)

    @property
    def replaced_month(self):
        return format_date(self.replaced_on, "F Y") if self.replaced_on else ""

    @property
    def replacements(self):
        """The whole chain as (name, month) pairs, most recent first: "replaced A in …, who replaced B in …"."""
        if not self.replaced:
            return ()
        return ((self.replaced, self.replaced_month), *((link.name, link.month) for link in self.earlier))


def office_holder_lines(holders):
    """Office-holder rows as lines; a ``former`` row extends the chain of the holder above it.

    A former row with no current holder of its office above it (an editor's reordering) stays a
    line of its own rather than vanishing.
    """
    lines = []
    for holder in holders:
        current = next((i for i in reversed(range(len(lines))) if lines[i].office == holder.office), None)
        if holder.former and current is not None:
            if holder.replaced:  # without it, the row only repeats whom the holder above replaced
                link = EarlierReplacement(holder.replaced, holder.replaced_on)
                lines[current] = replace(lines[current], earlier=(*lines[current].earlier, link))
            continue
        lines.append(
            OfficeHolderLine(
                office=holder.office,
                office_label=holder.get_office_display(),
                name=holder.name,
                replaced=holder.replaced,
                replaced_on=holder.replaced_on,
            )
        )
    return tuple(lines)


@dataclass(frozen=True)
class ReportLink:
    title: str
    url: str  # "" for a report known only by its index number (imported from an old edition)
    index_number: str = ""


@dataclass(frozen=True)
class Visit:
    description: str
    visited_on: object = None


@dataclass(frozen=True)
class CorrectionNote:
    corrected_on: object
    text: str


@dataclass(frozen=True)
class EntryDocument:
    page_id: int
    title: str
    country_name: str
    country_slug: str
    iso_code: str
    office_holders: tuple
    summary_html: str
    sections: tuple
    related_reports: tuple
    visits: tuple
    corrections: tuple = ()
    url: str = ""
    facts: tuple = ()  # Fact: the data box beyond office holders

    REPORTS_ANCHOR = "country-reports"
    VISITS_ANCHOR = "country-visits"
    CORRECTIONS_ANCHOR = "corrections"

    @property
    def last_corrected_on(self):
        return max(c.corrected_on for c in self.corrections) if self.corrections else None

    @property
    def contents(self):
        """The in-page contents list: (anchor, label) for each section, then reports and visits."""
        items = [(section.anchor, section.heading) for section in self.sections if section.heading]
        if self.related_reports:
            items.append((self.REPORTS_ANCHOR, gettext("Country reports")))
        if self.visits:
            items.append((self.VISITS_ANCHOR, gettext("Country visits")))
        if self.corrections:
            items.append((self.CORRECTIONS_ANCHOR, gettext("Corrections")))
        return items


class AnchorSet:
    """Hands out unique, readable anchors: ``torture``, ``torture-2``, ..."""

    def __init__(self, reserved=()):
        self.used = set(reserved)

    def __call__(self, text):
        base = slugify(text) or "section"
        anchor, n = base, 1
        while anchor in self.used:
            n += 1
            anchor = f"{base}-{n}"
        self.used.add(anchor)
        return anchor


def build_entry_document(page):
    anchors = AnchorSet(
        reserved={
            EntryDocument.REPORTS_ANCHOR,
            EntryDocument.VISITS_ANCHOR,
            EntryDocument.CORRECTIONS_ANCHOR,
            "top",
            "main",
        }
    )
    sections = []
    language = language_of(page.locale_id)  # themes and people are named in the entry's language
    for block in page.body:
        if block.block_type != "section":
            continue
        theme = block.value["theme"]
        theme_name = theme.name_in(language) if theme else ""
        heading = block.value["heading"] or theme_name
        items = []
        for child in block.value["content"]:
            if child.block_type == "paragraph":
                items.append(Paragraph(html=rich_text_html(child.value.source)))
            elif child.block_type == "subheading":
                items.append(Subheading(text=child.value))
            elif child.block_type == "case":
                person = child.value["person"]
                items.append(
                    Case(
                        html=rich_text_html(child.value["text"].source),
                        person_name=person.name_in(language) if person else "",
                        person_slug=person.slug if person else "",
                        key=child.id or "",
                    )
                )
        sections.append(
            Section(
                anchor=anchors(theme.slug if theme else heading),
                theme_name=theme_name,
                theme_slug=theme.slug if theme else "",
                heading=heading,
                blocks=tuple(items),
                key=block.id or "",
            )
        )
    country = page.country
    return EntryDocument(
        page_id=page.pk,
        title=page.title,
        country_name=country.name if in_source_language(page.locale_id) else page.title,
        country_slug=country.slug,
        iso_code=country.iso_code,
        office_holders=office_holder_lines(page.office_holders.all()),
        facts=tuple(Fact(fact.kind, fact.get_kind_display(), fact.value) for fact in page.facts.all()),
        summary_html=rich_text_html(page.summary),
        sections=tuple(sections),
        related_reports=tuple(
            ReportLink(title=report.title, url=report.url or "", index_number=report.index_number)
            for report in page.related_reports.all()
            if report.url or report.index_number
        ),
        visits=tuple(Visit(description=visit.description, visited_on=visit.visited_on) for visit in page.visits.all()),
        corrections=tuple(CorrectionNote(c.corrected_on, c.text) for c in page.corrections.all()),
        url=page.get_url() or "",
    )


def entry_document(page, use_cache=True):
    """The entry as a document; cached per content generation unless ``use_cache`` is off (previews)."""
    if not use_cache:
        return build_entry_document(page)
    return cached("entry", page.pk, build=lambda: build_entry_document(page))


@dataclass(frozen=True)
class ProseItem:
    kind: str  # "heading" | "paragraph" | "quote"
    html: str = ""
    text: str = ""
    attribution: str = ""
    anchor: str = ""


def prose_document(stream_value):
    """A long-form StreamField (articles, overviews, press release) as a list of items."""
    anchors = AnchorSet(reserved={"top", "main"})
    items = []
    for block in stream_value:
        if block.block_type == "heading":
            items.append(ProseItem(kind="heading", text=block.value, anchor=anchors(block.value)))
        elif block.block_type == "paragraph":
            items.append(ProseItem(kind="paragraph", html=rich_text_html(block.value.source)))
        elif block.block_type == "quote":
            items.append(ProseItem(kind="quote", text=block.value["quote"], attribution=block.value["attribution"]))
    return tuple(items)


# -- the whole edition ------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleDocument:
    kind: str  # introduction | essay | global_update | press_release
    label: str
    title: str
    author: str
    lead: str
    items: tuple
    url: str
    date: object = None


@dataclass(frozen=True)
class RegionDocument:
    name: str
    slug: str
    title: str
    teaser: str
    items: tuple
    url: str
    entries: tuple  # EntryDocument, alphabetical


@dataclass(frozen=True)
class GlossaryItem:
    term: str
    slug: str
    definition_html: str


@dataclass(frozen=True)
class EditionDocument:
    """Everything a reader can see of one edition, in reading order: what PDFs and e-books print."""

    page_id: int
    year: int
    covers_year: int
    title: str
    subtitle: str
    language: str
    url: str
    organisation: str
    articles: tuple  # introduction, essay, global update (those published)
    press_release: ArticleDocument | None
    regions: tuple
    glossary: tuple

    @property
    def entries(self):
        return tuple(entry for region in self.regions for entry in region.entries)


ARTICLE_ORDER = ("introduction", "essay", "global_update")


def long_form_document(page, label=""):
    """An article or the press release: title, byline, lead and prose."""
    kind = getattr(page, "kind", page.document_kind)
    return ArticleDocument(
        kind=kind,
        label=label or str(_("Press release") if kind == "press_release" else page.Kind(kind).label),
        title=page.title,
        author=getattr(page, "author", ""),
        lead=page.lead,
        items=prose_document(page.body),
        url=page.get_url() or "",
        date=getattr(page, "release_date", None),
    )


def region_document(page, entries=()):
    """A region's overview (and, in the edition document, its entries)."""
    return RegionDocument(
        name=page.region.name if in_source_language(page.locale_id) else page.title,
        slug=page.region.slug,
        title=page.title,
        teaser=page.teaser,
        items=prose_document(page.overview),
        url=page.get_url() or "",
        entries=tuple(entries),
    )


# Which builder makes the document of each kind a page type declares (``document_kind``).
BUILDERS = {
    "entry": build_entry_document,
    "article": long_form_document,
    "press_release": long_form_document,
    "overview": region_document,
}


def page_document(page):
    """The document a page makes, by its type's declaration; None for pages that only frame others."""
    kind = getattr(page, "document_kind", None)
    return BUILDERS[kind](page) if kind else None


ENTRY_RELATIONS = ("office_holders", "facts", "related_reports", "visits", "corrections")


def build_edition_document(edition, organisation_name=""):
    """The edition as a document, from published, reader-visible pages only."""
    with vocabulary_read_once():  # the entries' themes and people in two queries, not two per entry
        return read_edition_document(edition, organisation_name)


def read_edition_document(edition, organisation_name):
    pages = reader_visible(Page.objects.descendant_of(edition)).specific().order_by("path")
    by_kind = {}
    for page in pages:
        if getattr(page, "document_kind", None):
            by_kind.setdefault(page.document_kind, []).append(page)
    articles = {page.kind: page for page in by_kind.get("article", ())}
    release = next(iter(by_kind.get("press_release", ())), None)
    entries = by_kind.get("entry", [])
    # one query per relation for the whole edition, not one per entry (a 160-country edition made ~1,300)
    prefetch_related_objects(entries, "country", *ENTRY_RELATIONS)
    entries_by_region = {}
    for entry in sorted(entries, key=lambda entry: entry.country.name):
        entries_by_region.setdefault(entry.path[: -entry.steplen], []).append(build_entry_document(entry))
    overviews = by_kind.get("overview", [])
    prefetch_related_objects(overviews, "region")
    regions = sorted(overviews, key=lambda page: (page.region.sort_order, page.region.name))
    return EditionDocument(
        page_id=edition.pk,
        year=edition.year,
        covers_year=edition.covers_year,
        title=edition.title,
        subtitle=edition.subtitle,
        language=edition.locale.language_code,
        url=edition.get_url() or "",
        organisation=organisation_name,
        articles=tuple(long_form_document(articles[kind]) for kind in ARTICLE_ORDER if kind in articles),
        press_release=long_form_document(release) if release else None,
        regions=tuple(region_document(page, entries_by_region.get(page.path, ())) for page in regions),
        glossary=tuple(
            GlossaryItem(term.term, term.slug, rich_text_html(term.definition))
            for term in GlossaryTerm.in_language(edition.locale_id)
        ),
    )
