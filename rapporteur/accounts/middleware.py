"""Two-factor authentication for every staff account, enforced on every request."""

from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

ADMIN_PREFIX = "/admin/"


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


# The admin's Content-Security-Policy: as strict as Wagtail's admin allows. Scripts and styles
# come only from this site, but Wagtail 7.4's admin still writes small inline scripts on its
# pages (chooser and editor set-up; their content differs from page to page, so hashes cannot
# list them, and Django 5.2 has no CSP nonces), and inline style attributes (Draftail, the
# sidebar, the preview panel): both need 'unsafe-inline'. Everything else is closed: no
# third-party origin for anything, no plugins, no <base> elsewhere, framed only by itself.
ADMIN_CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "frame-ancestors 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    )
)


class AdminSecurityHeadersMiddleware:
    """A Content-Security-Policy on every admin response (reader pages have their own, stricter one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIX) and not getattr(request, "is_dummy", False):
            response.headers.setdefault("Content-Security-Policy", ADMIN_CSP)
        return response
