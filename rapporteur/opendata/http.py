"""What every API answer shares: HTTP caching, CORS, the rate limit, JSON errors.

- **Caching.** Published content changes only when the content generation changes
  (``reports.cache``), so the generation is the ETag's source, and the moment this process
  first saw that generation is the Last-Modified. A client that sends the ETag (or the date)
  back gets ``304 Not Modified`` before any work is done. ``Cache-Control`` lets browsers and
  proxies keep an answer for ``OPENDATA_API_MAX_AGE`` seconds, then revalidate.
- **CORS.** The API is public and carries no credentials: any origin may read it with GET.
- **Rate limit.** ``OPENDATA_API_RATE_LIMIT`` requests (``"count/seconds"``) per client address
  per window, counted in the configured cache so every worker shares one count; over it,
  ``429`` with ``Retry-After``.
- **JSON everywhere.** An address under ``/api/`` that does not exist, or a method the API does
  not take, is answered in JSON too.
"""

import functools
import hashlib
import json
import math
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.http import http_date, parse_http_date_safe

from rapporteur.accounts.addresses import client_address
from rapporteur.reports.cache import cached, current_generation

API_PREFIX = "/api/"
# Bump when the API's answers change shape without the OpenAPI document changing, so clients'
# cached copies stop matching (a change to the document does that by itself: ``code_version``).
REPRESENTATION = "1"
READ_METHODS = ("GET", "HEAD")
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After",
    "Cross-Origin-Resource-Policy": "cross-origin",
}


def rate_limit():
    """(requests, seconds) from ``OPENDATA_API_RATE_LIMIT``; None when it is off ("0" or empty)."""
    value = str(getattr(settings, "OPENDATA_API_RATE_LIMIT", "") or "")
    if not value or value == "0":
        return None
    count, _, seconds = value.partition("/")
    return int(count), int(seconds or 60)


def json_error(status, kind, message, **headers):
    response = JsonResponse({"error": kind, "parameter": None, "message": message}, status=status)
    for name, value in headers.items():
        response[name] = value
    return response


def over_rate_limit(request):
    """Count this request; the seconds until the client may ask again if it went over, else None."""
    limit = rate_limit()
    if limit is None:
        return None
    count, seconds = limit
    now = time.time()
    window = int(now // seconds)
    key = f"opendata:rate:{client_address(request)}:{window}"
    cache.add(key, 0, timeout=seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=seconds + 1)
        used = 1
    if used <= count:
        return None
    return max(1, math.ceil((window + 1) * seconds - now))


@functools.cache
def code_version():
    """A digest of the OpenAPI document: what this deployment's answers look like."""
    from .api import api

    return hashlib.sha256(json.dumps(api.get_openapi_schema(), sort_keys=True).encode()).hexdigest()[:16]


def validators():
    """(ETag, Last-Modified as a timestamp) of the current content generation."""
    generation = current_generation()
    tag = f"{REPRESENTATION}:{code_version()}:{generation}"
    etag = '"' + hashlib.sha256(tag.encode()).hexdigest()[:32] + '"'
    since = cached("opendata-since", build=lambda: int(time.time()))
    return etag, since


def not_modified(request, etag, since):
    match = request.META.get("HTTP_IF_NONE_MATCH")
    if match is not None:
        return etag in [tag.strip().removeprefix("W/") for tag in match.split(",")] or match.strip() == "*"
    modified_since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return modified_since is not None and since <= modified_since


def is_not_found(response):
    """A 404, or Django's language redirect made of one: the API never redirects into the reader site.

    ``LocaleMiddleware`` answers a 404 at an address without a language prefix with a redirect
    to ``/en/…`` whenever that address exists, and Wagtail's page serving makes every
    ``/en/…`` address exist; an API client would be sent to an HTML page.
    """
    if response.status_code == 404:
        return "json" not in response.get("Content-Type", "")
    if response.status_code in (301, 302):
        return bool(translation.get_language_from_path(urlsplit(response.get("Location", "")).path))
    return False


class OpenDataMiddleware:
    """Applies the above to every request under ``/api/``; leaves every other request alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        response = self.answer(request)
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response

    def answer(self, request):
        if request.method == "OPTIONS":  # a CORS preflight
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        if request.method not in READ_METHODS:
            return json_error(405, "method_not_allowed", "The API is read-only: use GET.", Allow="GET, HEAD, OPTIONS")
        retry_after = over_rate_limit(request)
        if retry_after is not None:
            return json_error(
                429,
                "rate_limited",
                f"Too many requests from your address; try again in {retry_after} seconds.",
                **{"Retry-After": str(retry_after)},
            )
        etag, since = validators()
        max_age = getattr(settings, "OPENDATA_API_MAX_AGE", 60)
        if not_modified(request, etag, since):
            response = HttpResponse(status=304)
        else:
            head = request.method == "HEAD"
            if head:  # the operations are declared for GET: answer HEAD as GET without the body
                request.method = "GET"
            response = self.get_response(request)
            if head:
                request.method = "HEAD"
                response.content = b""
            if is_not_found(response):  # JSON, never a redirect to a reader page
                response = json_error(404, "not_found", "There is nothing at this address; see /api/v1/.")
        if response.status_code in (200, 304):
            response["ETag"] = etag
            response["Last-Modified"] = http_date(since)
        if response.status_code < 500:
            response["Cache-Control"] = f"public, max-age={max_age}"
        return response
