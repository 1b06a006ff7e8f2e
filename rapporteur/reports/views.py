"""Views outside the page tree: the jump form, the cookie-notice answer, the sitemap, robots.txt."""

import functools

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.models import Page, Site

from .cache import cached
from .chrome import edition_chrome, edition_links
from .frame import home_id_for_request
from .languages import served_languages
from .rendering import render_reader
from .visibility import reader_visible


def jump(request, year):
    """ "Jump to a Country Report": the sidebar's GET form, so it works without JavaScript.

    Only published editions answer; the year of an edition readers cannot see is a 404 like
    any address that does not exist.
    """
    home_id = home_id_for_request(request)
    edition = next((link for link in edition_links(home_id) if link.year == year), None) if home_id else None
    if edition is None:
        raise Http404("No such edition.")
    chrome = edition_chrome(edition.page_id)
    slug = request.GET.get("country", "").strip()
    if not slug:
        return redirect(chrome.nav_url("world_by_region") or chrome.url)
    entry = chrome.entry_for_country(slug)
    if entry is None:
        context = {
            "requested_country": slug[:100],
            "frame_edition_id": edition.page_id,
            "page_title": gettext("Country report not found"),
        }
        return render_reader(request, "reports/jump_not_found.html", context, status=404)
    return redirect(entry.url)


@csrf_exempt  # A CSRF token would itself need a cookie; forging this request only hides a notice.
@require_POST
def cookie_notice_answer(request):
    """ "Yes, I agree" in the cookie notice: remember the answer, then go back where the reader was.

    This is the only place a cookie is set for a reader, and only on their request.
    """
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.RAPPORTEUR_COOKIE_NOTICE_COOKIE,
        "accepted",
        max_age=settings.RAPPORTEUR_COOKIE_NOTICE_MAX_AGE,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    return response


def sitemap(request):
    """Every page a reader can see on this site, for search engines and mirrors."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404

    def build():
        # every language's tree: the site's root page and its translations
        served = served_languages()
        trees = Q()
        for root in site.root_page.get_translations(inclusive=True).filter(locale__language_code__in=served):
            trees |= Q(path__startswith=root.path)
        pages = list(reader_visible(Page.objects.filter(trees)).order_by("path").select_related("locale"))
        versions = {}  # translation key: [(language, absolute URL)] — the hreflang alternates
        located = []
        for page in pages:
            location = request.build_absolute_uri(page.get_url(request))
            versions.setdefault(page.translation_key, []).append((page.locale.language_code, location))
            located.append((location, page.last_published_at, page.translation_key))
        urls = [
            (location, lastmod, versions[key] if len(versions[key]) > 1 else []) for location, lastmod, key in located
        ]
        # pages outside the tree that other apps serve (country hubs, themes, people...)
        urls += [
            (request.build_absolute_uri(path), lastmod, [])
            for hook in hooks.get_hooks("rapporteur_sitemap_urls")
            for path, lastmod in hook()
        ]
        return render_to_string("reports/sitemap.xml", {"urls": urls})

    return HttpResponse(cached("sitemap", site.pk, request.get_host(), build=build), content_type="application/xml")


@functools.cache
def favicon_bytes():
    return (settings.PROJECT_DIR / "static" / "favicon.ico").read_bytes()


def favicon(request):
    """``/favicon.ico``, where browsers and feed readers look for it whatever the page says."""
    response = HttpResponse(favicon_bytes(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")
