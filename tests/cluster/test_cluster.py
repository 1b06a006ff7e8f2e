"""The scale-out shape on one machine: two app servers (each its own working folder and static
files), one PostgreSQL, one Redis, a shared media folder and one scheduler. What is published
anywhere is served by every app server at once; a launch reaches both within 5 s; a file the
scheduler builds is served by both."""

import os
import time
import urllib.error
import urllib.request

import pytest

from rapporteur.demo.instance import redis_server, served_cluster
from tests.support.helpers import embargoed_edition_script, pdf_text, require_tool

pytestmark = pytest.mark.browser  # slow: a scratch database, Redis, two servers and a scheduler

PUBLISH_KAZAKHSTAN_AS = """
from rapporteur.reports.models import CountryEntryPage
entry = CountryEntryPage.objects.get(country__iso_code="KZ", locale__language_code="en", url_path__contains="/2013/")
draft = entry.get_latest_revision_as_object()
draft.summary = "<p>{token}</p>"
draft.save_revision().publish()
"""
KAZAKHSTAN = "/en/2013/europe-and-central-asia/kazakhstan/"


@pytest.fixture(scope="module")
def cluster():
    redis = require_tool("redis-server", "the shared cache; apt-get install redis-server")
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        # a plain skip, never a failure under RAPPORTEUR_REQUIRE_EXTERNAL: nothing is missing here
        pytest.skip("the cluster shape needs PostgreSQL — CI runs it in its PostgreSQL pass")
    with redis_server(redis) as cache_url, served_cluster(cache_url, app_servers=2) as cluster:
        yield cluster


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def first_time(condition, timeout):
    """Seconds until ``condition()`` holds, or None if it does not within ``timeout``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(0.1)
    return None


def test_the_app_servers_have_their_own_working_folders_and_share_the_media(cluster):
    a, b = cluster.servers
    assert a.env["RAPPORTEUR_VAR_DIR"] != b.env["RAPPORTEUR_VAR_DIR"]
    assert a.env["STATIC_ROOT"] != b.env["STATIC_ROOT"]
    assert a.env["MEDIA_ROOT"] == b.env["MEDIA_ROOT"] == cluster.scheduler_env["MEDIA_ROOT"]
    assert a.env["CACHE_URL"] == b.env["CACHE_URL"] and a.env["CACHE_URL"].startswith("redis://")


def test_what_is_published_through_one_server_is_served_by_the_other_at_once(cluster):
    a, b = cluster.servers
    for server in (a, b):  # both have the page in the shared cache now
        status, body = get(server.base_url + KAZAKHSTAN)
        assert status == 200 and b"CLUSTER-EDIT" not in body
    a.shell(PUBLISH_KAZAKHSTAN_AS.format(token="CLUSTER-EDIT"))  # an editor's publish, on server A's machine
    status, body = get(b.base_url + KAZAKHSTAN)  # at once: no waiting, no retry
    assert status == 200 and b"CLUSTER-EDIT" in body
    assert b"CLUSTER-EDIT" in get(a.base_url + KAZAKHSTAN)[1]


def test_an_embargoed_edition_goes_live_on_every_server_within_five_seconds(cluster):
    a, b = cluster.servers
    launch_at = float(a.shell(embargoed_edition_script(6)).strip().splitlines()[-1])
    path = "/en/2014/africa/ghana/"
    assert time.time() < launch_at, "the setup took too long to test the embargo"
    assert get(a.base_url + path)[0] == get(b.base_url + path)[0] == 404
    live_on = {}
    while len(live_on) < 2 and time.time() < launch_at + 15:
        for server in (a, b):
            if server.base_url not in live_on:
                status, body = get(server.base_url + path)
                if status == 200:
                    assert b"LAUNCH-TOKEN" in body
                    live_on[server.base_url] = time.time()
        time.sleep(0.1)
    assert len(live_on) == 2, f"live on {len(live_on)} of 2 servers 15 s after the launch time"
    for server, when in live_on.items():
        assert when >= launch_at - 0.5, f"{server} served it before its launch time"
        assert when - launch_at <= 5, f"{server} served it {when - launch_at:.1f} s after its launch time"


def test_a_file_the_scheduler_builds_is_served_by_every_server(cluster):
    a, b = cluster.servers
    path = "/en/2013/files/annual-report-2013.pdf"
    a.shell(PUBLISH_KAZAKHSTAN_AS.format(token="Pdfcheckword"))  # publishing asks the scheduler for new files

    def rebuilt():
        status, pdf = get(a.base_url + path)
        return status == 200 and "Pdfcheckword" in pdf_text(pdf)

    assert first_time(rebuilt, timeout=180) is not None, "no new PDF in 3 minutes:\n" + cluster.scheduler.output()
    assert get(b.base_url + path) == get(a.base_url + path)
