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
