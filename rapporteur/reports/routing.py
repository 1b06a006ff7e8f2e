"""Serve reader pages with the site and the language's home page taken from the cache.

Wagtail's own ``serve`` looks up the site, the active locale and the home page on every
request before routing. Those change rarely and are invalidated with the content
generation (see ``reports.cache``), so this view resolves them from the cache, routes
with ``HomePage.route`` (one query for the whole path) and hands the result to Wagtail's
``serve``, which then does exactly what it always does: privacy checks, hooks, serving.
"""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Site

from .cache import cached


def site_for_request(request):
    hostname = split_domain_port(request.get_host())[0]
    return cached("site", hostname, request.get_port(), build=lambda: Site._find_for_request(request) or "none")


def home_for_site(site):
    return cached(
        "home", site.root_page_id, translation.get_language(), build=lambda: site.root_page.localized.specific
    )


def serve(request, path):
    site = site_for_request(request)
    if site == "none":
        raise Http404("No site is configured for this host.")
    request._wagtail_site = site
    try:
        request._wagtail_route_for_request = home_for_site(site).route(
            request, [part for part in path.split("/") if part]
        )
    except Http404:
        request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
