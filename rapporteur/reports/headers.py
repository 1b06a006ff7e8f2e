"""Security headers on every reader response: our own scripts and styles only, nothing else.

A strict Content-Security-Policy (no inline script or style, no third party), no framing,
no browser features a report does not use. The admin (``/admin/``) keeps Wagtail's own headers.

Wagtail's preview renders a reader page inside the admin's side panel: it runs the page
through the middleware as a "dummy" request (``request.is_dummy``), and that response may be
framed by the admin itself (``frame-ancestors 'self'``); every real reader response keeps
``'none'``.
"""

ADMIN_PREFIX = "/admin/"

# A reader page loads only our own files: no inline scripts or styles, no third parties.
READER_CSP_SOURCES = (
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
)
READER_CSP = "; ".join((*READER_CSP_SOURCES, "frame-ancestors 'none'"))
PREVIEW_CSP = "; ".join((*READER_CSP_SOURCES, "frame-ancestors 'self'"))
READER_HEADERS = {
    "Content-Security-Policy": READER_CSP,
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


class ReaderSecurityHeadersMiddleware:
    """A strict Content-Security-Policy and related headers on everything outside the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(ADMIN_PREFIX):
            for header, value in READER_HEADERS.items():
                response.headers.setdefault(header, value)
            if getattr(request, "is_dummy", False):  # a preview, shown in the admin's side panel
                response.headers["Content-Security-Policy"] = PREVIEW_CSP
        return response
