"""The entry form says what is missing: at once when a save fails, and after a draft is saved."""

import json

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from rapporteur.reports.models import Country, CountryEntryPage, RegionPage, Theme
from rapporteur.reports.models.blocks import ThemeSectionBlock
from tests.support.helpers import soup

pytestmark = pytest.mark.django_db

EMPTY_INLINES = {
    name: inline_formset([])
    for name in ("office_holders", "facts", "related_reports", "visits", "corrections", "comments")
}


def entry_form(title="", country=None, summary="", sections=()):
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "country": country.pk if country else "",
            "summary": rich_text(summary),
            "body": streamfield(
                [
                    (
                        "section",
                        {
                            "theme": theme.pk if theme else "",
                            "heading": "",
                            "content": streamfield([("paragraph", rich_text(text))]),
                        },
                    )
                    for theme, text in sections
                ]
            ),
            **EMPTY_INLINES,
        }
    )


@pytest.fixture
def region(edition):
    return RegionPage.objects.child_of(edition).get(region__slug="europe-and-central-asia")


def add(admin_client, region, data):
    return admin_client.post(reverse("wagtailadmin_pages:add", args=("reports", "countryentrypage", region.pk)), data)


def field_errors(response):
    html = soup(response)
    return {
        error["id"].removesuffix("-errors"): error.get_text(" ", strip=True)
        for error in html.select("[data-field-errors]")
        if error.get_text(strip=True)
    }


def said(response):
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def test_an_empty_save_flags_everything_a_submission_will_need(admin_client, region):
    response = add(admin_client, region, entry_form())
    assert response.status_code == 200
    errors = field_errors(response)
    flagged = {key.rsplit("-", 1)[-1]: text for key, text in errors.items()}
    assert "required" in flagged["title"] and "required" in flagged["country"]
    assert "Needed before this page can be submitted" in flagged["summary"]
    body = soup(response).select_one("#panel-child-content-child-body-wrapper [data-w-block-arguments-value]")
    assert (
        "Needed before this page can be submitted" in json.loads(body["data-w-block-arguments-value"])[1]["messages"][0]
    )


def test_a_draft_saves_with_gaps_and_says_what_they_are(admin_client, region):
    uzbekistan = Country.objects.get_or_create(iso_code="UZ")[0]
    response = add(admin_client, region, entry_form("Uzbekistan", uzbekistan))
    assert response.status_code == 302, field_errors(response)
    assert "Saved as a draft. Before it can be submitted for review: Summary is empty. Body is empty." in said(response)


def test_an_empty_paragraph_is_not_saved_silently(admin_client, region):
    uzbekistan = Country.objects.get_or_create(iso_code="UZ")[0]
    torture = Theme.objects.get(slug="torture-and-other-ill-treatment")
    data = entry_form("Uzbekistan", uzbekistan, "A summary.", [(torture, "Words."), (None, "")])
    response = add(admin_client, region, data)
    assert response.status_code == 302, field_errors(response)
    message = said(response)
    assert "Section 2 has no theme." in message
    assert "Section 2 has a paragraph with no text: write it or remove it." in message
    assert "Section 1" not in message
    entry = CountryEntryPage.objects.get(title="Uzbekistan")
    # submitting is where Wagtail's own required checks apply: the empty paragraph is refused there
    assert len(entry.get_latest_revision_as_object().body) == 2


def test_a_new_theme_section_opens_with_a_paragraph_to_write_in():
    content = ThemeSectionBlock().child_blocks["content"].get_default()
    assert [child.block_type for child in content] == ["paragraph"]
