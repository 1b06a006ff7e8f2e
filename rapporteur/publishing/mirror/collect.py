"""Gathering a mirror's files: render each address as a reader, rewrite it, follow its links.

The edition's pages (from the visibility rule, as the sitemap lists them) are read first; the
links they hold decide what else is taken in (``addresses.Scope``) — asked for at the moment a
link to it is met, so that the link can be made relative if, and only if, the address
answered 200. Edition pages are rewritten before anything else, so that every archive page an
edition page leads to is known before the archive pages' own links are decided.
"""

from collections import deque
from urllib.parse import quote, urljoin, urlsplit

from .addresses import file_for, relative_href
from .rewrite import rewrite_css, rewrite_page

MIRROR_STYLESHEET = "static/mirror/mirror.css"


class Collector:
    def __init__(self, scope, reader, live_url):
        self.scope = scope
        self.reader = reader
        self.live_url = live_url.rstrip("/")
        self.live_host = urlsplit(self.live_url).netloc
        self.answers = {}  # site path: Answer, for every address asked
        self.files = {}  # file in the tree: bytes
        self.edition_queue, self.other_queue = deque(), deque()
        self.jumps = {}  # (form action, country): the link the jump leads to
        self.queued = set()  # paths whose answer has been queued for processing (if it was a 200)

    # -- asking --------------------------------------------------------------------------------

    def fetch(self, path):
        answer = self.answers.get(path)
        if answer is None or path not in self.queued:
            if answer is None:
                answer = self.answers[path] = self.reader.get(path)
            self.queued.add(path)
            if answer.ok:
                queue = self.edition_queue if self.scope.is_edition_page(path) else self.other_queue
                queue.append(path)
        return answer

    def collect(self, paths, rendered=None):
        """The tree's files, starting from ``paths``; ``rendered`` holds answers already made for some."""
        self.answers.update(rendered or {})
        for path in paths:
            self.fetch(path)
        while self.edition_queue or self.other_queue:
            queue = self.edition_queue or self.other_queue
            self.process(queue.popleft())
        return self.files

    def process(self, path):
        answer = self.answers[path]
        name = file_for(path)
        if answer.is_html:
            head = f'<link rel="stylesheet" href="{relative_href(MIRROR_STYLESHEET, name)}">'
            html = rewrite_page(
                answer.body.decode("utf-8"),
                link=lambda url: self.link(url, path),
                jump_link=lambda action, value: self.jump_link(action, value, path),
                head_extra=head,
            )
            self.files[name] = html.encode("utf-8")
        elif answer.is_css:
            self.files[name] = rewrite_css(answer.body.decode("utf-8"), lambda url: self.link(url, path)).encode()
        else:
            self.files[name] = answer.body

    # -- links ---------------------------------------------------------------------------------

    def link(self, url, from_path):
        """Where a link in the page at ``from_path`` points in the mirror."""
        if not url or url.startswith("#"):
            return url
        parts = urlsplit(urljoin(self.live_url + from_path, url))
        if parts.scheme not in ("http", "https") or parts.netloc != self.live_host:
            return url  # another site, mail, a data: image: as it was
        path, fragment = parts.path or "/", parts.fragment
        if not parts.query:
            language = self.scope.search_page(path)
            if language:
                return relative_href(f"{language}/search/index.html", file_for(from_path), fragment)
            known = self.answers.get(path)
            if (known is not None and known.ok) or self.scope.follows(path, from_path):
                if self.fetch(path).ok:
                    return relative_href(file_for(path), file_for(from_path), fragment)
        # not in the mirror (the admin, the API, a search, an earlier edition): the live site
        return (
            self.live_url
            + quote(path, safe="/%:@")
            + (f"?{parts.query}" if parts.query else "")
            + (f"#{fragment}" if fragment else "")
        )

    def jump_link(self, action, country, from_path):
        """The entry a jump form leads to for ``country``, as the site's own redirect says."""
        key = (action, country)
        if key not in self.jumps:
            answer = self.reader.get(f"{urlsplit(action).path}?country={quote(country)}")
            self.jumps[key] = answer.location if 300 <= answer.status < 400 and answer.location else None
        target = self.jumps[key]
        return self.link(target, from_path) if target else None
