"""Reading the site as an anonymous reader would, without a server.

Each address is asked of Django itself (the test client runs the full middleware stack of
the running settings: visibility hooks, redirects, security headers) with no cookie and no
session. Only what answers 200 goes into a mirror, so the mirror can hold nothing a reader
of the live site could not see — whatever a template or view does, there is no second path.
"""

import multiprocessing
import os
import re
import threading
from dataclasses import dataclass
from html import unescape
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection, connections
from django.test import Client
from django.utils import translation


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes
    location: str = ""

    @property
    def ok(self):
        return self.status == 200

    @property
    def is_html(self):
        return self.content_type.startswith("text/html")

    @property
    def is_css(self):
        return self.content_type.startswith("text/css")


class MirrorRenderError(RuntimeError):
    """The site failed (5xx) on an address the mirror needs: the build stops, the last mirror stays."""


class MirrorPostponed(Exception):
    """A launch is about to happen: the build stops before writing anything, to be made again after it."""


CHECK_EVERY = 20  # pages between two looks at whether a launch is coming


class AnonymousReader:
    """Asks the site for addresses as a signed-out reader at the public host."""

    def __init__(self, public_url, keep_going=None):
        self.keep_going = keep_going  # asked every few pages; False stops the build (MirrorPostponed)
        self.asked = 0
        parts = urlsplit(public_url)
        self.secure = parts.scheme == "https"
        self.client = Client(HTTP_HOST=parts.netloc or "localhost", raise_request_exception=True)

    def get(self, path):
        self.asked += 1
        if self.keep_going is not None and self.asked % CHECK_EVERY == 0 and not self.keep_going():
            raise MirrorPostponed("a launch is due: the mirror waits until after it")
        if path.startswith(settings.MEDIA_URL):
            return self.media(path[len(settings.MEDIA_URL) :])
        language = translation.get_language()
        try:
            response = self.client.get(path, secure=self.secure)
        finally:
            translation.activate(language)  # a request activates its page's language in this thread
            self.client.cookies.clear()  # a reader of the mirror is never anyone in particular
        if response.status_code >= 500:
            raise MirrorRenderError(f"{path} answered {response.status_code}")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return Answer(response.status_code, response.get("Content-Type", ""), body, response.get("Location", ""))

    def media(self, name):
        """An uploaded image a page shows: read from storage (the live site serves it outside Django)."""
        if not name or ".." in name.split("/") or not default_storage.exists(name):
            return Answer(404, "", b"")
        with default_storage.open(name, "rb") as file:
            return Answer(200, "application/octet-stream", file.read())


def workers_wanted():
    """How many processes render a mirror's pages: ``RAPPORTEUR_MIRROR_WORKERS``, else one per CPU (at most 4)."""
    configured = getattr(settings, "RAPPORTEUR_MIRROR_WORKERS", None) or os.environ.get("RAPPORTEUR_MIRROR_WORKERS")
    if configured:
        return max(1, int(configured))
    return max(1, min(4, os.cpu_count() or 1))


def may_fork():
    """Whether forked processes can render safely: not inside an open transaction (they would not see
    its uncommitted rows), not on an in-memory SQLite database (they would have none), and only from a
    process with one thread — a lock another thread holds at the fork stays locked for ever in the
    child (the scheduler runs threads, and a mirror it built that way hung), so there the mirror is
    rendered in one process."""
    if connection.in_atomic_block or threading.active_count() > 1:
        return False
    name = str(connection.settings_dict.get("NAME", ""))
    return not (connection.vendor == "sqlite" and (name == ":memory:" or "mode=memory" in name))


def render_all(paths, public_url, keep_going=None):
    """{path: Answer} for ``paths``, rendered by several processes when that is safe.

    Rendering is two thirds of a mirror's build (30 ms a page, 600 pages for a 160-entry edition)
    and is pure Python, so threads would not help: the pages are split between forked processes,
    each asking Django as an anonymous reader exactly as ``AnonymousReader`` does here. Database
    connections are closed first so that each process opens its own.
    """
    workers = min(workers_wanted(), len(paths) // 20)
    if workers <= 1 or not may_fork():
        reader = AnonymousReader(public_url, keep_going)
        return {path: reader.get(path) for path in paths}
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        chunks = pool.starmap(_render_chunk, [(paths[index::workers], public_url) for index in range(workers)])
    return {path: answer for chunk in chunks for path, answer in chunk}


def _render_chunk(paths, public_url):
    from .build import rendering_for_mirror

    rendering_for_mirror.set(True)
    reader = AnonymousReader(public_url)
    try:
        return [(path, reader.get(path)) for path in paths]
    finally:
        connections.close_all()


HREF = re.compile(r'href="([^"#?]+)[^"]*"')


def archive_pages_linked(rendered, scope):
    """The archive pages (countries, themes, people) the rendered edition pages link to.

    Only a forecast, so that those pages can be rendered in parallel too: which of them the
    mirror takes in is still decided by the collector, link by link, with the HTML parser.
    """
    found = set()
    for path, answer in rendered.items():
        if not (answer.ok and answer.is_html and scope.is_edition_page(path)):
            continue
        for href in HREF.findall(answer.body.decode("utf-8", "replace")):
            target = urlsplit(urljoin(path, unescape(href))).path
            if target not in rendered and not scope.is_edition_page(target) and scope.follows(target, path):
                if target.startswith(scope.archive_prefixes()):
                    found.add(target)
    return sorted(found)
