"""Template helpers for reader pages."""

from urllib.parse import quote, urlencode

from django import template

from ..document import prose_document

register = template.Library()


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
def prose(stream_value):
    return prose_document(stream_value)


@register.simple_tag
def share_links(request, title):
    """Plain share links: no third-party script runs until the reader clicks one."""
    url = request.build_absolute_uri()
    text = f"{title} {url}"
    return [
        ("Email", "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote)),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("X (Twitter)", "https://twitter.com/intent/tweet?" + urlencode({"url": url, "text": title})),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
        ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": text})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": text})),
        ("Telegram", "https://t.me/share/url?" + urlencode({"url": url, "text": title})),
    ]
