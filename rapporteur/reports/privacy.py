"""The reader's one optional cookie: their answer to the cookie notice.

Nothing else is ever set on an anonymous reader. The cookie stores only "accepted".
"""

from django.conf import settings


def cookie_notice_wanted(request):
    """Ask readers who have not answered; never in an editor's preview, where it would cover the page."""
    if getattr(request, "is_preview", False):
        return False
    return settings.RAPPORTEUR_COOKIE_NOTICE_COOKIE not in request.COOKIES
