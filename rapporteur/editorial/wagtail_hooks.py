"""Admin integration: 2FA and passkey pages, the edition dashboard, and the audit log's extra actions."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, passkeys, views
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
        path("editions/", admin_views.editions_index, name="rapporteur_editions"),
        path("editions/<int:edition_id>/", admin_views.edition_dashboard, name="rapporteur_edition_dashboard"),
        path("editions/<int:edition_id>/launch/", admin_views.launch_now, name="rapporteur_edition_launch_now"),
    ]


@hooks.register("register_admin_menu_item")
def editions_menu_item():
    return MenuItem("Editions dashboard", reverse("rapporteur_editions"), icon_name="calendar", order=150)


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
