from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from rapporteur.editorial.workflow_messages import workflow_action
from rapporteur.reports.views import cookie_notice_answer, favicon, jump, robots_txt, sitemap

urlpatterns = [
    # Wagtail's review action, followed by a word on what it did (see editorial.workflow_messages)
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        workflow_action,
        name="rapporteur_workflow_action",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("cookie-notice/", cookie_notice_answer, name="cookie_notice_answer"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("", include("rapporteur.opendata.urls")),  # /api/v1/
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Reader pages live under a language prefix: /en/2013/... The archive's views (/en/search/,
# /en/countries/<slug>/...) come first, so those four words are reserved page slugs; then an
# edition's jump form and files; then Wagtail's own page serving.
urlpatterns += i18n_patterns(
    path("", include("rapporteur.archive.urls")),
    path("", include("rapporteur.publishing.urls")),
    path("", include("rapporteur.opendata.dataset_urls")),
    path("", include("rapporteur.opendata.feed_urls")),
    path("<int:year>/jump/", jump, name="edition_jump"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# A write that gave up waiting for another one answers "try again" (503), not a server error.
handler500 = "rapporteur.errors.server_error"
handler404 = "rapporteur.errors.page_not_found"
