"""Security headers on every reader response: our own scripts and styles only, nothing else.

A strict Content-Security-Policy (no inline script or style, no third party), no framing,
no browser features a report does not use. The admin (``/admin/``) keeps Wagtail's own headers.
"""

ADMIN_PREFIX = "/admin/"

# A reader page loads only our own files: no inline scripts or styles, no third parties.
READER_CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
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
        return response
