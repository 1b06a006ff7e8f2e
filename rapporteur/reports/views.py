"""Views outside the page tree."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@csrf_exempt  # A CSRF token would itself need a cookie; forging this request only hides a notice.
@require_POST
def cookie_notice_answer(request):
    """ "Yes, I agree" in the cookie notice: remember the answer, then go back where the reader was.

    This is the only place a cookie is set for a reader, and only on their request.
    """
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.RAPPORTEUR_COOKIE_NOTICE_COOKIE,
        "accepted",
        max_age=settings.RAPPORTEUR_COOKIE_NOTICE_MAX_AGE,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    return response
