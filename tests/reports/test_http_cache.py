"""A shared cache may keep what every anonymous reader gets alike, and nothing else."""

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.utils.cache import cc_delim_re
from wagtail.models import PageViewRestriction

from rapporteur.reports.http_cache import PRIVATE

pytestmark = pytest.mark.django_db

SHARED = f"s-maxage={settings.RAPPORTEUR_HTTP_CACHE_S_MAXAGE}"


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def vary(response):
    return {part.lower() for part in cc_delim_re.split(response.get("Vary", "")) if part}


def assert_shared(response, max_age=settings.RAPPORTEUR_HTTP_CACHE_MAX_AGE):
    assert directives(response) == {"public", f"max-age={max_age}", SHARED}, response["Cache-Control"]


def assert_private(response):
    assert response["Cache-Control"] == PRIVATE
    assert directives(response) >= {"private", "no-store"}


READER_ADDRESSES = [
    "/en/",
    "/en/2013/",
    "/en/2013/europe-and-central-asia/",
    "/en/2013/europe-and-central-asia/kazakhstan/",
    "/en/2013/glossary/",
    "/en/countries/kazakhstan/",
    "/en/search/?q=torture",
    "/fr/2013/",
]


@pytest.mark.parametrize("url", READER_ADDRESSES)
def test_reader_pages_may_be_kept_by_a_shared_cache(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_shared(response)
    assert "cookie" in vary(response), "the cookie notice depends on the reader's answer"
    assert "accept-language" not in vary(response), "the language is in the address"


def test_the_sitemap_and_feeds_may_be_kept_too(client):
    for url in ("/sitemap.xml", "/en/2013/feed.atom", "/en/corrections.atom"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_shared(response)


def test_head_is_answered_like_get(client):
    assert_shared(client.head("/en/2013/europe-and-central-asia/kazakhstan/"))


def test_not_found_is_shared_but_not_kept_by_browsers(client):
    """An address embargoed today opens at launch: a browser must ask again, the purged cache answers."""
    for url in ("/en/2014/", "/en/2013/africa/atlantis/"):
        response = client.get(url)
        assert response.status_code == 404
        assert_shared(response, max_age=0)
        assert "cookie" in vary(response), "the 404 page shows the cookie notice too"


def test_the_language_redirect_varies_on_accept_language(client):
    french = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert french.status_code == 302 and french["Location"] == "/fr/"
    assert "accept-language" in vary(french)
    assert_shared(french)


def test_the_cookie_notice_answer_is_never_shared(client):
    response = client.post("/cookie-notice/", {"answer": "yes", "next": "/en/2013/"})
    assert response.cookies
    assert_private(response)


def test_a_reader_who_answered_the_notice_still_gets_a_shared_page(client):
    """With the answer the page differs (no notice), but it is the same for everyone who answered."""
    client.cookies[settings.RAPPORTEUR_COOKIE_NOTICE_COOKIE] = "accepted"
    response = client.get("/en/2013/")
    assert b"cookie-notice" not in response.content
    assert_shared(response)
    assert "cookie" in vary(response)


def test_signed_in_staff_are_never_shared(signed_in):
    editor = signed_in("publisher")
    for url in ("/en/2013/", "/en/2013/europe-and-central-asia/kazakhstan/", "/en/no-such-page/", "/sitemap.xml"):
        assert_private(editor.get(url))


def test_the_admin_and_sign_in_are_never_shared(client, admin_client):
    assert_private(Client().get("/admin/login/"))
    assert_private(Client().get("/admin/"))  # the redirect to sign in
    assert_private(admin_client.get("/admin/"))
    assert_private(admin_client.get("/admin/pages/"))


def test_a_reader_with_a_session_is_never_shared(client):
    client.cookies[settings.SESSION_COOKIE_NAME] = "someone-s-session"
    assert_private(client.get("/en/2013/"))


def test_previews_are_never_shared(kazakhstan, admin_client, admin_user):
    """Wagtail renders a preview as a "dummy" request for the page's own address: not a reader's."""
    original = RequestFactory().get("/admin/pages/")
    original.user = admin_user
    preview = kazakhstan.make_preview_request(original)
    assert preview.status_code == 200
    assert_private(preview)
    in_the_admin = admin_client.get(f"/admin/pages/{kazakhstan.pk}/view_draft/")
    assert in_the_admin.status_code == 200
    assert_private(in_the_admin)


def test_a_form_with_a_csrf_token_is_never_shared(client, kazakhstan):
    """A page kept behind a password asks for it with a form carrying that reader's CSRF token."""
    PageViewRestriction.objects.create(page=kazakhstan, restriction_type="password", password="a-secret")
    response = client.get("/en/2013/europe-and-central-asia/kazakhstan/")
    assert b"csrfmiddlewaretoken" in response.content
    assert_private(response)


def test_a_view_s_own_cache_control_is_kept_for_readers_only(client, signed_in):
    favicon = client.get("/favicon.ico")
    assert favicon["Cache-Control"] == "public, max-age=86400"
    assert_private(signed_in("publisher").get("/favicon.ico"))
