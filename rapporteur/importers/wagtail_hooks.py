"""The Import page in the admin menu, its addresses, and the import's entry in the audit log."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .access import may_import


class ImportMenuItem(MenuItem):
    """Shown to those who may add entries somewhere: researchers, regional editors, publishers, admins."""

    def is_shown(self, request):
        return may_import(request.user)


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("import/", admin_views.import_index, name="rapporteur_import"),
        path("import/<int:job_id>/", admin_views.import_job, name="rapporteur_import_job"),
        path("import/<int:job_id>/confirm/", admin_views.confirm_import, name="rapporteur_import_confirm"),
        path("import/<int:job_id>/remove/", admin_views.discard_import, name="rapporteur_import_discard"),
        path("import/download/<slug:which>.docx", admin_views.download, name="rapporteur_import_download"),
    ]


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem("Import", reverse("rapporteur_import"), icon_name="upload", order=160)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("rapporteur.import", "Imported", "Imported as a draft")
