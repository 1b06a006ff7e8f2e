"""Which addresses belong in an edition's mirror, and where each one lives in the tree.

The pages to start from are the ones the sitemap lists — every page of the edition's tree, in
each served language, that the one visibility rule lets a reader see. Everything else is
reached by following links from them, but only within the edition's *scope*: its own
addresses, its files and datasets, the site's static files, and — one step away from an
edition page — the archive pages (country, theme, people) and documents it links to. A link
outside the scope stays a link to the live site, and so do the citation files (``/en/cite/…``),
whose BibTeX and CSL-JSON each entry already shows in full, and which would be eleven
requests per entry (a third of a 160-entry mirror's build time for no new content).
"""

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

from django.conf import settings
from wagtail.models import Page

from rapporteur.reports.languages import served_languages
from rapporteur.reports.models import EditionPage
from rapporteur.reports.visibility import reader_visible

ARCHIVE_SECTIONS = ("countries", "themes", "people")


def visible_editions(year, language=None):
    """The edition of ``year`` in every served language (or one) that readers can see, by language."""
    served = served_languages()
    codes = [language] if language else list(served)
    editions = reader_visible(EditionPage.objects.filter(year=year, locale__language_code__in=codes))
    by_code = {edition.locale.language_code: edition for edition in editions.select_related("locale")}
    return [by_code[code] for code in served if code in by_code]


def edition_page_paths(edition):
    """Every page of the edition's tree a reader can see, as site paths (the sitemap's source)."""
    pages = reader_visible(Page.objects.descendant_of(edition, inclusive=True)).order_by("path")
    return [url for url in (page.get_url() for page in pages) if url]


@dataclass(frozen=True)
class Scope:
    """The addresses of one edition's mirror: ``year`` in ``languages``."""

    year: int
    languages: tuple

    def is_edition_page(self, path):
        return any(path.startswith(f"/{code}/{self.year}/") for code in self.languages)

    def follows(self, path, from_path):
        """Whether the mirror takes in ``path`` (no query), linked from ``from_path``."""
        if path.startswith(settings.STATIC_URL) or path == "/favicon.ico" or path.startswith(settings.MEDIA_URL):
            return True
        if self.is_edition_page(path):
            return True
        for code in self.languages:
            if path.startswith(f"/{code}/data/files/annual-report-{self.year}-"):
                return True
        if not self.is_edition_page(from_path):
            return False  # archive pages are taken in one step away from the edition, not beyond
        if path.startswith("/documents/"):
            return True
        return any(
            re.fullmatch(rf"/{code}/{section}/([a-z0-9-]+/)?", path)
            for code in self.languages
            for section in ARCHIVE_SECTIONS
        )

    def archive_prefixes(self):
        return tuple(f"/{code}/{section}/" for code in self.languages for section in ARCHIVE_SECTIONS)

    def search_page(self, path):
        """The language whose mirror search page ``path`` is (``/en/search/``), or None."""
        match = re.fullmatch(r"/([a-z-]+)/search/", path)
        return match.group(1) if match and match.group(1) in self.languages else None


def file_for(path):
    """Where the answer for a site path is stored: ``/en/2013/`` → ``en/2013/index.html``."""
    path = unquote(path)
    if "\\" in path or any(part in ("..", ".") for part in path.split("/")):
        raise ValueError(f"Not a path a mirror can hold: {path!r}")
    name = path.lstrip("/")
    return name + "index.html" if not name or name.endswith("/") else name


def relative_href(target_file, from_file, fragment=""):
    """The link from one file of the tree to another, working under any prefix and from ``file://``."""
    href = posixpath.relpath(target_file, posixpath.dirname(from_file) or ".")
    return quote(href) + (f"#{fragment}" if fragment else "")


def visible_years():
    """The years of the editions readers can see, oldest first."""
    return sorted(set(reader_visible(EditionPage.objects.all()).values_list("year", flat=True)))
