"""Reading the site as an anonymous reader would, without a server.

Each address is asked of Django itself (the test client runs the full middleware stack of
the running settings: visibility hooks, redirects, security headers) with no cookie and no
session. Only what answers 200 goes into a mirror, so the mirror can hold nothing a reader
of the live site could not see — whatever a template or view does, there is no second path.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
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


class AnonymousReader:
    """Asks the site for addresses as a signed-out reader at the public host."""

    def __init__(self, public_url):
        parts = urlsplit(public_url)
        self.secure = parts.scheme == "https"
        self.client = Client(HTTP_HOST=parts.netloc or "localhost", raise_request_exception=True)

    def get(self, path):
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
