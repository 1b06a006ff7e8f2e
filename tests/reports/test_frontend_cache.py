"""Whenever readers' content changes, the shared cache in front is told to drop it — after the commit, never in the way.

A small HTTP server here stands in for Varnish's purge interface and records what it is sent;
the real Varnish, with the shipped configuration, is exercised in ``tests/deploy``.
"""

import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from wagtail.models import Page

from rapporteur.editorial.embargo import launch_edition
from rapporteur.reports import frontend_cache
from rapporteur.reports.models import Theme
from tests.support.helpers import add_entry, approve

pytestmark = pytest.mark.django_db


class PurgeListener(ThreadingHTTPServer):
    """Records each request as (method, path, Host); answers 200, or never when ``hang`` is set."""

    daemon_threads = True

    def __init__(self, hang=False):
        self.received = []
        self.hang = threading.Event() if hang else None
        super().__init__(("127.0.0.1", 0), self.Handler)

    class Handler(BaseHTTPRequestHandler):
        def answer(self):
            self.server.received.append((self.command, self.path, self.headers.get("Host")))
            if self.server.hang is not None:
                self.server.hang.wait(10)
                return
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_BAN = do_PURGE = answer

        def log_message(self, *args):
            pass

    @property
    def location(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def bans(self):
        return [request for request in self.received if request[0] == "BAN"]

    def wait_for_bans(self, count=1, seconds=5):
        deadline = time.monotonic() + seconds
        while len(self.bans()) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.bans()


def listening(settings, timeout=0.5, **kwargs):
    listener = PurgeListener(**kwargs)
    threading.Thread(target=listener.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish1": {
            "BACKEND": "rapporteur.reports.frontend_cache.VarnishBackend",
            "LOCATION": listener.location,
            "TIMEOUT": timeout,
        }
    }
    return listener


@pytest.fixture
def cache_in_front(settings):
    listener = listening(settings)
    yield listener
    frontend_cache.banner.wait(5)
    listener.shutdown()
    listener.server_close()


def test_publishing_bans_the_cache_once_the_change_is_committed(
    cache_in_front, kazakhstan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        revision = kazakhstan.save_revision()
        revision.publish()
        time.sleep(0.3)
        assert cache_in_front.received == [], "nothing is banned before the commit"
    assert cache_in_front.wait_for_bans()
    assert set(cache_in_front.received) == {("BAN", "/", f"127.0.0.1:{cache_in_front.server_address[1]}")}


def test_a_change_that_rolls_back_bans_nothing(cache_in_front, kazakhstan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                kazakhstan.save_revision().publish()
                raise RuntimeError("the save failed")
        except RuntimeError:
            pass
    time.sleep(0.3)
    assert cache_in_front.received == []


def test_unpublish_move_launch_and_snippet_edits_ban_too(
    cache_in_front, kazakhstan, team, embargoed_edition, django_capture_on_commit_callbacks
):
    edition, africa, _ = embargoed_edition
    approve(add_entry(africa, "GH"), team["publisher"])
    changes = {
        "launch": lambda: launch_edition(edition, user=team["publisher"]),
        "unpublish": lambda: Page.objects.get(pk=kazakhstan.pk).unpublish(),
        "move": lambda: Page.objects.get(pk=kazakhstan.pk).move(
            Page.objects.get(url_path="/home/2013/africa/"), pos="last-child"
        ),
        "snippet": lambda: Theme.objects.update_or_create(slug="cache-test", defaults={"name": "Cache test"}),
    }
    for change, make in changes.items():
        before = len(cache_in_front.bans())
        with django_capture_on_commit_callbacks(execute=True):
            make()
        assert len(cache_in_front.wait_for_bans(before + 1)) > before, f"{change} did not ban the cache"
        frontend_cache.banner.wait(5)


def test_a_cache_that_does_not_answer_never_holds_up_a_save(
    settings, kazakhstan, django_capture_on_commit_callbacks, caplog, monkeypatch
):
    monkeypatch.setattr(frontend_cache, "RETRY_DELAYS", (0.1,))
    listener = listening(settings, timeout=2, hang=True)
    try:
        with caplog.at_level(logging.WARNING, logger=frontend_cache.__name__):
            started = time.monotonic()
            with django_capture_on_commit_callbacks(execute=True):
                kazakhstan.save_revision().publish()
            assert time.monotonic() - started < 2, "the save returned without waiting for the cache"
            deadline = time.monotonic() + 5  # the ban is sent from a thread: on a busy machine, a moment later
            while not listener.received and time.monotonic() < deadline:
                time.sleep(0.05)
            assert listener.received, "the ban was tried"
            assert frontend_cache.banner.wait(10)
        assert "Could not ban the shared cache varnish1 (attempt 2)" in caplog.text
        assert [record.levelname for record in caplog.records][-1] == "ERROR"
    finally:
        listener.hang.set()
        listener.shutdown()
        listener.server_close()


def test_without_a_cache_configured_nothing_is_sent(settings, kazakhstan, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        kazakhstan.save_revision().publish()
    assert frontend_cache.banner.request not in callbacks


def test_wagtail_s_own_purge_of_one_address_still_works(cache_in_front):
    from wagtail.contrib.frontend_cache.utils import get_backends

    get_backends()["varnish1"].purge("http://report.example.org/en/2013/?x=1")
    assert cache_in_front.received == [("PURGE", "/en/2013/?x=1", "report.example.org")]
