"""Reader pages leave compressed; admin pages do not.

Gunicorn sends what Django gives it, and not every deployment has a proxy that compresses;
a country entry is about five times smaller gzipped. Compression of a page that carries a
secret (a CSRF token, a session's data) next to text an attacker can inject lets the secret
be guessed from response sizes (BREACH). Reader pages carry no secret — readers have no
session, forms on them are GET or carry no token — so they are compressed; the admin, and
any page rendered for a signed-in user (Wagtail's user bar), is not. Django's middleware
also pads each compressed body by a random length ("Heal the Breach").
"""

from django.middleware.gzip import GZipMiddleware

from .headers import ADMIN_PREFIX


class ReaderGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(ADMIN_PREFIX):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return response
        return super().process_response(request, response)
