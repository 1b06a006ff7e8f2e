"""Editors can open every page type and snippet in the admin, and preview drafts."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from rapporteur.reports.models import CountryEntryPage, GlossaryPage, OrganisationSettings
from tests.support.helpers import form_fields

pytestmark = pytest.mark.django_db


def test_every_demo_page_opens_in_the_editor(admin_client):
    pages = Page.objects.filter(depth__gte=2)
    assert pages.count() > 30
    for page in pages:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200, f"{page.url_path}: {response.status_code}"


@pytest.mark.parametrize("model", ["region", "country", "theme", "person", "glossaryterm"])
def test_vocabulary_snippets_are_listed_and_editable(admin_client, model):
    listing = admin_client.get(reverse(f"wagtailsnippets_reports_{model}:list"))
    assert listing.status_code == 200
    from django.apps import apps

    instance = apps.get_model("reports", model).objects.first()
    edit = admin_client.get(reverse(f"wagtailsnippets_reports_{model}:edit", args=(instance.pk,)))
    assert edit.status_code == 200


def test_organisation_settings_are_editable(admin_client):
    settings = OrganisationSettings.objects.get()
    response = admin_client.get(
        reverse("wagtailsettings:edit", args=("reports", "organisationsettings", settings.site_id))
    )
    assert response.status_code == 200
    assert b"Social networks" in response.content


def test_preview_shows_the_draft_to_staff_but_not_to_readers(client, kazakhstan):
    client.get(kazakhstan.url)  # a reader warms the cache with the live entry
    kazakhstan.summary = "<p>DRAFT-IN-PREVIEW</p>"
    revision = kazakhstan.save_revision()
    draft = revision.as_object()
    preview = draft.make_preview_request()
    assert b"DRAFT-IN-PREVIEW" in preview.content
    live = client.get(kazakhstan.url)
    assert b"DRAFT-IN-PREVIEW" not in live.content
    assert CountryEntryPage.objects.get(pk=kazakhstan.pk).summary != "<p>DRAFT-IN-PREVIEW</p>"


def preview_of(admin_client, form_url, preview_url, **changes):
    """Wagtail's side panel: the form is posted to the preview view, then the panel's frame loads it."""
    data = {**form_fields(admin_client, form_url), **changes}
    posted = admin_client.post(preview_url, data)
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content[:2000]
    return admin_client.get(preview_url)


def test_the_preview_panel_may_be_framed_by_the_admin_and_shows_the_draft(admin_client, edition, kazakhstan, client):
    glossary = GlossaryPage.objects.child_of(edition).get()
    shown = preview_of(
        admin_client,
        reverse("wagtailadmin_pages:edit", args=(glossary.pk,)),
        reverse("wagtailadmin_pages:preview_on_edit", args=(glossary.pk,)),
        title="Glossary (draft in the panel)",
    )
    assert shown.status_code == 200
    assert b"Glossary (draft in the panel)" in shown.content
    assert "frame-ancestors 'self'" in shown["Content-Security-Policy"]
    assert shown["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in kazakhstan.make_preview_request()["Content-Security-Policy"]
    # readers' responses may never be framed
    assert "frame-ancestors 'none'" in client.get(kazakhstan.url)["Content-Security-Policy"]


def test_a_new_edition_can_be_previewed_before_it_is_saved(admin_client, edition):
    home = edition.get_parent()
    shown = preview_of(
        admin_client,
        reverse("wagtailadmin_pages:add", args=("reports", "editionpage", home.pk)),
        reverse("wagtailadmin_pages:preview_on_add", args=("reports", "editionpage", home.pk)),
        title="Annual report 2031",
        slug="2031",
        year="2031",
    )
    assert shown.status_code == 200
    assert b"Annual report 2031" in shown.content
    assert "frame-ancestors 'self'" in shown["Content-Security-Policy"]
