"""The shipped Varnish configuration in front of the served demo: fresh at launch, never a private copy.

Varnish (Debian's ``varnishd``) runs ``deploy/varnish/rapporteur.vcl`` as shipped, with only the
backend's port changed, in front of the demo served by gunicorn with its scheduler and production
settings; the app is told to purge that Varnish (``RAPPORTEUR_FRONTEND_CACHE``).
"""

import http.client
import shutil
import time

import pytest

from rapporteur.demo.instance import free_port, served_demo
from rapporteur.demo.varnish import varnish_in_front
from tests.support.helpers import embargoed_edition_script, require_tool

pytestmark = pytest.mark.browser  # slow: a real server, a scheduler and a cache

NOTICE = b"cookie-notice"
KAZAKHSTAN = "/en/2013/europe-and-central-asia/kazakhstan/"


def fetch(cache, path, cookie=None, method="GET", source=None):
    """One request to the cache, no redirects followed: (status, headers, body)."""
    connection = http.client.HTTPConnection(*cache, timeout=10, source_address=(source, 0) if source else None)
    try:
        headers = {"Host": f"127.0.0.1:{cache[1]}"}
        if cookie:
            headers["Cookie"] = cookie
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        return response.status, {name.lower(): value for name, value in response.getheaders()}, response.read()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def site():
    varnishd = require_tool(
        shutil.which("varnishd") or "/usr/sbin/varnishd", "the cache's test; apt-get install varnish"
    )
    cache_port = free_port()
    # The app learns the cache's address before the cache exists: purges sent meanwhile (while
    # the demo loads) fail, are logged, and harm nothing.
    env = {"RAPPORTEUR_FRONTEND_CACHE": f"http://127.0.0.1:{cache_port}"}
    with served_demo(scheduler=True, extra_env=env) as instance:
        backend_port = int(instance.base_url.rsplit(":", 1)[1])
        with varnish_in_front(varnishd, backend_port, cache_port):
            yield instance, ("127.0.0.1", cache_port)


def wait_for(check, seconds, step=0.1):
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(step)


EMBARGOED_EDITION = embargoed_edition_script(12)


def test_an_embargoed_address_opens_through_the_cache_within_5_s_of_launch(site):
    instance, cache = site
    launch_at = float(instance.shell(EMBARGOED_EDITION).strip().splitlines()[-1])
    ghana = "/en/2014/africa/ghana/"
    fetch(cache, ghana), fetch(cache, "/en/"), fetch(cache, "/sitemap.xml")
    before = fetch(cache, ghana)
    assert time.time() < launch_at, "the setup took too long to test the embargo"
    assert before[0] == 404 and before[1]["x-cache"] == "hit", "the 404 is kept by the cache"
    home = fetch(cache, "/en/")
    assert home[1]["x-cache"] == "hit" and b"Annual Report 2014" not in home[2]

    opened = wait_for(lambda: fetch(cache, ghana)[0] == 200 and time.time(), seconds=launch_at + 15 - time.time())
    assert opened, "the edition never opened through the cache"
    assert opened >= launch_at - 0.5, "opened before its launch time"
    assert opened - launch_at <= 5, f"opened {opened - launch_at:.1f} s after its launch time"
    assert b"LAUNCH-TOKEN" in fetch(cache, ghana)[2]
    assert b"Annual Report 2014" in fetch(cache, "/en/")[2], "the home page's edition list is fresh"
    assert b"/en/2014/africa/ghana/" in fetch(cache, "/sitemap.xml")[2], "the sitemap is fresh"


EDIT_KAZAKHSTAN = """
import time
from rapporteur.reports.models import CountryEntryPage
entry = CountryEntryPage.objects.get(url_path="/home/2013/europe-and-central-asia/kazakhstan/", locale__language_code="en")
entry.summary = "<p>{token}</p>"
revision = entry.save_revision()
{publish}
print(time.time())
"""


def test_an_edit_is_visible_through_the_cache_within_5_s_of_publishing(site):
    instance, cache = site
    fetch(cache, KAZAKHSTAN)
    assert fetch(cache, KAZAKHSTAN)[1]["x-cache"] == "hit"
    published_at = float(
        instance.shell(EDIT_KAZAKHSTAN.format(token="EDITED-TOKEN", publish="revision.publish()")).splitlines()[-1]
    )
    seen = wait_for(lambda: b"EDITED-TOKEN" in fetch(cache, KAZAKHSTAN)[2] and time.time(), seconds=10)
    assert seen, "the edit never showed through the cache"
    assert seen - published_at <= 5, f"the edit showed {seen - published_at:.1f} s after publishing"


SIGN_IN_STAFF = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
user = get_user_model().objects.create_superuser("cache-tester", "cache@example.org", "a-long-test-password-1")
device = TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session[DEVICE_ID_SESSION_KEY] = device.persistent_id
session.create()
print(session.session_key)
"""


def test_drafts_previews_the_admin_and_staff_pages_are_never_cached(site):
    instance, cache = site
    staff = "sessionid=" + instance.shell(SIGN_IN_STAFF).strip().splitlines()[-1]
    instance.shell(EDIT_KAZAKHSTAN.format(token="DRAFT-TOKEN", publish=""))  # saved, not published
    page_id = instance.shell(
        "from wagtail.models import Page; "
        "print(Page.objects.get(url_path='/home/2013/europe-and-central-asia/kazakhstan/').pk)"
    ).strip()

    draft = f"/admin/pages/{page_id}/view_draft/"
    for _ in range(2):
        status, headers, body = fetch(cache, draft, cookie=staff)
        assert status == 200 and b"DRAFT-TOKEN" in body, "the editor sees the draft"
        assert headers["x-cache"] == "miss" and "no-store" in headers["cache-control"]
    status, headers, body = fetch(cache, draft)
    assert status == 302 and b"DRAFT-TOKEN" not in body, "a reader is sent to sign in"
    for _ in range(2):
        status, headers, body = fetch(cache, "/admin/login/")
        assert status == 200 and headers["x-cache"] == "miss" and "set-cookie" in headers
    reader = fetch(cache, KAZAKHSTAN)
    assert reader[0] == 200 and b"DRAFT-TOKEN" not in reader[2]

    status, headers, body = fetch(cache, "/en/2013/", cookie=staff)
    assert b"wagtail-userbar" in body and headers["x-cache"] == "miss", "staff get their own page"
    status, headers, body = fetch(cache, "/en/2013/")
    assert b"wagtail-userbar" not in body, "the staff page was not kept for readers"


def test_one_reader_s_cookie_notice_answer_is_never_served_to_another(site):
    instance, cache = site
    answered = "_ga=GA1.2.3; rapporteur_cookie_notice=accepted; theme=dark"
    for url in ("/en/2013/glossary/", "/en/countries/kazakhstan/"):
        # whoever comes first, each reader gets the page for their own answer, from the cache
        for _ in range(2):
            assert NOTICE in fetch(cache, url)[2]
            assert NOTICE not in fetch(cache, url, cookie=answered)[2]
            assert NOTICE in fetch(cache, url, cookie="_ga=GA1.2.4")[2], "other cookies do not count"
        assert fetch(cache, url, cookie="_ga=GA1.9.9")[1]["x-cache"] == "hit", "nor split the cache"
        assert fetch(cache, url, cookie="rapporteur_cookie_notice=yes")[1]["x-cache"] == "hit"

    status, headers, body = fetch(cache, "/cookie-notice/", method="POST")
    assert "rapporteur_cookie_notice=accepted" in headers.get("set-cookie", "")
    assert headers["x-cache"] == "miss" and "no-store" in headers["cache-control"]


def test_only_the_app_servers_may_purge(site):
    instance, cache = site
    fetch(cache, KAZAKHSTAN)
    assert fetch(cache, KAZAKHSTAN)[1]["x-cache"] == "hit"
    for method in ("BAN", "PURGE"):
        assert fetch(cache, KAZAKHSTAN, method=method, source="127.0.0.2")[0] == 403
    assert fetch(cache, KAZAKHSTAN)[1]["x-cache"] == "hit", "an outsider's ban did nothing"
    assert fetch(cache, KAZAKHSTAN, method="PURGE")[0] == 200
    assert fetch(cache, KAZAKHSTAN)[1]["x-cache"] == "miss"
    fetch(cache, "/static/css/reader.css")
    assert fetch(cache, "/", method="BAN")[0] == 200
    assert fetch(cache, KAZAKHSTAN)[1]["x-cache"] == "miss", "a ban drops the pages"
    assert fetch(cache, "/static/css/reader.css")[1]["x-cache"] == "hit", "but keeps the static files"
