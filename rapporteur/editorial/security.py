"""Account and response security: two-factor authentication for staff, security headers for readers."""

from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

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


def two_factor_exempt_paths():
    return (
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        ADMIN_PREFIX + "2fa/",
        ADMIN_PREFIX + "password_reset/",
        ADMIN_PREFIX + "jsi18n/",
        ADMIN_PREFIX + "sprite",  # the admin's icons, fetched by every admin page (the 2FA pages too)
    )


class RequireTwoFactorMiddleware:
    """Everyone who signs in to the admin must also pass a one-time-code check in that session.

    Signed in but not yet verified, a user is sent to set up an authenticator app (first
    time) or to enter a code; on reader pages they count as anonymous, so a stolen
    password alone opens nothing — not even pages restricted to signed-in users.
    Must come after ``django_otp.middleware.OTPMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified():
            if not request.path.startswith(ADMIN_PREFIX):
                request.user = AnonymousUser()
            elif not request.path.startswith(two_factor_exempt_paths()):
                step = "verify" if user_has_device(user, confirmed=True) else "setup"
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(f'rapporteur_2fa_{step}')}?{query}")
        return self.get_response(request)


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


def confirmed_totp_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
