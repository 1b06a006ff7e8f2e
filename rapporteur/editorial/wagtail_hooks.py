"""Admin integration: the Editions dashboard, and the audit log's workflow actions."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .audit import ACTIONS


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("editions/", admin_views.editions_index, name="rapporteur_editions"),
        path("editions/<int:edition_id>/", admin_views.edition_dashboard, name="rapporteur_edition_dashboard"),
        path("editions/<int:edition_id>/launch/", admin_views.launch_now, name="rapporteur_edition_launch_now"),
    ]


@hooks.register("register_admin_menu_item")
def editions_menu_item():
    return MenuItem("Editions dashboard", reverse("rapporteur_editions"), icon_name="calendar", order=150)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)
