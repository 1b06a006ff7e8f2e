"""The scheduler process launches an edition within 5 seconds of its launch time, as `make demo` runs it."""

import time
import urllib.error
import urllib.request

import pytest

from rapporteur.demo.instance import served_demo

pytestmark = pytest.mark.browser  # slow: a real server and scheduler

EMBARGOED_EDITION = """
import datetime
from django.utils import timezone
from rapporteur.editorial.embargo import schedule_launch
from rapporteur.reports.models import Country, CountryEntryPage, EditionPage, HomePage, Region, RegionPage
edition = EditionPage(title="Annual Report 2014", year=2014, live=False)
HomePage.objects.get(locale__language_code="en").add_child(instance=edition)
edition.save_revision()
schedule_launch(edition, timezone.now() + datetime.timedelta(days=1))
region = RegionPage(title="Africa", slug="africa", region=Region.objects.get(slug="africa"), teaser="t", overview=[], live=False)
edition.add_child(instance=region)
region.save_revision().publish()
ghana = Country.objects.create(iso_code="GH")
entry = CountryEntryPage(title="Ghana", slug="ghana", country=ghana, summary="<p>LAUNCH-TOKEN</p>", body=[], live=False)
region.add_child(instance=entry)
entry.save_revision().publish()
# Everything is ready and waiting: now bring the launch close (the time setup took does not matter).
launch_at = timezone.now() + datetime.timedelta(seconds=6)
schedule_launch(edition, launch_at)
print(launch_at.timestamp())
"""


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_edition_goes_live_within_five_seconds_of_launch_time():
    with served_demo(scheduler=True) as instance:
        launch_at = float(instance.shell(EMBARGOED_EDITION).strip().splitlines()[-1])
        url = instance.base_url + "/en/2014/africa/ghana/"
        assert time.time() < launch_at, "the setup took too long to test the embargo"
        assert status(url)[0] == 404
        while True:
            code, body = status(url)
            now = time.time()
            if code == 200:
                break
            assert now < launch_at + 10, "not launched 10 s after its time"
            time.sleep(0.1)
        assert now >= launch_at - 0.5, "went live before its launch time"
        assert now - launch_at <= 5, f"went live {now - launch_at:.1f} s after its launch time"
        assert b"LAUNCH-TOKEN" in body
