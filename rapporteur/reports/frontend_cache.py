"""Telling the shared cache (Varnish) in front that published content changed: ban it all, after commit.

Why everything, not the changed page's address: one change shows on many pages. A launch
makes the edition's addresses — cached as 404 while embargoed — open, and changes the home
page, every sidebar's edition list and jump list, the archive's country, theme and people
pages, the search results, the sitemap and the feeds. A correction changes the entry, the
corrections feed, the API and the datasets' pages. Listing every address that might show a
change is the kind of rule that misses one; the content generation (``reports.cache``)
already marks every change readers can see, so whenever it is renewed the cache is told to
drop every answer it holds (a ``BAN``), except the static files, whose names change with
their content. Varnish then fetches each address again once, on its first request (it
coalesces simultaneous requests for one address), so a ban costs one render per popular
page — what the content cache costs after a publish anyway.

Configuration is Wagtail's (``wagtail.contrib.frontend_cache``): ``WAGTAILFRONTENDCACHE``,
filled from ``RAPPORTEUR_FRONTEND_CACHE`` in the settings, with ``VarnishBackend`` below — its
HTTP backend, plus the ban and a timeout. ``purge_url_from_cache`` and friends from Wagtail
still work with it, for anyone who needs one address gone. The app's per-page purge handlers
are not installed: the ban covers what they would purge, and they would call Varnish without
a timeout from inside the editor's request.

A save never waits for the cache and never fails because of it: the ban is requested after
the transaction commits (a rolled-back change bans nothing, and a reader cannot refill the
cache with the old state in between), and sent from a background thread, with a short
timeout and a few retries; a failure is logged. One transaction asks for one ban, however
many changes it makes; requests made while a ban is being sent are merged into the next one. A command that ends (``launch``, an import) waits briefly for a
ban still on its way.
"""

import atexit
import logging
import threading
import time
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.db import transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 2
RETRY_DELAYS = (0.5, 2, 5)  # after the first failure, the second, the third; then give up (logged)
EXIT_WAIT_SECONDS = 5
# A publish renews the generation more than once after its commit (the archive's records, the
# search index follow it); bans asked for this soon after one another are sent as one.
GATHER_SECONDS = 0.2


class CacheRequest(Request):
    def __init__(self, method, *args, **kwargs):
        self.cache_method = method
        super().__init__(*args, **kwargs)

    def get_method(self):
        return self.cache_method


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP (Varnish) backend with a timeout, and a ban of everything but static files."""

    def __init__(self, params):
        params = dict(params)
        self.timeout = params.pop("TIMEOUT", TIMEOUT_SECONDS)
        super().__init__(params)

    def send(self, method, path, host=None):
        """Send ``method`` for ``path`` to the cache; raises ``OSError`` when the cache did not do it."""
        headers = {"User-Agent": "Rapporteur-frontend-cache"}
        if host:
            headers["Host"] = host
        url = urlunsplit([self.cache_scheme, self.cache_netloc, path, "", ""])
        with urlopen(CacheRequest(method, url, headers=headers), timeout=self.timeout) as response:
            response.read()

    def purge(self, url):
        """One address (Wagtail's ``purge_url_from_cache``), with a timeout; failures are logged."""
        parts = urlsplit(url)
        path = urlunsplit(["", "", parts.path, parts.query, ""])
        try:
            self.send("PURGE", path, host=parts.netloc)
        except (HTTPError, URLError, OSError) as error:
            logger.error("Could not purge %s from the cache at %s: %s", url, self.cache_netloc, error)

    def ban(self):
        """Everything the cache holds but static files; raises ``OSError`` if the cache refused or was unreachable."""
        self.send("BAN", "/")


class Banner:
    """One background thread per process that sends bans, merging those asked for while it works."""

    def __init__(self):
        self.wanted = threading.Condition()
        self.pending = False
        self.busy = False
        self.thread = None

    def request(self):
        with self.wanted:
            self.pending = True
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self.run, name="frontend-cache-ban", daemon=True)
                self.thread.start()
            self.wanted.notify()

    def run(self):
        while True:
            with self.wanted:
                while not self.pending:
                    self.wanted.wait()
                self.busy = True
            time.sleep(GATHER_SECONDS)
            with self.wanted:
                self.pending = False
            try:
                ban_everywhere()
            except Exception:  # never let the thread die: later changes must still be banned
                logger.exception("Banning the shared cache failed")
            finally:
                with self.wanted:
                    self.busy = False
                    self.wanted.notify_all()

    def wait(self, timeout):
        """Until nothing is waiting to be sent or being sent, at most ``timeout`` seconds; True if done."""
        deadline = time.monotonic() + timeout
        with self.wanted:
            while self.pending or self.busy:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self.wanted.wait(remaining)
        return True


def ban_everywhere():
    """Ban every configured cache, retrying each a few times; failures are logged, never raised."""
    for name, backend in get_backends().items():
        if not hasattr(backend, "ban"):
            continue
        for attempt, delay in enumerate((0, *RETRY_DELAYS)):
            time.sleep(delay)
            try:
                backend.ban()
                logger.info("Banned the shared cache %s", name)
                break
            except (HTTPError, URLError, OSError) as error:
                level = logging.ERROR if attempt == len(RETRY_DELAYS) else logging.WARNING
                logger.log(level, "Could not ban the shared cache %s (attempt %d): %s", name, attempt + 1, error)


banner = Banner()


def ban_after_commit():
    """Ask for a ban of every configured cache once the current transaction commits (now if there is none)."""
    from django.conf import settings

    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(waiting is banner.request for _, waiting, _ in connection.run_on_commit):
        return  # one ban per commit is enough
    transaction.on_commit(banner.request, robust=True)


@atexit.register
def finish_bans():
    if banner.thread is not None:
        banner.wait(EXIT_WAIT_SECONDS)
