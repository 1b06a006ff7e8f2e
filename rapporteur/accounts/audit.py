"""The audit of sign-ins — in Wagtail's own log, so one admin report shows all of the site's history.

Wagtail records publishing, workflow steps and revisions; ``editorial.audit`` adds role
changes and launches; this module adds sign-ins (failed and successful, including guessed
usernames), lock-outs, and two-factor enrolment and failures. All of it appears under
Reports → Site history, filterable by action, user and date, and downloadable as CSV.
"""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import Site

from .addresses import client_address

# (action, label shown in the admin, message shown in the log)
ACTIONS = (
    ("rapporteur.login", "Sign-in", "Signed in"),
    ("rapporteur.login_failed", "Sign-in failed", "Failed sign-in"),
    ("rapporteur.lockout", "Account locked out", "Locked out after repeated failed sign-ins"),
    ("rapporteur.2fa_enrolled", "Two-factor set up", "Set up two-factor authentication"),
    ("rapporteur.2fa_failed", "Two-factor failed", "Wrong two-factor code or refused passkey"),
    ("rapporteur.passkey_added", "Passkey added", "Added a passkey"),
    ("rapporteur.passkey_removed", "Passkey removed", "Removed a passkey"),
)


def client_ip(request):
    """The client's address, resolved through the configured proxies like the lock-out's."""
    return client_address(request) if request is not None else ""


def log_account_event(action, username, request=None, data=None):
    """Record an event about an account, even one that does not exist (a guessed username)."""
    User = get_user_model()
    data = {"username": username, "ip": client_ip(request), **(data or {})}
    user = User.objects.filter(**{User.USERNAME_FIELD: username}).first() if username else None
    if user is not None:
        return log(instance=user, action=action, user=get_active_log_context().user, data=data)
    # No such account (a guessed name): record it against the site that was attacked.
    site = Site.objects.filter(is_default_site=True).first()
    return log(instance=site, action=action, title=f"{username or '(no username)'} (no such account)", data=data)


@receiver(user_login_failed)
def login_failed(sender, credentials, request=None, **kwargs):
    log_account_event("rapporteur.login_failed", credentials.get("username", ""), request)


@receiver(user_logged_in)
def logged_in(sender, request, user, **kwargs):
    log(instance=user, action="rapporteur.login", user=user, data={"ip": client_ip(request)})


@receiver(user_locked_out)
def locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    log_account_event("rapporteur.lockout", username or "", request)
