"""The edition dashboard: entries per region and stage, the launch time and the launch button."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from rapporteur.editorial.dashboard import edition_progress
from rapporteur.editorial.embargo import launch_time
from rapporteur.reports.models import CountryEntryPage, EditionPage
from tests.support.helpers import add_entry, approve, form_fields, soup

pytestmark = pytest.mark.django_db


def stage_counts(html, region):
    row = html.find("tr", attrs={"data-region": region})
    return {cell["data-stage"]: int(cell.get_text()) for cell in row.find_all("td", attrs={"data-stage": True})}


def test_dashboard_counts_entries_at_each_stage(team, signed_in, embargoed_edition):
    edition, africa, launch_at = embargoed_edition
    researcher, editor = team["researcher_africa"], team["editor_africa"]
    add_entry(africa, "GH", user=researcher)  # draft
    in_review = add_entry(africa, "KE", user=researcher)
    in_review.get_workflow().start(in_review, researcher)
    sent_back = add_entry(africa, "NG", user=researcher)
    state = sent_back.get_workflow().start(sent_back, researcher)
    state.current_task_state.task.on_action(state.current_task_state, editor, "reject", comment="Sources?")
    approve(add_entry(africa, "SN", user=researcher), team["publisher"])

    html = BeautifulSoup(
        signed_in("researcher_africa").get(reverse("rapporteur_edition_dashboard", args=(edition.pk,))).content,
        "html.parser",
    )
    counts = stage_counts(html, "Africa")
    assert counts["Draft"] == 1
    assert counts["Regional review"] == 1
    assert counts["Changes requested"] == 1
    assert counts["Approved, waiting for launch"] == 1
    assert counts["Live"] == 0
    assert html.find(attrs={"data-launch-at": True})
    assert not html.find("button", string="Launch now"), "researchers cannot launch"


def test_dashboard_warns_when_a_region_overview_is_not_approved(team, embargoed_edition):
    edition, africa, launch_at = embargoed_edition
    approve(add_entry(africa, "GH"), team["publisher"])
    africa.unpublish()  # the overview's approval withdrawn
    warnings = " ".join(edition_progress(edition).warnings)
    assert "The Africa overview is not approved" in warnings


def test_publisher_sets_the_launch_time_and_can_launch(team, signed_in, embargoed_edition):
    edition, africa, launch_at = embargoed_edition
    client = signed_in("publisher")
    url = reverse("rapporteur_edition_dashboard", args=(edition.pk,))
    new_time = (timezone.localtime() + datetime.timedelta(days=3)).replace(second=0, microsecond=0)
    approve(add_entry(africa, "GH"), team["publisher"])  # a ready edition: one region, its overview, one entry
    response = client.post(url, {"launch_at": new_time.strftime("%Y-%m-%dT%H:%M")})
    assert response.status_code == 302
    assert launch_time(edition) == new_time
    assert b"Embargoed until" in client.get(url).content
    # a researcher may look but not change it
    assert signed_in("researcher_africa").post(url, {"launch_at": "2030-01-01T00:00"}).status_code in (302, 403)
    assert launch_time(edition) == new_time
    past = client.post(url, {"launch_at": "2001-01-01T00:00"})
    assert b"Choose a time in the future" in past.content
    client.post(reverse("rapporteur_edition_launch_now", args=(edition.pk,)))
    assert EditionPage.objects.get(pk=edition.pk).live
    assert b"Launched" in client.get(url).content


def test_a_published_edition_cannot_be_put_under_embargo(signed_in, edition):
    url = reverse("rapporteur_edition_dashboard", args=(edition.pk,))
    client = signed_in("publisher")
    page = client.get(url).content
    assert b"Published, with no embargo." in page and b"Set launch time" not in page and b"Launch now" not in page
    assert client.post(url, {"launch_at": "2099-01-01T00:00"}).status_code in (302, 403)
    assert launch_time(edition) is None
    assert EditionPage.objects.get(pk=edition.pk).live


def test_launch_times_name_their_zone_and_give_utc(settings, signed_in, embargoed_edition):
    settings.TIME_ZONE = "Asia/Almaty"  # UTC+5, no summer time
    edition, africa, launch_at = embargoed_edition
    client = signed_in("publisher")
    url = reverse("rapporteur_edition_dashboard", args=(edition.pk,))
    html = BeautifulSoup(client.get(url).content, "html.parser")
    local, utc = timezone.localtime(launch_at), launch_at.astimezone(datetime.UTC)
    shown = html.find(attrs={"data-launch-at": True}).get_text(" ", strip=True)
    # when the two fall on different days (launch between 19:00 and 24:00 UTC), the UTC date is given too
    assert (
        f"{local:%H:%M} +05 ({utc:%H:%M} UTC)" in shown
        or f"{local:%H:%M} +05 ({utc.day} {utc:%B %Y, %H:%M} UTC)" in shown
    )
    assert "(Asia/Almaty time)" in html.find("label", attrs={"for": "id_launch_at"}).get_text()
    assert "In Asia/Almaty time" in html.find(id="id_launch_at-helptext").get_text()
    assert " +05 (" in client.get(reverse("rapporteur_editions")).content.decode()


def test_an_incomplete_edition_launches_only_when_the_publisher_confirms(team, signed_in, embargoed_edition):
    edition, africa, launch_at = embargoed_edition
    in_review = add_entry(africa, "KE", user=team["researcher_africa"])
    in_review.get_workflow().start(in_review, team["researcher_africa"])
    client = signed_in("publisher")
    url = reverse("rapporteur_edition_dashboard", args=(edition.pk,))
    reasons = BeautifulSoup(client.get(url).content, "html.parser").find(attrs={"data-launch-blockers": True})
    text = reasons.get_text(" ", strip=True)
    assert "No country entry is approved" in text and "1 country entry is still in draft or review (Africa 1)" in text

    refused = client.post(reverse("rapporteur_edition_launch_now", args=(edition.pk,)), follow=True)
    assert "Not launched: this edition is not ready." in refused.content.decode()
    assert not EditionPage.objects.get(pk=edition.pk).live

    later = (timezone.localtime() + datetime.timedelta(days=2)).replace(second=0, microsecond=0)
    unconfirmed = client.post(url, {"launch_at": later.strftime("%Y-%m-%dT%H:%M")})
    assert b"confirm to schedule it anyway" in unconfirmed.content
    assert launch_time(edition) == launch_at, "the launch time is unchanged"
    confirmed = client.post(url, {"launch_at": later.strftime("%Y-%m-%dT%H:%M"), "launch_anyway": "on"})
    assert confirmed.status_code == 302 and launch_time(edition) == later

    client.post(reverse("rapporteur_edition_launch_now", args=(edition.pk,)), {"launch_anyway": "1"})
    assert EditionPage.objects.get(pk=edition.pk).live


def test_publishing_an_empty_edition_from_its_editor_is_not_a_launch(admin_client, edition):
    edition = edition.get_parent().add_child(
        instance=EditionPage(title="Annual Report 2031", slug="2031", year=2031, live=False)
    )
    edition.save_revision()
    data = form_fields(admin_client, reverse("wagtailadmin_pages:edit", args=(edition.pk,)), "form#page-edit-form")
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(edition.pk,)), {**data, "subtitle": "New words", "action-publish": "1"}
    )
    assert response.status_code == 302 and response["Location"].endswith(
        reverse("rapporteur_edition_dashboard", args=(edition.pk,))
    )
    assert not EditionPage.objects.get(pk=edition.pk).live
    assert EditionPage.objects.get(pk=edition.pk).get_latest_revision_as_object().subtitle == "New words"


def test_each_count_leads_to_the_pages_behind_it(team, signed_in, embargoed_edition):
    edition, africa, launch_at = embargoed_edition
    add_entry(africa, "GH", user=team["researcher_africa"])
    approve(add_entry(africa, "SN"), team["publisher"])
    client = signed_in("editor_africa")
    html = soup(client.get(reverse("rapporteur_edition_dashboard", args=(edition.pk,))))
    row = html.find("tr", attrs={"data-region": "Africa"})
    draft_link = row.find("td", attrs={"data-stage": "Draft"}).find("a")
    listing = soup(client.get(draft_link["href"]))
    titles = [a.get_text() for a in listing.select("[data-edition-pages] td a")]
    assert titles == ["Ghana"]
    assert listing.select_one("[data-edition-pages] td a")["href"].endswith(
        f"/admin/pages/{CountryEntryPage.objects.get(title='Ghana').pk}/edit/"
    )
    assert row.find("td", attrs={"data-stage": "Live"}).find("a") is None  # nothing there, nothing to follow
    everything = soup(client.get(row.find_all("td")[-1].find("a")["href"]))
    assert sorted(a.get_text() for a in everything.select("[data-edition-pages] td a")) == ["Ghana", "Senegal"]
    bad = client.get(reverse("rapporteur_edition_pages", args=(edition.pk,)) + "?stage=Nonsense", follow=True)
    assert bad.status_code == 200 and "Unknown stage" in bad.content.decode()


def test_a_time_just_after_midnight_keeps_its_hour():
    """At 00:16 UTC the launch time once read "(:16 UTC)": a leading zero was stripped from the hour."""
    import datetime

    from django.utils import timezone

    from rapporteur.editorial.times import with_zone

    moment = datetime.datetime(2026, 12, 1, 0, 16, tzinfo=datetime.UTC)
    with timezone.override("Asia/Almaty"):
        assert with_zone(moment) == "1 December 2026, 05:16 +05 (00:16 UTC)"
    with timezone.override("America/New_York"):
        assert with_zone(moment) == "30 November 2026, 19:16 EST (1 December 2026, 00:16 UTC)"
    with timezone.override("UTC"):
        assert with_zone(moment, with_date=False) == "00:16 UTC"
