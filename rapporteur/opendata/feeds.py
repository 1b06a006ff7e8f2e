"""Atom feeds: an edition's entries, a country across editions, and corrections to published entries.

Journalists follow a country, lawyers need to know when an entry they cite has changed; a
feed reader tells them without their visiting the site. Every feed is made from what readers
can see — the edition as a document (``reports.document``) and the one visibility rule
(``reports.visibility``) — so a feed shows nothing a page would not. An edition under
embargo has no feed at all (404, like its pages), not an empty one: an empty feed at a
guessable address would say that the edition exists.

Atom ids are tag URIs (RFC 4151) built from the open-data identifiers (``2013-KZ``), not
from page addresses, so they survive a renamed region or country slug; their authority is
the site's public host (``RAPPORTEUR_PUBLIC_URL``, else ``WAGTAILADMIN_BASE_URL``), not the
host a request came in on, so the same entry has the same id whoever fetched the feed.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Page

from rapporteur.reports.bidi import balanced
from rapporteur.reports.cache import cached
from rapporteur.reports.chrome import organisation_for_request
from rapporteur.reports.document import build_edition_document, entry_document
from rapporteur.reports.models import Country, CountryEntryPage, EditionPage, FormerSlug
from rapporteur.reports.visibility import reader_visible

from .identifiers import entry_id

# The year this site's cross-edition feeds (countries, corrections) were first minted: a tag
# URI's date only has to be one on which the authority held its name, and must never change.
CROSS_EDITION_TAG_YEAR = 2026
# Corrections are few; a feed reader needs the recent ones, not the history of the archive.
CORRECTIONS_LIMIT = 100


def tag_authority():
    base = getattr(settings, "RAPPORTEUR_PUBLIC_URL", None) or getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    return urlsplit(base).hostname or "localhost"


def tag_uri(year, specific):
    """``tag:report.example.org,2013:2013-KZ`` — the same for ever, wherever the page moves."""
    return f"tag:{tag_authority()},{year}:{specific}"


@dataclass(frozen=True)
class FeedItem:
    atom_id: str
    title: str
    url: str  # the reader's address of the page (with an anchor where it points inside one)
    summary_html: str
    published: datetime.datetime
    updated: datetime.datetime
    categories: tuple = ()


@dataclass(frozen=True)
class FeedSource:
    """One feed, ready to write: what the feed says about itself, and its items newest first."""

    atom_id: str
    title: str
    subtitle: str
    link: str  # the reader page the feed follows
    author: str
    items: tuple


def newest_first(items):
    return tuple(sorted(sorted(items, key=lambda item: item.title), key=lambda item: item.published, reverse=True))


def first_of(*moments):
    return next((moment for moment in moments if moment is not None), None)


def publication_times(page_ids):
    """{page id: (first published, last published)}, one query for a whole edition."""
    rows = Page.objects.filter(pk__in=page_ids).values_list("pk", "first_published_at", "last_published_at")
    return {pk: (first, last) for pk, first, last in rows}


def entry_times(first, last, edition):
    """When readers first saw an entry, and when it last changed for them.

    An entry published inside an embargoed edition is seen only when the edition launches, so
    it is "published" no earlier than the edition page itself.
    """
    launched = first_of(edition.first_published_at, edition.last_published_at)
    moments = [moment for moment in (first_of(first, last), launched) if moment is not None]
    # Pages made live from code without a publish carry no dates: the edition's year stands in.
    published = max(moments) if moments else datetime.datetime(edition.year, 1, 1, tzinfo=datetime.UTC)
    return published, max(published, last or published)


def section_themes(entry):
    return tuple(dict.fromkeys(section.theme_name for section in entry.sections if section.theme_name))


def language():
    return translation.get_language() or settings.LANGUAGE_CODE


# -- one edition's entries ---------------------------------------------------------------------


def visible_edition(year):
    edition = reader_visible(EditionPage.objects.filter(year=year, locale__language_code=language())).first()
    if edition is None:
        raise Http404("No published edition for this year.")
    return edition


def edition_items(edition):
    def build():
        document = build_edition_document(edition)
        times = publication_times([entry.page_id for entry in document.entries])
        items = []
        for region in document.regions:
            for entry in region.entries:
                published, updated = entry_times(*times[entry.page_id], edition)
                items.append(
                    FeedItem(
                        atom_id=tag_uri(edition.year, entry_id(edition.year, entry.iso_code)),
                        title=balanced(entry.title),
                        url=entry.url,
                        summary_html=entry.summary_html,
                        published=published,
                        updated=updated,
                        categories=(balanced(region.name), *map(balanced, section_themes(entry))),
                    )
                )
        return newest_first(items)

    return cached("opendata-edition-feed", edition.pk, build=build)


# -- a country across editions -----------------------------------------------------------------


def country_items(country):
    def build():
        lang = language()
        editions = list(reader_visible(EditionPage.objects.filter(locale__language_code=lang)))
        pages = reader_visible(CountryEntryPage.objects.filter(country=country, locale__language_code=lang))
        items = []
        for page in pages:
            edition = next((e for e in editions if page.path.startswith(e.path)), None)
            if edition is None:
                continue
            entry = entry_document(page)
            published, updated = entry_times(page.first_published_at, page.last_published_at, edition)
            items.append(
                FeedItem(
                    atom_id=tag_uri(edition.year, entry_id(edition.year, entry.iso_code)),
                    title=f"{balanced(entry.title)}: {balanced(edition.title)}",
                    url=entry.url,
                    summary_html=entry.summary_html,
                    published=published,
                    updated=updated,
                    categories=tuple(map(balanced, section_themes(entry))),
                )
            )
        return newest_first(items)

    return cached("opendata-country-feed", country.pk, language(), build=build)


# -- corrections -------------------------------------------------------------------------------


def correction_moment(corrected_on, entry_last_published):
    """A correction is dated by day; if the entry was last published that day, that publish is it."""
    if entry_last_published is not None and timezone.localdate(entry_last_published) == corrected_on:
        return entry_last_published
    return timezone.make_aware(datetime.datetime.combine(corrected_on, datetime.time.min))


def correction_items():
    def build():
        lang = language()
        editions = list(reader_visible(EditionPage.objects.filter(locale__language_code=lang)))
        pages = reader_visible(
            CountryEntryPage.objects.filter(locale__language_code=lang, corrections__isnull=False).distinct()
        )
        items = []
        for page in pages:
            edition = next((e for e in editions if page.path.startswith(e.path)), None)
            if edition is None:
                continue
            entry = entry_document(page)
            identifier = entry_id(edition.year, entry.iso_code)
            same_day = {}
            for note in entry.corrections:
                # Two corrections on one day are told apart by their order that day.
                same_day[note.corrected_on] = same_day.get(note.corrected_on, 0) + 1
                moment = correction_moment(note.corrected_on, page.last_published_at)
                items.append(
                    FeedItem(
                        atom_id=tag_uri(
                            edition.year,
                            f"{identifier}/correction/{note.corrected_on:%Y-%m-%d}/{same_day[note.corrected_on]}",
                        ),
                        title=gettext("%(entry)s (%(edition)s), corrected on %(date)s")
                        % {
                            "entry": balanced(entry.title),
                            "edition": balanced(edition.title),
                            "date": format_date(note.corrected_on, "j F Y"),
                        },
                        url=f"{entry.url}#{entry.CORRECTIONS_ANCHOR}",
                        summary_html=f"<p>{escape(note.text)}</p>",
                        published=moment,
                        updated=moment,
                    )
                )
        return newest_first(items)[:CORRECTIONS_LIMIT]

    return cached("opendata-corrections-feed", language(), build=build)


# -- the feeds ---------------------------------------------------------------------------------


class ReportFeed(Feed):
    """Django's syndication view, as Atom, writing a ``FeedSource`` (built per request, never kept
    on the instance: one instance serves every request)."""

    feed_type = Atom1Feed

    def title(self, source):
        return source.title

    def subtitle(self, source):
        return source.subtitle

    def link(self, source):
        return source.link

    def feed_guid(self, source):
        return source.atom_id

    def author_name(self, source):
        return source.author

    def feed_copyright(self, source):
        return f"© {source.author}"

    def items(self, source):
        return source.items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary_html

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.atom_id

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return item.categories

    def organisation_name(self, request):
        organisation = organisation_for_request(request)
        return balanced(organisation.name) if organisation else "Rapporteur"


class EditionFeed(ReportFeed):
    """``/en/2013/feed.atom``: the edition's country entries as they are published."""

    def get_object(self, request, year):
        edition = visible_edition(year)
        return FeedSource(
            atom_id=tag_uri(edition.year, f"feed/edition/{edition.year}"),
            title=gettext("%(title)s: country entries") % {"title": balanced(edition.title)},
            subtitle=gettext("%(subtitle)s. Covering events of %(year)s.")
            % {"subtitle": balanced(edition.subtitle), "year": edition.covers_year},
            link=edition.get_url(request) or f"/{language()}/{edition.year}/",
            author=self.organisation_name(request),
            items=edition_items(edition),
        )


class CountryFeed(ReportFeed):
    """``/en/countries/kazakhstan/feed.atom``: a country's entry in every published edition."""

    def __call__(self, request, slug):
        country = Country.objects.filter(slug=slug).first()
        if country is None:
            former = FormerSlug.objects.holder(Country.objects, slug)
            if former is not None and country_items(former):  # only while readers can see it
                return HttpResponsePermanentRedirect(reverse("opendata_country_feed", args=(former.slug,)))
            raise Http404("No such country.")
        return super().__call__(request, country=country)

    def get_object(self, request, country):
        items = country_items(country)
        if not items:
            raise Http404("No published entry for this country.")
        return FeedSource(
            atom_id=tag_uri(CROSS_EDITION_TAG_YEAR, f"feed/country/{country.iso_code}"),
            title=gettext("%(country)s in every edition") % {"country": balanced(country.name)},
            subtitle=gettext("Each published entry on %(country)s, newest edition first.")
            % {"country": balanced(country.name)},
            link=reverse("archive_country", args=(country.slug,)),
            author=self.organisation_name(request),
            items=items,
        )


class CorrectionsFeed(ReportFeed):
    """``/en/corrections.atom``: every dated correction to a published entry, newest first."""

    def get_object(self, request):
        return FeedSource(
            atom_id=tag_uri(CROSS_EDITION_TAG_YEAR, f"feed/corrections/{language()}"),
            title=gettext("Corrections to published entries"),
            subtitle=gettext("Each correction made to a country entry after publication, with its date."),
            link=f"/{language()}/",
            author=self.organisation_name(request),
            items=correction_items(),
        )
