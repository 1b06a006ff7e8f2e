"""Admin integration: the two-factor and passkey pages, the account menu item, the audit's sign-in actions."""

from django.urls import path, reverse
from wagtail import hooks

from . import passkeys, views
from .audit import ACTIONS


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("2fa/setup/", views.setup, name="rapporteur_2fa_setup"),
        path("2fa/verify/", views.verify, name="rapporteur_2fa_verify"),
        # signing in with a passkey: under 2fa/, reachable before the second factor
        path("2fa/passkey/options/", passkeys.authentication_options, name="rapporteur_passkey_sign_in_options"),
        path("2fa/passkey/", passkeys.sign_in, name="rapporteur_passkey_sign_in"),
        # managing passkeys: only with both factors
        path("passkeys/", passkeys.passkeys, name="rapporteur_passkeys"),
        path("passkeys/options/", passkeys.registration_options, name="rapporteur_passkey_add_options"),
        path("passkeys/add/", passkeys.add, name="rapporteur_passkey_add"),
        path("passkeys/<int:device_id>/remove/", passkeys.remove, name="rapporteur_passkey_remove"),
    ]


@hooks.register("register_account_menu_item")
def passkeys_account_item(request):
    return {
        "url": reverse("rapporteur_passkeys"),
        "label": "Passkeys",
        "help_text": "Sign in with a touch or a fingerprint instead of a code from your app.",
    }


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)
