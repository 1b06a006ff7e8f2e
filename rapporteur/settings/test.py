"""Test settings: the same stack as production, minus what makes tests slow or flaky.

The database comes from DATABASE_URL like everywhere else, so the suite runs unchanged
against SQLite (the default) and PostgreSQL.
"""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "KEY_PREFIX": "rapporteur-test"}}
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
MEDIA_ROOT = Path(env("MEDIA_ROOT", "/tmp/rapporteur-test-media"))  # noqa: F405
RAPPORTEUR_IMPORT_ROOT = Path(env("RAPPORTEUR_IMPORT_ROOT", "/tmp/rapporteur-test-imports"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the source folders (no collectstatic in tests).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
AXES_FAILURE_LIMIT = 5
OPENDATA_API_RATE_LIMIT = "100000/60"  # the leak crawl reads every API address; the limit has its own test
# The demo's languages: English, and the French and Arabic versions of part of 2013.
LANGUAGES = served_languages(env_list("RAPPORTEUR_LANGUAGES", ["en", "fr", "ar"]))  # noqa: F405
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
