"""System checks for what reader pages rely on outside this process.

A shared cache server (Redis) that does not answer fails every reader page, because the content
generation (``reports.cache``) lives there. ``manage.py check`` — and ``migrate``, which runs the
checks, so every deploy — says so with the address, before the site serves anything.
"""

from django.conf import settings
from django.core.cache import caches
from django.core.checks import Error, Tags, register

LOCAL_BACKENDS = ("locmem.LocMemCache", "filebased.FileBasedCache", "dummy.DummyCache")


@register(Tags.caches)
def cache_server_answers(app_configs, **kwargs):
    errors = []
    for alias, config in settings.CACHES.items():
        if config["BACKEND"].endswith(LOCAL_BACKENDS):
            continue
        try:
            caches[alias].get("reports:check")
        except Exception as error:  # the client's own message says why: refused, timed out, unknown host
            errors.append(
                Error(
                    f"The cache server at {config['LOCATION']} does not answer ({error}).",
                    hint="Start it or correct CACHE_URL; every app server and the scheduler use the same one.",
                    id="rapporteur.E101",
                )
            )
    return errors
