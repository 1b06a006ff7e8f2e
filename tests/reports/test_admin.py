"""Editors can open every page type and snippet in the admin, and preview drafts."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from rapporteur.reports.models import Country, CountryEntryPage, GlossaryPage, OrganisationSettings, Person
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
    preview = kazakhstan.make_preview_request()
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert b"Cookies on this site" not in preview.content, "the notice would cover the narrow preview panel"
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


def test_a_person_is_added_from_the_picker_with_a_slug_from_their_name(admin_client):
    picker = admin_client.get(reverse("wagtailsnippetchoosers_reports_person:choose"))
    assert "Add a person" in picker.json()["html"]
    create = reverse("wagtailsnippetchoosers_reports_person:create")
    first = admin_client.post(create, {"new-person-name": "Aigerim Test-Person", "new-person-status": "journalist"})
    assert first.json()["step"] == "chosen", first.content[:500]
    second = admin_client.post(create, {"new-person-name": "Aigerim Test-Person", "new-person-status": "other"})
    assert second.json()["step"] == "chosen"
    slugs = sorted(Person.objects.filter(name="Aigerim Test-Person").values_list("slug", flat=True))
    assert slugs == ["aigerim-test-person", "aigerim-test-person-2"]
    # an editor may still choose the address, and a clash is explained rather than renamed silently
    clash = admin_client.post(create, {"new-person-name": "Someone", "new-person-slug": "aigerim-test-person"})
    assert clash.json()["step"] == "reshow_creation_form"
    assert "already exists" in clash.json()["htmlFragment"]


def test_a_country_is_added_from_the_picker_by_its_iso_code(admin_client):
    create = reverse("wagtailsnippetchoosers_reports_country:create")
    added = admin_client.post(create, {"new-country-iso_code": "uz"})
    assert added.json()["step"] == "chosen", added.content[:500]
    assert added.json()["result"]["string"] == "Uzbekistan"
    assert Country.objects.get(iso_code="UZ").slug == "uzbekistan"
    refused = admin_client.post(create, {"new-country-iso_code": "XX"})
    assert refused.json()["step"] == "reshow_creation_form"
    assert "not an ISO 3166-1 alpha-2 country code" in refused.json()["htmlFragment"]
