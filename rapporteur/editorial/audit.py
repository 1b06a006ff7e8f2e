"""The audit trail: who did what, when — in Wagtail's own log, so one admin report shows it all.

Wagtail already records publishing, unpublishing, workflow approvals and rejections and
every revision. This module adds what it does not: sign-ins (failed and successful),
account lock-outs, two-factor failures and enrolment, role changes, and edition launches.
All of it appears under Reports → Site history, filterable by action, user and date, and
downloadable as CSV.
"""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import Site

# (action, label shown in the admin, message shown in the log)
ACTIONS = (
    ("rapporteur.login", "Sign-in", "Signed in"),
    ("rapporteur.login_failed", "Sign-in failed", "Failed sign-in"),
    ("rapporteur.lockout", "Account locked out", "Locked out after repeated failed sign-ins"),
    ("rapporteur.2fa_enrolled", "Two-factor set up", "Set up two-factor authentication"),
    ("rapporteur.2fa_failed", "Two-factor failed", "Wrong two-factor code or refused passkey"),
    ("rapporteur.passkey_added", "Passkey added", "Added a passkey"),
    ("rapporteur.passkey_removed", "Passkey removed", "Removed a passkey"),
    ("rapporteur.role_change", "Role change", "Roles changed"),
    ("rapporteur.launch", "Edition launched", "Edition launched"),
    ("rapporteur.launch_failed", "Launch failed", "Edition launch failed; nothing was published"),
)


def client_ip(request):
    if request is None:
        return ""
    return request.META.get("REMOTE_ADDR", "")


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


@receiver(m2m_changed, sender=get_user_model().groups.through)
def groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Any change of a user's groups is a role change, whether made in the admin or by command."""
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    User = get_user_model()
    verb = "added" if action == "post_add" else "removed"
    actor = get_active_log_context().user
    if isinstance(instance, User):  # user.groups.add(group, ...)
        names = sorted(model.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        log(instance=instance, action="rapporteur.role_change", user=actor, data={verb: names})
    else:  # group.user_set.add(user, ...)
        for user in model.objects.filter(pk__in=pk_set):
            log(instance=user, action="rapporteur.role_change", user=actor, data={verb: [instance.name]})
