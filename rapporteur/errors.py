"""Error pages: a database busy with someone else's write is "try again", not a server error.

Readers never wait for writers (SQLite in WAL mode, PostgreSQL's MVCC). A *writer* — a save,
a sign-in — waits for another write to finish, up to the database's timeout (SQLite's
``busy_timeout``, PostgreSQL's ``lock_timeout``, both 5 s here). Past that the write is
abandoned (its transaction rolled back) and the person is told to try again, with
``503 Service Unavailable`` and ``Retry-After``, instead of an error page that suggests
something is broken.
"""

import sys

from django.db import OperationalError
from django.http import HttpResponse, HttpResponseNotFound
from django.template.loader import render_to_string
from django.views import defaults

BUSY_MESSAGES = ("database is locked", "database table is locked", "lock timeout", "could not obtain lock")
RETRY_AFTER_SECONDS = 5


def database_busy(error):
    """Whether ``error`` is a write that gave up waiting for another one."""
    return isinstance(error, OperationalError) and any(text in str(error).lower() for text in BUSY_MESSAGES)


def server_error(request, template_name="500.html"):
    """Django's 500 handler, except for a busy database (the exception being handled is still current)."""
    if database_busy(sys.exc_info()[1]):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return defaults.server_error(request, template_name)


def page_not_found(request, exception, template_name="404.html"):
    """Django's 404, offering the original where the address is a page not yet translated."""
    from rapporteur.reports.languages import original_of_missing

    original_code, original_url = original_of_missing(request) or ("", "")
    context = {"request_path": request.path, "original_code": original_code, "original_url": original_url}
    return HttpResponseNotFound(render_to_string(template_name, context, request=request))
