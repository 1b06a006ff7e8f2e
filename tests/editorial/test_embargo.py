"""Embargoed launch: nothing of an edition is visible before the launch instant, everything approved after.

The edition page is the one gate: pages inside it are approved and published as usual, and
stay invisible until the edition page itself goes live at its scheduled time.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from rapporteur.editorial import embargo
from rapporteur.editorial.embargo import LaunchError, launch_edition, launch_time, publish_due, schedule_launch
from rapporteur.reports.models import Correction, CountryEntryPage, EditionPage
from tests.support.helpers import add_entry, approve

pytestmark = pytest.mark.django_db


def make_due(edition, when=None):
    """Bring the edition's scheduled launch to ``when`` (default: a second ago), as time passing would."""
    edition.revisions.filter(approved_go_live_at__isnull=False).update(
        approved_go_live_at=when or timezone.now() - datetime.timedelta(seconds=1)
    )


@pytest.fixture(autouse=True)
def no_retry_memory():
    embargo._failed_at.clear()
    yield
    embargo._failed_at.clear()


def test_approved_content_waits_for_the_launch(team, embargoed_edition, client):
    edition, africa, launch_at = embargoed_edition
    ghana = approve(add_entry(africa, "GH", "<p>EMBARGO-TOKEN</p>"), team["publisher"])
    assert ghana.live, "approved and published inside the edition"
    assert launch_time(edition) == launch_at
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
    edition, africa, launch_at = embargoed_edition
    approve(add_entry(africa, "GH", "<p>EMBARGO-TOKEN</p>"), team["publisher"])
    draft = add_entry(africa, "KE", "<p>STILL-A-DRAFT</p>")  # never approved

    assert launch_edition(edition, user=team["publisher"]) == 3  # edition, region, entry

    response = client.get("/en/2014/africa/ghana/")
    assert response.status_code == 200 and b"EMBARGO-TOKEN" in response.content
    assert b"Annual Report 2014" in client.get("/en/").content
    assert b"/en/2014/africa/ghana/" in client.get("/sitemap.xml").content
    assert client.get("/en/2014/africa/kenya/").status_code == 404
    assert not CountryEntryPage.objects.get(pk=draft.pk).live
    assert EditionPage.objects.get(pk=edition.pk).live
    assert launch_time(edition) is None, "the schedule is used up"
    assert PageLogEntry.objects.filter(
        page=edition, action="rapporteur.launch", data__pages=3, user=team["publisher"]
    ).exists()
    assert launch_edition(edition) == 0  # launching twice does nothing


def test_if_the_launch_fails_nothing_goes_live(team, embargoed_edition, client):
    edition, africa, launch_at = embargoed_edition
    ghana = approve(add_entry(africa, "GH", "<p>EMBARGO-TOKEN</p>"), team["publisher"])
    # The edition's approved version has since become invalid: it now claims the year of another edition.
    revision = embargo.scheduled_launch(edition)
    revision.content["year"] = 2013
    revision.save()

    with pytest.raises(LaunchError, match="already an edition for 2013"):
        launch_edition(edition, user=team["publisher"])

    assert not EditionPage.objects.get(pk=edition.pk).live
    for url in ("/en/2014/", "/en/2014/africa/", "/en/2014/africa/ghana/"):
        assert client.get(url).status_code == 404, url
    assert CountryEntryPage.objects.get(pk=ghana.pk).live  # approved work is kept for the next attempt
    failure = embargo.last_failure(edition)
    assert failure is not None and "2013" in failure.data["reason"]


def test_scheduler_launches_due_editions_and_retries_later(team, embargoed_edition, client):
    edition, africa, launch_at = embargoed_edition
    approve(add_entry(africa, "GH"), team["publisher"])
    assert publish_due() == []  # not yet
    assert not EditionPage.objects.get(pk=edition.pk).live
    make_due(edition)
    assert publish_due() == [EditionPage.objects.get(pk=edition.pk)]
    assert EditionPage.objects.get(pk=edition.pk).live
    assert client.get("/en/2014/africa/ghana/").status_code == 200
    assert PageLogEntry.objects.filter(page=edition, action="rapporteur.launch", data__pages=3).exists()


def test_a_failed_scheduled_launch_is_recorded_and_retried(team, embargoed_edition, monkeypatch):
    edition, africa, launch_at = embargoed_edition
    revision = embargo.scheduled_launch(edition)
    revision.content["year"] = 2013  # invalid for now
    revision.save()
    make_due(edition)
    assert publish_due() == []
    assert "2013" in embargo.last_failure(edition).data["reason"]
    assert not EditionPage.objects.get(pk=edition.pk).live

    revision.refresh_from_db()
    revision.content["year"] = 2014  # repaired
    revision.save()
    assert publish_due() == [], "retried only after a pause"
    monkeypatch.setattr(embargo, "RETRY_AFTER_SECONDS", 0)
    assert publish_due() == [EditionPage.objects.get(pk=edition.pk)]
    assert embargo.last_failure(EditionPage.objects.get(pk=edition.pk)) is None


def test_one_failing_page_holds_back_no_launch(team, embargoed_edition):
    """Wagtail's own publish_scheduled stops at the first failure; the scheduler must not."""
    edition, africa, launch_at = embargoed_edition
    kenya = add_entry(africa, "KE")
    add_entry(africa, "GH")
    broken = kenya.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=5))
    broken.content["slug"] = "ghana"  # would clash with Ghana's address
    broken.save()
    make_due(edition)  # due after Kenya's
    assert publish_due() == [EditionPage.objects.get(pk=edition.pk)]
    assert not CountryEntryPage.objects.get(pk=kenya.pk).live
    broken.refresh_from_db()
    assert broken.approved_go_live_at is not None, "the failed page keeps its schedule, to be retried"


def test_two_schedulers_never_publish_a_revision_twice(team, embargoed_edition):
    edition, africa, launch_at = embargoed_edition
    make_due(edition)
    revision = embargo.scheduled_launch(edition)
    now = timezone.now()
    assert embargo.publish_if_still_due(revision, now) is True
    assert embargo.publish_if_still_due(revision, now) is False, "the second scheduler finds it done"
    assert PageLogEntry.objects.filter(page=edition, action="wagtail.publish.scheduled").count() == 1


def test_the_launch_happens_at_its_instant_not_before(team, embargoed_edition):
    edition, africa, launch_at = embargoed_edition
    approve(add_entry(africa, "GH"), team["publisher"])
    soon = timezone.now() + datetime.timedelta(seconds=2)
    make_due(edition, soon)
    assert publish_due() == [], "nothing is prepared ahead: the edition page goes live when its time comes"
    assert not EditionPage.objects.get(pk=edition.pk).live
    assert publish_due(now=soon) == [EditionPage.objects.get(pk=edition.pk)]
    launched = EditionPage.objects.get(pk=edition.pk)
    assert launched.live and launched.first_published_at >= soon - datetime.timedelta(seconds=2)


def test_scheduled_publishing_inside_an_embargo_stays_invisible(team, embargoed_edition, client):
    edition, africa, launch_at = embargoed_edition
    ghana = add_entry(africa, "GH", "<p>SCHEDULED-TOKEN</p>")
    # Ghana's own go-live time passes before the launch: it is published, but under the unpublished edition.
    ghana.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert publish_due() == []
    assert CountryEntryPage.objects.get(pk=ghana.pk).live
    assert not EditionPage.objects.get(pk=edition.pk).live
    response = client.get("/en/2014/africa/ghana/")
    assert response.status_code == 404 and b"SCHEDULED-TOKEN" not in response.content


def test_moving_the_launch_moves_the_whole_edition(team, embargoed_edition, client):
    edition, africa, launch_at = embargoed_edition
    approve(add_entry(africa, "GH"), team["publisher"])
    later = launch_at + datetime.timedelta(days=2)
    schedule_launch(edition, later)
    assert launch_time(edition) == later
    assert publish_due(now=launch_at + datetime.timedelta(minutes=1)) == [], "the old time has no effect"
    assert client.get("/en/2014/africa/ghana/").status_code == 404
    assert publish_due(now=later) == [EditionPage.objects.get(pk=edition.pk)]
    assert client.get("/en/2014/africa/ghana/").status_code == 200


def test_published_entries_carry_dated_corrections(kazakhstan, read):
    kazakhstan.corrections = [Correction(corrected_on=datetime.date(2013, 6, 3), text="The verdict date was wrong.")]
    kazakhstan.save_revision().publish()
    _, html = read("/en/2013/europe-and-central-asia/kazakhstan/")
    section = html.find(id="corrections")
    assert "3 June 2013: The verdict date was wrong." in section.li.get_text()
    assert html.find("p", class_="corrected").time["datetime"] == "2013-06-03"
    assert html.select_one('nav.entry__contents a[href="#corrections"]')
