"""Embargoed launch: nothing of an edition is visible before the launch instant, everything approved after."""

import datetime

import pytest
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import PageLogEntry

from rapporteur.editorial.embargo import LaunchError, launch_due_editions, launch_edition, publish_scheduled
from rapporteur.editorial.models import EditionLaunch
from rapporteur.reports.models import Correction, CountryEntryPage, EditionPage

from .conftest import add_entry, approve

pytestmark = pytest.mark.django_db


def test_approved_content_waits_for_the_launch(team, embargoed_edition, client):
    edition, africa, launch = embargoed_edition
    ghana = approve(add_entry(africa, "GH", "<p>EMBARGO-TOKEN</p>"), team["publisher"])
    assert not ghana.live
    assert ghana.get_latest_revision().approved_go_live_at == launch.launch_at
    assert not EditionPage.objects.get(pk=edition.pk).live

    nothing_here = client.get("/en/2014/africa/atlantis/")
    for url in ("/en/2014/", "/en/2014/africa/", "/en/2014/africa/ghana/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.content == nothing_here.content, f"{url} must look exactly like a page that does not exist"
    assert client.get("/en/2014/jump/", {"country": "ghana"}).status_code == 404
    for url in ("/en/", "/sitemap.xml", "/en/2013/"):
        body = client.get(url).content.decode()
        for secret in ("/en/2014/", "Annual Report 2014", "EMBARGO-TOKEN"):
            assert secret not in body, f"{secret} on {url}"


def test_launch_publishes_the_whole_edition_at_once(team, embargoed_edition, client):
    edition, africa, launch = embargoed_edition
    approve(add_entry(africa, "GH", "<p>EMBARGO-TOKEN</p>"), team["publisher"])
    draft = add_entry(africa, "KE", "<p>STILL-A-DRAFT</p>")  # never approved

    assert launch_edition(launch, user=team["publisher"]) == 3  # edition, region, entry

    response = client.get("/en/2014/africa/ghana/")
    assert response.status_code == 200 and b"EMBARGO-TOKEN" in response.content
    assert b"Annual Report 2014" in client.get("/en/").content
    assert b"/en/2014/africa/ghana/" in client.get("/sitemap.xml").content
    assert client.get("/en/2014/africa/kenya/").status_code == 404
    assert not CountryEntryPage.objects.get(pk=draft.pk).live
    launch.refresh_from_db()
    assert launch.launched_at and launch.launched_by == team["publisher"]
    assert PageLogEntry.objects.filter(page=edition, action="rapporteur.launch", data__pages=3).exists()
    assert launch_edition(launch) == 0  # launching twice does nothing


def test_if_one_page_fails_nothing_goes_live(team, embargoed_edition, client):
    edition, africa, launch = embargoed_edition
    ghana = approve(add_entry(africa, "GH", "<p>EMBARGO-TOKEN</p>"), team["publisher"])
    kenya = approve(add_entry(africa, "KE", "<p>OTHER-TOKEN</p>"), team["publisher"])
    # Kenya's approved revision has since become invalid: it now claims Ghana's address.
    revision = kenya.revisions.get(approved_go_live_at__isnull=False)
    revision.content["slug"] = "ghana"
    revision.save()

    with pytest.raises(LaunchError, match="Kenya"):
        launch_edition(launch, user=team["publisher"])

    for page in (edition, africa, ghana, kenya):
        assert not type(page).objects.get(pk=page.pk).live, page.title
    assert client.get("/en/2014/africa/ghana/").status_code == 404
    launch.refresh_from_db()
    assert launch.launched_at is None and "Kenya" in launch.last_failure
    assert PageLogEntry.objects.filter(page=edition, action="rapporteur.launch_failed").exists()


def test_scheduler_launches_due_editions_and_retries_later(team, embargoed_edition):
    edition, africa, launch = embargoed_edition
    approve(add_entry(africa, "GH"), team["publisher"])
    assert launch_due_editions() == []  # not yet
    EditionLaunch.objects.filter(pk=launch.pk).update(launch_at=timezone.now() - datetime.timedelta(seconds=1))
    assert launch_due_editions() == [EditionPage.objects.get(pk=edition.pk)]
    assert EditionPage.objects.get(pk=edition.pk).live


def test_launch_is_prepared_early_and_committed_at_the_instant(team, embargoed_edition, settings):
    edition, africa, launch = embargoed_edition
    approve(add_entry(africa, "GH"), team["publisher"])
    settings.RAPPORTEUR_LAUNCH_LEAD_SECONDS = 10
    soon = timezone.now() + datetime.timedelta(seconds=2)
    EditionLaunch.objects.filter(pk=launch.pk).update(launch_at=soon)
    assert launch_due_editions() == [EditionPage.objects.get(pk=edition.pk)]  # waited for the instant
    assert timezone.now() >= soon
    launched = EditionPage.objects.get(pk=edition.pk)
    assert launched.live and launched.first_published_at >= soon
    assert EditionLaunch.objects.get(pk=launch.pk).launched_at >= soon


def test_ordinary_scheduled_publishing_never_publishes_inside_an_embargo(team, embargoed_edition):
    edition, africa, launch = embargoed_edition
    ghana = approve(add_entry(africa, "GH"), team["publisher"])
    # The launch time passes but the launch has not happened (say it failed).
    past = timezone.now() - datetime.timedelta(minutes=1)
    EditionLaunch.objects.filter(pk=launch.pk).update(launch_at=past)
    ghana.revisions.update(approved_go_live_at=past)
    publish_scheduled()
    assert not CountryEntryPage.objects.get(pk=ghana.pk).live
    assert not EditionPage.objects.get(pk=edition.pk).live


def test_moving_the_launch_moves_every_approved_page(team, embargoed_edition):
    edition, africa, launch = embargoed_edition
    ghana = approve(add_entry(africa, "GH"), team["publisher"])
    later = launch.launch_at + datetime.timedelta(days=2)
    launch.launch_at = later
    launch.save()
    assert ghana.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at == later
    # and new revisions are stamped with the new time
    ghana.save_revision()
    assert parse_datetime(ghana.get_latest_revision().content["go_live_at"]) == later


def test_published_entries_carry_dated_corrections(kazakhstan, read):
    kazakhstan.corrections = [Correction(corrected_on=datetime.date(2013, 6, 3), text="The verdict date was wrong.")]
    kazakhstan.save_revision().publish()
    _, html = read("/en/2013/europe-and-central-asia/kazakhstan/")
    section = html.find(id="corrections")
    assert "3 June 2013: The verdict date was wrong." in section.li.get_text()
    assert html.find("p", class_="corrected").time["datetime"] == "2013-06-03"
    assert html.select_one('nav.entry__contents a[href="#corrections"]')
