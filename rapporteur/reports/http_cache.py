"""Who may keep a copy of an answer: a shared cache (Varnish) may keep a reader's, nobody an editor's.

On launch day the press arrives at once and asks for the same few pages; a shared cache in
front answers them without reaching Django. It may do so only with answers that are the same
for every anonymous reader. So an answer is ``public`` only when all of these hold:

- it answers a read (GET or HEAD) outside the admin (``/admin/``, where sign-in and 2FA live);
- nobody is signed in, the request carries no session (a page passed with a password lives in
  one), and it is not a preview (Wagtail's ``request.is_dummy`` / ``is_preview``);
- the answer sets no cookie and used no CSRF token (a form with a token is one reader's);
- its status is one a cache may repeat: found, redirected, not modified, or not found (404/410).

Everything else is ``private, no-store``: nothing in between keeps it, and the browser does
not store it either.

How long: a shared cache keeps a reader's answer for ``RAPPORTEUR_HTTP_CACHE_S_MAXAGE``
seconds, because it is told when content changes (``reports.frontend_cache`` bans everything
it holds whenever the content generation changes). Browsers cannot be told, so they keep an
answer only ``RAPPORTEUR_HTTP_CACHE_MAX_AGE`` seconds, and a "not found" not at all: an
address that was embargoed must open at launch for a reader who tried it before.

``Vary``: a reader page shows the cookie notice or not depending on one cookie, the reader's
answer to it (``reports.privacy``), so every HTML answer varies on ``Cookie``. Varnish does not
key on the raw header (every tracker's cookie would split the cache): the shipped VCL
(``deploy/varnish/rapporteur.vcl``) strips every cookie but that one from reader requests,
normalises its value, and hashes on it — two copies of each page, with and without the
notice, whatever else the browser sends. ``Accept-Language`` is in ``Vary`` only where the
answer depends on it: Django's LocaleMiddleware adds it to the unprefixed addresses it
redirects by language (``/``); pages under ``/en/``, ``/fr/``… do not depend on it.

A view that chose its own ``Cache-Control`` (the API, generated files, the favicon) keeps it
when the answer may be shared, and loses it when it may not.
"""

from django.conf import settings
from django.utils.cache import cc_delim_re, patch_vary_headers

from .headers import ADMIN_PREFIX

READ_METHODS = ("GET", "HEAD")
SHAREABLE_STATUSES = {200, 203, 301, 302, 304, 307, 308, 404, 410}
NOT_FOUND_STATUSES = {404, 410}
PRIVATE = "private, no-store"


def is_preview(request):
    return getattr(request, "is_dummy", False) or getattr(request, "is_preview", False)


def signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def answer_is_shareable(request, response):
    """Whether every anonymous reader asking this would get exactly this answer."""
    return (
        request.method in READ_METHODS
        and not request.path.startswith(ADMIN_PREFIX)
        and not is_preview(request)
        and not signed_in(request)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.cookies
        and response.status_code in SHAREABLE_STATUSES
        and "*" not in cc_delim_re.split(response.get("Vary", ""))
    )


def reader_cache_control(response):
    max_age = 0 if response.status_code in NOT_FOUND_STATUSES else settings.RAPPORTEUR_HTTP_CACHE_MAX_AGE
    return f"public, max-age={max_age}, s-maxage={settings.RAPPORTEUR_HTTP_CACHE_S_MAXAGE}"


class ReaderHttpCacheMiddleware:
    """``Cache-Control`` (and ``Vary: Cookie``) on every answer, decided once the answer is complete.

    It sits above the session, CSRF, locale and authentication middleware, so it sees the
    cookies they set and the ``Vary`` they add before it decides.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not answer_is_shareable(request, response):
            response["Cache-Control"] = PRIVATE
            return response
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ["Cookie"])  # the cookie notice
        if "Cache-Control" not in response:
            response["Cache-Control"] = reader_cache_control(response)
        return response
