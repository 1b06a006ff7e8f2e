"""The same page in other languages: the switcher, ``hreflang`` alternates, and the original.

Each language has its own page tree (``/en/2013/…``, ``/fr/2013/…``); a translated page shares
its English original's translation key. Readers are only ever pointed at a version they can
read: one that is published and visible under the one rule (``visibility.reader_visible``) —
never at a draft, an unlaunched translation or a 404. Where a page has no version in the
reader's language, the address answers 404 and the page offers the original, marked as such.
"""

import functools

import pyuca
from django.conf import settings
from django.http import Http404
from django.utils import translation
from wagtail.models import Locale, Page, Site

from .cache import cached
from .visibility import reader_visible


@functools.cache
def _collator():
    return pyuca.Collator()  # the Unicode Collation Algorithm's default table, read once (0.4 s)


def collation_key(text):
    """Sort key for names as readers of any of our languages expect them: "Égypte" among the E's,
    "Côte d'Ivoire" before "Croatia", Arabic in the order of its alphabet — not by code point.
    The Unicode Collation Algorithm's root order (pyuca) suits English, French, Spanish and Arabic
    alike; a language needing its own tailoring would need ICU."""
    return _collator().sort_key(text)


def in_source_language(locale_id):
    """Whether pages of this locale are in the source language.

    The shared lists of regions and countries are written in the source language; a translated
    edition names them as its own pages' titles do (the chrome, the edition document and so every
    file made from it).
    """
    return locale_id == locale_ids().get(settings.LANGUAGE_CODE)


def served_languages():
    return dict(settings.LANGUAGES)


def locale_ids():
    """{language code: Locale id}, from the content cache (read on every page served)."""
    return cached("locale-ids", build=lambda: dict(Locale.objects.values_list("language_code", "pk")))


def language_of(locale_id):
    """The language code of a locale id (from the same cached table as ``locale_ids``)."""
    return next((code for code, pk in locale_ids().items() if pk == locale_id), settings.LANGUAGE_CODE)


def versions_by_key(keys):
    """{translation key: [(code, name, url)]} of the versions readers can see, in LANGUAGES order."""
    served = served_languages()
    found = {}
    for version in reader_visible(Page.objects.filter(translation_key__in=keys)).select_related("locale"):
        url = version.get_url()
        if url and version.locale.language_code in served:
            found.setdefault(version.translation_key, {})[version.locale.language_code] = url
    return {key: [(code, served[code], urls[code]) for code in served if code in urls] for key, urls in found.items()}


def page_languages(page):
    """[(code, name, url)] of the page's versions readers can see, in the order of LANGUAGES.

    The page's own version is among them. Cached with the content generation: a launch, a
    publish or an unpublish anywhere changes the answer at once.
    """
    if page is None or not getattr(page, "translation_key", None):
        return []

    def build():
        return versions_by_key([page.translation_key]).get(page.translation_key, [])

    return cached("page-languages", page.translation_key, build=build)


def original_of_missing(request):
    """For an address in a language with no page there: (language code, URL) of the original.

    The original is the same address in the source language, offered only if a reader can see
    it there: an address of an embargoed edition still answers like any other missing one.
    """
    served = served_languages()
    source = settings.LANGUAGE_CODE
    language, _, rest = request.path.lstrip("/").partition("/")
    if language not in served or language == source:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    with translation.override(source):
        # routed afresh, not through Page.route_for_request, which keeps the first answer on the request
        try:
            page = site.root_page.localized.specific.route(request, [part for part in rest.split("/") if part])[0]
        except Http404:
            return None
        if not reader_visible(Page.objects.filter(pk=page.pk)).exists():
            return None
        return source, page.get_url(request=request)
