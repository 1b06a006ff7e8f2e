"""Readers never wait for writers: with a write transaction held open longer than the database's
timeout, searches and pages answer at once, and a sign-in (a write) waits, then is told to try
again — never a server error. Run against a real server, as ``make demo`` serves the site."""

import http.cookiejar
import re
import sqlite3
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager

import pytest

from rapporteur.demo.instance import served_demo

pytestmark = pytest.mark.browser  # slow: a real server

HOLD_SECONDS = 7  # longer than the 5 s a writer waits (SQLite busy_timeout, PostgreSQL lock_timeout)
PASSWORD = "a-long-lock-test-password"


class Browser:
    """A reader or editor with cookies, speaking plain HTTP to the instance."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect)

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body, headers={"Referer": self.base_url + path})
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=30) as response:
                status, headers, content = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, content = error.code, error.headers, error.read()
        return status, headers, content.decode("utf-8", "replace"), time.monotonic() - started


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@contextmanager
def write_transaction_held(database_url):
    """Hold a write transaction open for ``HOLD_SECONDS`` in another connection, as a long save would."""
    if database_url.startswith("sqlite:///"):
        connection = sqlite3.connect(
            database_url.removeprefix("sqlite:///"), timeout=0, isolation_level=None, check_same_thread=False
        )
        connection.execute("BEGIN IMMEDIATE")  # the write lock, as Django's IMMEDIATE transactions take it
        connection.execute("UPDATE wagtailcore_site SET site_name = site_name")
    else:
        import psycopg

        connection = psycopg.connect(database_url)
        # what a sign-in writes; readers' reads are not blocked by this mode
        connection.execute("LOCK TABLE django_session IN EXCLUSIVE MODE")
    release = threading.Timer(HOLD_SECONDS, connection.rollback)
    release.start()
    try:
        yield
    finally:
        release.join()
        connection.close()


def test_readers_answer_at_once_while_a_writer_holds_the_database():
    with served_demo(workers=3) as instance:
        instance.shell(
            "from django.contrib.auth import get_user_model\n"
            f"get_user_model().objects.create_user('lockwriter', 'w@example.org', {PASSWORD!r})\n"
        )
        reader, editor = Browser(instance.base_url), Browser(instance.base_url)
        search = "/en/search/?q=torture"
        entry = "/en/2013/europe-and-central-asia/kazakhstan/"
        for path in (search, entry):  # warm each worker's caches, as on a running site
            for _ in range(3):
                assert reader.request(path)[0] == 200
        login_page = editor.request("/admin/login/")[2]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
        credentials = {"csrfmiddlewaretoken": token, "username": "lockwriter", "password": PASSWORD}

        sign_in = {}
        with write_transaction_held(instance.env["DATABASE_URL"]):
            writer = threading.Thread(
                target=lambda: sign_in.update(answer=editor.request("/admin/login/", credentials))
            )
            writer.start()
            time.sleep(0.5)  # the sign-in is now waiting for the write lock
            answers = {path: reader.request(path) for path in (search, entry)}
            writer.join()

        for path, (status, _, _body, seconds) in answers.items():
            assert status == 200, path
            assert seconds < 2, f"{path} waited {seconds:.1f} s behind a writer"
        assert "Kazakhstan" in answers[search][2] and "This search could not be run" not in answers[search][2]
        status, headers, body, seconds = sign_in["answer"]
        assert status in (302, 503), f"sign-in answered {status}"
        if status == 503:
            assert "try again" in body and headers["Retry-After"] == "5"
        # once the other write is done, signing in works
        status, headers, *_ = editor.request("/admin/login/", credentials)
        assert status == 302 and headers["Location"].startswith("/admin/")
