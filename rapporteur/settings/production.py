"""Production: everything secret or machine-specific comes from the environment.

Required: SECRET_KEY (or SECRET_KEY_FILE), ALLOWED_HOSTS. Usually DATABASE_URL too.
RAPPORTEUR_HTTPS=0 turns off the HTTPS-only settings for a local demo served over plain HTTP.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

DEBUG = False


def _secret_key():
    if key := env("SECRET_KEY"):
        return key
    if key_file := env("SECRET_KEY_FILE"):
        return Path(key_file).read_text().strip()
    raise ImproperlyConfigured("Set SECRET_KEY or SECRET_KEY_FILE for production settings.")


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS (comma-separated) for production settings.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

HTTPS = env_bool("RAPPORTEUR_HTTPS", True)
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Count sign-in failures per client, not per proxy: one proxy unless told otherwise.
    RAPPORTEUR_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", 1))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", 25))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "rapporteur@localhost")
