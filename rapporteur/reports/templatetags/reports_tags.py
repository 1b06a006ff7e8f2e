"""Template helpers for reader pages: the frame, and the content each page type shows.

Templates pull what they show through these tags, so page models stay free of
presentation code (see ``reports.models.pages``).
"""

from urllib.parse import quote, urlencode

from django import template
from django.utils.html import format_html
from django.utils.translation import pgettext

from .. import bidi as bidi_text
from ..chrome import edition_links, entry_neighbours
from ..document import entry_document, prose_document, rich_text_html
from ..extensions import edition_file_links, entry_addons, entry_file_links
from ..frame import EDITION_DEPTH, ReaderFrame, ancestor_at, reader_frame
from ..languages import page_languages

register = template.Library()


@register.simple_tag(takes_context=True, name="reader_frame")
def reader_frame_tag(context):
    """The page's frame: ``{% reader_frame as frame %}`` (once, in the base template).

    Framed by ``page`` if the context has one, else by ``frame_edition_id`` (a view of one
    edition, such as the jump form), else — for reader views outside the tree, which say so
    with ``reader_view`` — by the latest edition. Error pages (404, 500) stay unframed: a
    hidden address must answer exactly like one that does not exist, and a server error
    page must not need the database.
    """
    page, edition_id = context.get("page"), context.get("frame_edition_id")
    if page is None and edition_id is None and not context.get("reader_view"):
        return ReaderFrame()
    return reader_frame(context.get("request"), page=page, edition_id=edition_id)


@register.simple_tag(name="page_languages")
def page_languages_tag(page):
    """The page's versions readers can see: ``{% page_languages page as languages %}``."""
    return page_languages(page)


@register.simple_tag(takes_context=True, name="entry_document")
def entry_document_tag(context, page):
    """A country entry as a document; previews are built afresh, never from (or into) the cache."""
    request = context.get("request")
    return entry_document(page, use_cache=not getattr(request, "is_preview", False))


@register.simple_tag(name="entry_neighbours")
def entry_neighbours_tag(page):
    return entry_neighbours(page)


@register.simple_tag(name="entry_files")
def entry_files_tag(page):
    return entry_file_links(page)


@register.simple_tag(takes_context=True, name="entry_addons")
def entry_addons_tag(context, page, entry):
    """What other apps add to the entry: ``{% entry_addons page entry as addons %}``."""
    return entry_addons(context.get("request"), page, entry)


@register.filter
def section_addons(addons, anchor):
    return addons.for_section(anchor) if addons else ""


@register.simple_tag(name="edition_files")
def edition_files_tag(page):
    """The generated files of the edition a page (the downloads page) belongs to."""
    edition = ancestor_at(page, EDITION_DEPTH)
    return edition_file_links(edition.specific) if edition is not None else []


@register.simple_tag(name="edition_links")
def edition_links_tag(home):
    return edition_links(home.pk)


@register.filter
def nav_url(chrome, key):
    return chrome.nav_url(key) if chrome else None


@register.filter
def region(chrome, page_id):
    """The region summary (with its entries) for a region page."""
    return next((region for region in chrome.regions if region.page_id == page_id), None) if chrome else None


@register.filter
def region_for_entry(chrome, page_id):
    return chrome.region_for_entry(page_id) if chrome else None


@register.filter
def reader_rich_text(value):
    """Rich text for readers, cleaned like every other output (Wagtail's ``|richtext`` is not)."""
    return rich_text_html(getattr(value, "source", value))


@register.filter
def bdi(value):
    """An editor's (or reader's) string set into template text, in its own direction run.

    For a string followed by template words in the same line: ``{{ name|bdi }} in every edition``.
    """
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def balanced(value):
    """An editor's string where no markup can go (attributes, ``<title>``): its direction controls
    end with it. Still escaped by the template."""
    return bidi_text.balanced(str(value)) if value is not None else ""


@register.filter
def prose(stream_value):
    return prose_document(stream_value)


@register.simple_tag
def share_links(request, title):
    """Plain share links: no third-party script runs until the reader clicks one."""
    url = request.build_absolute_uri()
    text = f"{title} {url}"
    return [
        (pgettext("share by", "Email"), "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote)),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("X (Twitter)", "https://twitter.com/intent/tweet?" + urlencode({"url": url, "text": title})),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
        ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": text})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": text})),
        ("Telegram", "https://t.me/share/url?" + urlencode({"url": url, "text": title})),
    ]
