"""An anonymous reader gets no cookie unless they choose one, and the notice says what is stored."""

import pytest
from django.conf import settings
from wagtail.models import Page

pytestmark = pytest.mark.django_db

NOTICE_COOKIE = settings.RAPPORTEUR_COOKIE_NOTICE_COOKIE


def reader_urls():
    urls = ["/", "/en/", "/en/2013/jump/?country=kazakhstan", "/en/2013/jump/?country=nowhere", "/en/no-such-page/"]
    urls += [page.url for page in Page.objects.live().filter(depth__gte=2)]
    return urls


def test_no_reader_response_sets_a_cookie(client):
    urls = reader_urls()
    assert len(urls) > 30
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 302, 404), url
        assert not response.cookies, f"{url} set {list(response.cookies)}"
        assert "Set-Cookie" not in response.headers, url


def test_downloads_and_static_files_set_no_cookie(client):
    from rapporteur.reports.models import DownloadsPage

    document = DownloadsPage.objects.get(url_path="/home/2013/downloads/").files.first().document
    for url in (document.url, "/static/css/reader.css"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url


def test_cookie_notice_explains_what_is_stored(read):
    _, html = read("/en/2013/")
    notice = html.find("aside", class_="cookie-notice")
    text = " ".join(notice.get_text(" ").split())
    assert "no cookies" in text and "no tracking" in text
    assert "one cookie, for one year" in text
    assert settings.RAPPORTEUR_COOKIE_NOTICE_MAX_AGE == 365 * 24 * 60 * 60  # what the notice promises
    assert notice.find("button", string="Yes, I agree")
    more = notice.find("a", string="No, I want to find out more")
    _, statement = read(more["href"])
    assert NOTICE_COOKIE in statement.get_text()


def test_yes_i_agree_sets_one_cookie_and_hides_the_notice(client):
    response = client.post("/cookie-notice/", {"answer": "yes", "next": "/en/2013/glossary/"})
    assert response.status_code == 302 and response["Location"] == "/en/2013/glossary/"
    assert list(response.cookies) == [NOTICE_COOKIE]
    cookie = response.cookies[NOTICE_COOKIE]
    assert cookie.value == "accepted"
    assert cookie["max-age"] == settings.RAPPORTEUR_COOKIE_NOTICE_MAX_AGE
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    page = client.get("/en/2013/glossary/")
    assert b"cookie-notice" not in page.content
    assert not page.cookies


def test_notice_answer_does_not_redirect_off_site(client):
    response = client.post("/cookie-notice/", {"next": "https://attacker.example/"})
    assert response["Location"] == "/"


def test_notice_answer_needs_post(client):
    assert client.get("/cookie-notice/").status_code == 405


def test_reader_pages_vary_on_cookie(client):
    response = client.get("/en/2013/")
    assert "Cookie" in response["Vary"]
