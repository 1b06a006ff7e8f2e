"""The reader's one optional cookie: their answer to the cookie notice.

Nothing else is ever set on an anonymous reader. The cookie stores only "accepted".
"""

from django.conf import settings


def cookie_notice_wanted(request):
    return settings.RAPPORTEUR_COOKIE_NOTICE_COOKIE not in request.COOKIES
