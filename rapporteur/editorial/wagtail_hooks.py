"""Admin integration: the Editions dashboard, the Translations pages, and the audit log's workflow actions."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.staticfiles import versioned_static

from rapporteur.reports.models import EditionPage

from . import admin_views, translation_views
from .audit import ACTIONS
from .dashboard import edition_progress
from .workflow_messages import step_just_taken, tell_author, tell_reviewer


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("editions/", admin_views.editions_index, name="rapporteur_editions"),
        path("editions/<int:edition_id>/", admin_views.edition_dashboard, name="rapporteur_edition_dashboard"),
        path("editions/<int:edition_id>/launch/", admin_views.launch_now, name="rapporteur_edition_launch_now"),
        path("editions/<int:edition_id>/rebuild/", admin_views.rebuild_files, name="rapporteur_edition_rebuild"),
        path("editions/<int:edition_id>/pages/", admin_views.edition_pages, name="rapporteur_edition_pages"),
        path("translations/", translation_views.index, name="rapporteur_translations"),
        path("translations/<str:language>/", translation_views.language_page, name="rapporteur_translations_language"),
        path(
            "translations/<str:language>/start/<int:page_id>/",
            translation_views.start,
            name="rapporteur_translations_start",
        ),
        path(
            "translations/<str:language>/submit/<int:translation_id>/",
            translation_views.submit,
            name="rapporteur_translations_submit",
        ),
        path(
            "translations/<str:language>/take-changes/<int:translation_id>/",
            translation_views.take_changes,
            name="rapporteur_translations_take_changes",
        ),
        path(
            "translations/<str:language>/edition/<int:edition_id>/po.zip",
            translation_views.download_edition,
            name="rapporteur_translations_download",
        ),
        path("translations/<str:language>/upload/", translation_views.upload, name="rapporteur_translations_upload"),
    ]


class TranslationsMenuItem(MenuItem):
    """Shown to translators, publishers and administrators of a language other than the source."""

    def is_shown(self, request):
        return bool(translation_views.languages_for(request.user))


@hooks.register("insert_global_admin_css")
def translation_editor_css():
    """Right-to-left segments in wagtail-localize's editor (see the stylesheet)."""
    return format_html('<link rel="stylesheet" href="{}">', versioned_static("editorial/translation-editor.css"))


@hooks.register("register_admin_menu_item")
def translations_menu_item():
    return TranslationsMenuItem("Translations", reverse("rapporteur_translations"), icon_name="globe", order=160)


@hooks.register("register_admin_menu_item")
def editions_menu_item():
    return MenuItem("Editions dashboard", reverse("rapporteur_editions"), icon_name="calendar", order=150)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("before_publish_page")
def launch_only_a_ready_edition(request, page):
    """Publishing an unlaunched edition page from its editor is its launch: refuse an incomplete one.

    The editor's Publish button has no "launch anyway" question, so an incomplete edition is
    sent to its dashboard, which lists the reasons and asks for explicit confirmation. The
    editor's changes are already saved as a draft by then, so nothing is lost.
    """
    if (
        not isinstance(page.specific_deferred, EditionPage)
        or EditionPage.objects.filter(pk=page.pk, live=True).exists()
    ):
        return None
    blockers = edition_progress(page.specific_deferred).launch_blockers
    if not blockers:
        return None
    messages.error(
        request,
        "Your changes are saved as a draft, but the edition was not launched: it is not ready. "
        + " ".join(blockers)
        + " Launch it from here once it is ready, or confirm that it should launch as it is.",
    )
    return redirect("rapporteur_edition_dashboard", page.pk)


@hooks.register("before_edit_page")
def show_the_authors_requested_changes(request, page):
    if request.method == "GET":
        tell_author(request, page)


@hooks.register("after_edit_page")
def say_what_the_review_step_did(request, page):
    if request.POST.get("action-workflow-action"):
        tell_reviewer(request, step_just_taken(page, request.user))
