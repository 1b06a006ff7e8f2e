"""The site a request is for, from the content cache instead of a query on every request.

Wagtail finds the site of each request with a query (hostname and port, ordered by how well
they match), the costliest of a reader's page view once everything else is cached. Sites
change only when an administrator edits one, which starts a new content generation
(``reports.signals``), so the site — with its home page already in its specific form, which
Wagtail's routing would fetch next — is kept in the cache and handed to Wagtail through the
per-request attribute ``Site.find_for_request`` documents as its own cache.
"""

from django.http.request import split_domain_port
from wagtail.models.sites import get_site_for_hostname

from .cache import cached
from .headers import ADMIN_PREFIX


def cached_site(hostname, port):
    def build():
        try:
            site = get_site_for_hostname(hostname, port)
        except Exception:  # no site configured at all: let Wagtail answer as it does
            return "none"
        site.root_page = site.root_page.specific
        return site

    site = cached("site", hostname, port, build=build)
    return None if site == "none" else site


class CachedSiteMiddleware:
    """Gives Wagtail the request's site from the cache, for every reader request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(ADMIN_PREFIX):
            site = cached_site(split_domain_port(request.get_host())[0], request.get_port())
            if site is not None:
                request._wagtail_site = site
        return self.get_response(request)
