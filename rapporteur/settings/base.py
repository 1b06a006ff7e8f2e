"""Settings shared by every environment.

Machine-specific values come from environment variables so one code base runs on a
laptop (embedded SQLite under ``var/``) and in production (PostgreSQL via ``DATABASE_URL``).
"""

import json
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("RAPPORTEUR_VAR_DIR", BASE_DIR / "var"))


def env(name, default=None):
    """Read a setting from the environment; empty strings count as unset."""
    value = os.environ.get(name, "")
    return value if value != "" else default


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def env_list(name, default=()):
    value = env(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


# --- Applications -----------------------------------------------------------------

INSTALLED_APPS = [
    "rapporteur.reports",
    "rapporteur.accounts",
    "rapporteur.editorial",
    "rapporteur.backups",
    "rapporteur.archive",
    "rapporteur.publishing",
    "rapporteur.opendata",
    "rapporteur.importers",
    "rapporteur.demo",
    "wagtail_localize",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files: served precompressed
    # Cache-Control: public for anonymous readers, private for everyone else; sees every cookie set below it
    "rapporteur.reports.http_cache.ReaderHttpCacheMiddleware",
    "rapporteur.reports.compression.ReaderGZipMiddleware",  # reader pages only (BREACH: see the module)
    "django.contrib.sessions.middleware.SessionMiddleware",
    # /api/: caching, CORS, rate limit, JSON errors; outside LocaleMiddleware, whose 404 redirects it undoes
    "rapporteur.opendata.http.OpenDataMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "rapporteur.reports.sites.CachedSiteMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "rapporteur.accounts.middleware.RequireTwoFactorMiddleware",
    "rapporteur.reports.headers.ReaderSecurityHeadersMiddleware",
    "rapporteur.accounts.middleware.AdminSecurityHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "rapporteur.reports.links.ReaderRedirectMiddleware",  # Wagtail's, never into hidden pages
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "rapporteur.urls"
WSGI_APPLICATION = "rapporteur.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ----------------------------------------------------------------------
# SQLite is the embedded default. WAL lets readers continue while an editor saves;
# IMMEDIATE transactions avoid "database is locked" upgrades under concurrent writes.
# A writer waits for another write at most 5 s on either database (SQLite's busy_timeout,
# PostgreSQL's lock_timeout), then is told to try again (rapporteur.errors); readers never wait.

DEFAULT_SQLITE_PATH = VAR_DIR / "rapporteur.sqlite3"
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;PRAGMA busy_timeout=5000;"
    ),
    "transaction_mode": "IMMEDIATE",
}


def database_from_url(url):
    config = dj_database_url.parse(url, conn_max_age=int(env("DATABASE_CONN_MAX_AGE", 60)))
    if config["ENGINE"] == "django.db.backends.postgresql":
        options = config.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c lock_timeout=5000".strip()
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
        config["CONN_MAX_AGE"] = 0 if config["NAME"] == ":memory:" else config.get("CONN_MAX_AGE", 0)
    return config


DATABASES = {"default": database_from_url(env("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE_PATH}"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -------------------------------------------------------------------------
# Reader pages cache their edition-wide navigation and entry documents. Every worker
# must see the same invalidation, so the default is a file cache on this machine;
# production with several machines sets CACHE_URL to redis://... (see README "Running in production").

# A Redis that does not answer (a wrong host, a firewall dropping packets) fails a request after
# this many seconds instead of holding the worker for ever; `manage.py check` names the address.
REDIS_TIMEOUT_SECONDS = float(env("CACHE_TIMEOUT_SECONDS", 5))


def checked_redis_url(url):
    """The URL if Redis can read it, else a message saying what is wrong with it (not a traceback later)."""
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        raise ImproperlyConfigured(f"CACHE_URL {url!r}: the port must be a number, e.g. redis://host:6379/0") from None
    if not parts.hostname:
        raise ImproperlyConfigured(f"CACHE_URL {url!r}: name the Redis host, e.g. redis://host:6379/0")
    if parts.path.strip("/") and not parts.path.strip("/").isdigit():
        raise ImproperlyConfigured(f"CACHE_URL {url!r}: the path is a database number, e.g. redis://host:6379/0")
    return url


def cache_from_url(url):
    if url.startswith("locmem://"):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": url[9:] or "rapporteur"}
    if url.startswith("file://"):
        # Django's default of 300 entries would evict entry documents of a single 160-country edition;
        # every write lists the directory, so the limit stays in the thousands
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": url[7:],
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    if url.startswith(("redis://", "rediss://")):
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": checked_redis_url(url),
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT_SECONDS, "socket_timeout": REDIS_TIMEOUT_SECONDS},
        }
    if url.startswith("memcached://"):
        return {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache", "LOCATION": url[12:]}
    raise ImproperlyConfigured(f"CACHE_URL {url!r}: use locmem://, file:///path, redis://host or memcached://host")


CACHES = {"default": cache_from_url(env("CACHE_URL", f"file://{VAR_DIR / 'cache'}"))}
CACHES["default"]["KEY_PREFIX"] = "rapporteur"

# --- A shared cache in front (Varnish), purged on every change ---------------------------
# Anonymous readers' answers may be kept by a shared cache for HTTP_CACHE_S_MAXAGE seconds and
# by browsers for HTTP_CACHE_MAX_AGE (reports.http_cache). RAPPORTEUR_FRONTEND_CACHE lists the
# caches to purge (Varnish's address, e.g. http://127.0.0.1:6081, comma-separated for several):
# whenever published content changes they are told to drop everything (reports.frontend_cache).
# Without it nothing is purged, so shared caches may keep an answer only for the browsers' time.
RAPPORTEUR_FRONTEND_CACHE = env_list("RAPPORTEUR_FRONTEND_CACHE")
WAGTAILFRONTENDCACHE = {
    f"varnish{number}": {"BACKEND": "rapporteur.reports.frontend_cache.VarnishBackend", "LOCATION": location}
    for number, location in enumerate(RAPPORTEUR_FRONTEND_CACHE, start=1)
}
RAPPORTEUR_HTTP_CACHE_MAX_AGE = int(env("HTTP_CACHE_MAX_AGE", 60))
RAPPORTEUR_HTTP_CACHE_S_MAXAGE = int(
    env("HTTP_CACHE_S_MAXAGE", 3600 if RAPPORTEUR_FRONTEND_CACHE else RAPPORTEUR_HTTP_CACHE_MAX_AGE)
)

# --- Open data API (rapporteur.opendata) -------------------------------------------
# Per client address (resolved as in accounts.addresses), counted in the cache above so every
# worker shares one count: "requests/seconds", or "0" for no limit. Answers may be kept by
# browsers and proxies for OPENDATA_API_MAX_AGE seconds, then revalidated by ETag.
OPENDATA_API_RATE_LIMIT = env("API_RATE_LIMIT", "300/60")
OPENDATA_API_MAX_AGE = int(env("API_MAX_AGE", 60))

# --- Accounts ----------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses locked-out accounts before checking passwords
    "django.contrib.auth.backends.ModelBackend",
]

# Sign-in throttling: 5 failed attempts for one account *from one address* lock that account
# at that address for 15 minutes (and are audited). Not the account everywhere: then anyone
# who knows a name (the admin's, the publisher's) could lock its owner out every 15 minutes.
# The trade-off: a guesser using many addresses gets 5 tries per address, which is why a
# password alone opens nothing (two-factor is required) and passwords have 12+ characters.
# The address is the client's as resolved through TRUSTED_PROXY_COUNT proxies (see
# accounts.addresses). An administrator can lift a lock early with
# `manage.py axes_reset_username <name>` or `axes_reset_ip <address>`.
RAPPORTEUR_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", 0))
AXES_CLIENT_IP_CALLABLE = "rapporteur.accounts.addresses.client_address"
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Two-factor authentication (TOTP or a passkey) for every admin user; see accounts.middleware.
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Rapporteur")

# Staff sessions: short, and gone when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True

# Wagtail's notifications (submitted for review, changes requested, approved) go by email.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "rapporteur@localhost")
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# --- Languages ---------------------------------------------------------------------
# One page tree per language (/en/, later /fr/, /ar/). English is the source language.

LANGUAGE_CODE = "en"
# The reader interface (navigation, labels, notices) is translated into these languages through
# gettext: locale/<code>/LC_MESSAGES/django.po, compiled to .mo by `make setup` (compile_translations).
RAPPORTEUR_INTERFACE_LANGUAGES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
LOCALE_PATHS = [BASE_DIR / "locale"]
# The languages the site serves (/en/, /fr/, ...). English only until each language has its own
# page tree: a /fr/ address would otherwise show English pages marked lang="fr", and a reader whose
# browser prefers French would be sent there from /. RAPPORTEUR_LANGUAGES=en,fr,es,ar previews
# the translated interface around the English content.


def served_languages(codes):
    """(code, name) pairs for LANGUAGES: known interface languages only, the source language among them."""
    unknown = [code for code in codes if code not in RAPPORTEUR_INTERFACE_LANGUAGES]
    if unknown:
        raise ImproperlyConfigured(
            f"RAPPORTEUR_LANGUAGES: {', '.join(unknown)} not among {', '.join(RAPPORTEUR_INTERFACE_LANGUAGES)}"
        )
    if LANGUAGE_CODE not in codes:
        raise ImproperlyConfigured(f"RAPPORTEUR_LANGUAGES must include {LANGUAGE_CODE!r}, the source language.")
    return [(code, RAPPORTEUR_INTERFACE_LANGUAGES[code]) for code in codes]


LANGUAGES = served_languages(env_list("RAPPORTEUR_LANGUAGES", [LANGUAGE_CODE]))
WAGTAIL_I18N_ENABLED = True
# A new translation of a live English page starts as a draft in English words: it is published
# only through the review workflow, never the moment a translator starts (editorial.translating).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("TIME_ZONE", "UTC")

# --- Static and uploaded files -------------------------------------------------------

STATIC_URL = "/static/"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "var" / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))


def storage_from_env(backend_name, options_name, default_backend):
    """A ``STORAGES`` entry: a backend class by dotted path, its options as JSON (see README)."""
    options = env(options_name, "{}")
    try:
        options = json.loads(options)
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"{options_name} must be a JSON object ({error}): {options!r}") from None
    if not isinstance(options, dict):
        raise ImproperlyConfigured(f"{options_name} must be a JSON object, not {options!r}")
    return {"BACKEND": env(backend_name, default_backend), "OPTIONS": options}


# Uploads and generated files (images, documents, PDF/EPUB, datasets) go through "default": the
# file system under MEDIA_ROOT unless MEDIA_STORAGE names another backend. With several app
# servers, MEDIA_ROOT is a folder they all share (NFS), or MEDIA_STORAGE a bucket. Nothing in it
# is served straight from there: readers get files through views that check visibility first.
# "imports" holds uploaded import files, private (no address), apart from the media files.
STORAGES = {
    "default": storage_from_env(
        "MEDIA_STORAGE", "MEDIA_STORAGE_OPTIONS", "django.core.files.storage.FileSystemStorage"
    ),
    "imports": storage_from_env(
        "RAPPORTEUR_IMPORT_STORAGE",
        "RAPPORTEUR_IMPORT_STORAGE_OPTIONS",
        "rapporteur.importers.private_storage.PrivateStorage",
    ),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Wagtail -----------------------------------------------------------------------

# Wagtail's search-index and reference-index updates run once the saving transaction commits.
TASKS = {"default": {"BACKEND": "rapporteur.task_backends.AfterCommitBackend"}}

WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Rapporteur")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "epub", "docx", "odt", "rtf", "txt", "csv", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 100 * 1024 * 1024
# Documents always go through Wagtail's view, which asks whether a page readers can see uses them
# (reports.wagtail_hooks); with a bucket, Wagtail would otherwise redirect readers to the file itself.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Images: damaged or disguised files are refused with a message (see editorial.images); at most
# 40 megapixels (a 7,000 × 5,700 photograph) and 20 MB, far above what a report page shows.
WAGTAILIMAGES_IMAGE_FORM_BASE = "rapporteur.editorial.images.ImageForm"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin sends nothing to third parties: no update check, no "what's new" banner, no
# avatars from gravatar.com (editors see the default avatar, or one they upload).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True

# --- Reader privacy ------------------------------------------------------------------
# The only cookie a reader can get is the one that remembers their answer to the
# cookie notice, and only after they give it.

RAPPORTEUR_COOKIE_NOTICE_COOKIE = "rapporteur_cookie_notice"
RAPPORTEUR_COOKIE_NOTICE_MAX_AGE = 365 * 24 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# --- Import ------------------------------------------------------------------------
# Uploads larger than this are refused before they are read (bytes; Word, Markdown, books).

RAPPORTEUR_IMPORT_MAX_BYTES = int(env("RAPPORTEUR_IMPORT_MAX_BYTES", 50 * 1024 * 1024))
# Uploaded import files (possibly unpublished text): private, outside MEDIA_ROOT, never served.
RAPPORTEUR_IMPORT_ROOT = Path(env("RAPPORTEUR_IMPORT_ROOT", VAR_DIR / "imports"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
