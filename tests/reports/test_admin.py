"""Editors can open every page type and snippet in the admin, and preview drafts."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from rapporteur.reports.models import CountryEntryPage, OrganisationSettings

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
