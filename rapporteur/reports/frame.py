"""The frame of every reader page: the edition's header and navigation, the sidebar, the cookie notice.

Pulled by the base template through one tag (``{% reader_frame as frame %}``), so pages of
the tree, the archive's views, the jump form and error pages all get the same frame from
the same place. A page inside an edition is framed by its own edition; anything else by
the latest published edition of its language. Everything here comes from the cache (see
``reports.cache``): framing a page costs no query once the cache is warm.
"""

from dataclasses import dataclass

from django.utils import translation
from wagtail.models import Site

from .cache import cached
from .chrome import (
    EditionChrome,
    Organisation,
    edition_chrome,
    latest_edition_id,
    organisation_for_request,
    sidebar_html,
    top_jump_html,
)
from .models import EditionPage
from .privacy import cookie_notice_wanted

HOME_DEPTH = 2  # the root of one language's tree: /en/
EDITION_DEPTH = 3  # an edition sits directly under its language's home: /en/2013/


@dataclass(frozen=True)
class ReaderFrame:
    chrome: EditionChrome | None = None
    organisation: Organisation | None = None
    sidebar_html: str = ""
    top_jump_html: str = ""
    show_cookie_notice: bool = False
    current_nav: str | None = None


def ancestor_at(page, depth):
    """The page's ancestor at ``depth`` (or the page itself). Free for a routed page: Wagtail's
    routing leaves each page's parent on it, and ``get_parent`` reads it from there."""
    node = page
    while node is not None and node.depth > depth:
        node = node.get_parent()
    return node if node is not None and node.depth == depth else None


def edition_id_for(page):
    """The edition a page belongs to (it may be the edition), or None for pages outside editions."""
    node = ancestor_at(page, EDITION_DEPTH)
    return node.pk if node is not None and issubclass(node.specific_class, EditionPage) else None


def home_id_for_request(request):
    """The home page of the reader's language on this site, for views outside the page tree."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return cached("home", site.root_page_id, translation.get_language(), build=lambda: site.root_page.localized.pk)


def reader_frame(request, page=None, edition_id=None):
    """The frame for ``page`` (a page of the tree), or for a view of the edition ``edition_id``,
    or — with neither — for a view outside the tree, framed by the latest edition."""
    if request is None:  # a server error page: nothing may depend on the database
        return ReaderFrame()
    if edition_id is None and page is not None:
        edition_id = edition_id_for(page)
        if edition_id is None:
            home = ancestor_at(page, HOME_DEPTH)
            edition_id = latest_edition_id(home.pk) if home is not None else None
    elif edition_id is None:
        home_id = home_id_for_request(request)
        edition_id = latest_edition_id(home_id) if home_id else None
    chrome = edition_chrome(edition_id) if edition_id else None
    organisation = organisation_for_request(request)
    return ReaderFrame(
        chrome=chrome,
        organisation=organisation,
        sidebar_html=sidebar_html(chrome, organisation, request) if chrome else "",
        top_jump_html=top_jump_html(chrome) if chrome and chrome.regions else "",
        show_cookie_notice=cookie_notice_wanted(request),
        current_nav=getattr(page, "current_nav_key", None),
    )
