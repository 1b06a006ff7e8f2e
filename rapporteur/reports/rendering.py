"""Rendering reader views that are not pages (search, archive): same frame, same privacy rules."""

from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers

from .chrome import edition_chrome, latest_edition_id, organisation_for_request, sidebar_html
from .privacy import cookie_notice_wanted
from .routing import home_for_site, site_for_request


def reader_context(request):
    """The frame of the latest edition in the reader's language: header, navigation, sidebar."""
    site = site_for_request(request)
    if site != "none":
        request._wagtail_site = site  # spares Wagtail's own lookup (settings, sidebar)
    home = home_for_site(site) if site != "none" else None
    edition_id = latest_edition_id(home) if home else None
    chrome = edition_chrome(edition_id) if edition_id else None
    organisation = organisation_for_request(request)
    return {
        "chrome": chrome,
        "organisation": organisation,
        "sidebar_html": sidebar_html(chrome, organisation, request) if chrome else "",
        "show_cookie_notice": cookie_notice_wanted(request),
        "current_nav": None,
    }


def render_reader(request, template, context, status=200):
    response = TemplateResponse(request, template, {**reader_context(request), **context}, status=status)
    patch_vary_headers(response, ["Cookie"])
    return response
