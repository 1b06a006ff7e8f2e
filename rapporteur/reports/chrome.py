"""The edition-wide frame around every reader page: navigation, regions, the country list.

Built from published, public pages only, with a handful of queries, then cached for the
current content generation (see ``reports.cache``), so a reader page pays nothing for it.
The navigation is made from what each page type declares (``ReaderPageMixin.navigation``);
nothing here knows page classes by name.
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from .cache import cached
from .languages import collation_key, in_source_language
from .models import CountryEntryPage, EditionPage, OrganisationSettings, RegionPage
from .visibility import reader_visible

TEASER_LENGTH = 110


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    url: str
    page_id: int


@dataclass(frozen=True)
class EntryLink:
    page_id: int
    country_name: str
    country_slug: str
    iso_code: str
    url: str


@dataclass(frozen=True)
class RegionSummary:
    page_id: int
    name: str
    slug: str
    url: str
    teaser: str
    entries: tuple = ()

    @property
    def teaser_short(self):
        """The start of the teaser, cut at a word boundary and marked with an ellipsis."""
        text = " ".join(self.teaser.split())
        if len(text) <= TEASER_LENGTH:
            return text
        return text[:TEASER_LENGTH].rsplit(" ", 1)[0].rstrip(",;:.–- ") + " …"


@dataclass(frozen=True)
class EditionChrome:
    page_id: int
    year: int
    covers_year: int
    title: str
    subtitle: str
    url: str
    nav: tuple = ()
    regions: tuple = ()
    introduction_lead: str = ""
    _entries_by_slug: dict = field(default_factory=dict, repr=False)

    def nav_url(self, key):
        return next((item.url for item in self.nav if item.key == key), None)

    def nav_key_for(self, page_id):
        return next((item.key for item in self.nav if item.page_id == page_id), None)

    def region_for_entry(self, entry_page_id):
        return next(
            (region for region in self.regions if any(e.page_id == entry_page_id for e in region.entries)), None
        )

    @property
    def entries(self):
        """Every published entry of the edition, alphabetically."""
        return sorted(self._entries_by_slug.values(), key=lambda entry: entry.country_name)

    def entry_for_country(self, country_slug):
        return self._entries_by_slug.get(country_slug)


def _relative_url(base_url, base_url_path, url_path):
    return base_url + url_path[len(base_url_path) :]


def build_edition_chrome(edition):
    """Assemble the chrome from the database (published, public pages only)."""
    base_url = edition.url or f"/{edition.slug}/"
    children = Page.objects.child_of(edition).live().public().defer_streamfields().specific().order_by("path")

    items, introduction_lead = {}, ""
    for child in children:
        declared = getattr(child, "navigation", None)
        if declared is None or declared.key in items:
            continue
        items[declared.key] = (declared, child.pk, _relative_url(base_url, edition.url_path, child.url_path))
        if declared.key == "introduction":
            introduction_lead = child.lead
    nav = tuple(
        NavItem(declared.key, declared.label, url, page_id)
        for declared, page_id, url in sorted(items.values(), key=lambda item: item[0].order)
    )

    region_rows = list(
        RegionPage.objects.child_of(edition)
        .live()
        .public()
        .order_by("region__sort_order", "region__name")
        .values("pk", "path", "url_path", "teaser", "title", "region__name", "region__slug")
    )
    # A translated edition names regions and countries as its pages' titles do, and sorts them
    # in its own language (``languages.in_source_language``).
    translated = not in_source_language(edition.locale_id)
    entries_by_region = {row["path"]: [] for row in region_rows}
    entries_by_slug = {}
    entry_rows = (
        CountryEntryPage.objects.descendant_of(edition)
        .live()
        .public()
        .values("pk", "path", "url_path", "title", "country__name", "country__slug", "country__iso_code")
    )
    for row in entry_rows:
        parent_path = row["path"][: -Page.steplen]
        if parent_path not in entries_by_region:
            continue  # its region page is not published: the entry is not reachable either
        link = EntryLink(
            page_id=row["pk"],
            country_name=row["title"] if translated else row["country__name"],
            country_slug=row["country__slug"],
            iso_code=row["country__iso_code"],
            url=_relative_url(base_url, edition.url_path, row["url_path"]),
        )
        entries_by_region[parent_path].append(link)
        entries_by_slug[link.country_slug] = link

    for links in entries_by_region.values():
        links.sort(key=lambda link: collation_key(link.country_name))
    regions = tuple(
        RegionSummary(
            page_id=row["pk"],
            name=row["title"] if translated else row["region__name"],
            slug=row["region__slug"],
            url=_relative_url(base_url, edition.url_path, row["url_path"]),
            teaser=row["teaser"],
            entries=tuple(entries_by_region[row["path"]]),
        )
        for row in region_rows
    )
    return EditionChrome(
        page_id=edition.pk,
        year=edition.year,
        covers_year=edition.covers_year,
        title=edition.title,
        subtitle=edition.subtitle,
        url=base_url,
        nav=nav,
        regions=regions,
        introduction_lead=introduction_lead,
        _entries_by_slug=entries_by_slug,
    )


@dataclass(frozen=True)
class EditionLink:
    page_id: int
    year: int
    title: str
    url: str


def edition_links(home_id):
    """The published editions under a language's home page, newest first."""

    def build():
        home = Page.objects.get(pk=home_id)
        editions = EditionPage.objects.child_of(home).live().public().order_by("-year")
        return tuple(
            EditionLink(e.pk, e.year, e.title, e.url) for e in editions.only("title", "year", "url_path", "slug")
        )

    return cached("editions", home_id, build=build)


def latest_edition_id(home_id):
    editions = edition_links(home_id)
    return editions[0].page_id if editions else None


def edition_chrome(edition_id):
    def build():
        return build_edition_chrome(EditionPage.objects.get(pk=edition_id))

    return cached("chrome", edition_id, build=build)


@dataclass(frozen=True)
class EntryNeighbours:
    """The same country's entries in the editions before and after this one, and in the latest."""

    previous: EditionLink | None
    next: EditionLink | None
    latest: EditionLink | None = None  # only when a later edition has an entry for the country


def build_entry_neighbours(entry):
    editions = {e.path: e for e in reader_visible(EditionPage.objects.filter(locale_id=entry.locale_id))}
    links = []
    others = reader_visible(CountryEntryPage.objects.filter(country_id=entry.country_id, locale_id=entry.locale_id))
    for other in others.exclude(pk=entry.pk).only("path", "url_path", "title"):
        edition = next((e for path, e in editions.items() if other.path.startswith(path)), None)
        if edition is not None:
            links.append(EditionLink(other.pk, edition.year, edition.title, other.get_url()))
    year = next((e.year for path, e in editions.items() if entry.path.startswith(path)), None)
    if year is None:
        return EntryNeighbours(None, None)
    earlier = [link for link in links if link.year < year]
    later = [link for link in links if link.year > year]
    return EntryNeighbours(
        max(earlier, key=lambda link: link.year) if earlier else None,
        min(later, key=lambda link: link.year) if later else None,
        max(later, key=lambda link: link.year) if later else None,
    )


def entry_neighbours(entry):
    return cached("neighbours", entry.pk, build=lambda: build_entry_neighbours(entry))


@dataclass(frozen=True)
class Organisation:
    name: str
    short_name: str
    contact_email: str
    cookie_statement_url: str | None
    social_links: tuple = ()  # (network, url) pairs


def build_organisation(site):
    settings = OrganisationSettings.for_site(site)
    statement = Page.objects.live().public().filter(pk=settings.cookie_statement_page_id).first()
    statement_url = statement.get_url() if statement else None
    return Organisation(
        name=settings.name,
        short_name=settings.display_short_name,
        contact_email=settings.contact_email,
        cookie_statement_url=statement_url,
        social_links=tuple((link.network, link.url) for link in settings.social_links.all()),
    )


def sidebar_html(chrome, organisation, request):
    """The sidebar is the same on every page of an edition: render it once per generation (and language)."""
    site = Site.find_for_request(request)
    return cached(
        "sidebar",
        chrome.page_id,
        site.pk if site else 0,
        translation.get_language() or "",
        build=lambda: render_to_string(
            "reports/includes/sidebar.html", {"chrome": chrome, "organisation": organisation}
        ),
    )


def top_jump_html(chrome):
    """The country jump shown under the header on narrow screens, where the sidebar is far below."""
    return cached(
        "top-jump",
        chrome.page_id,
        translation.get_language() or "",
        build=lambda: render_to_string(
            "reports/includes/jump_form.html",
            {"chrome": chrome, "suffix": "-top", "label": gettext("Jump to a country")},
        ),
    )


def organisation_for_request(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return cached("organisation", site.pk, build=lambda: build_organisation(site))
