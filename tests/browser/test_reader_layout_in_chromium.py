"""The reader's layout in Chromium: on a phone, on paper, and with the cookie notice showing."""

import io

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

KAZAKHSTAN = "/en/2013/europe-and-central-asia/kazakhstan/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}


@pytest.fixture
def open_page(browser):
    contexts = []

    def _open(url, viewport=DESKTOP, javascript=True):
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    yield _open
    for context in contexts:
        context.close()


def test_on_a_phone_the_header_is_short_and_the_country_jump_is_on_the_first_screen(open_page, demo_site):
    page = open_page(demo_site + KAZAKHSTAN, PHONE, javascript=False)
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= 0.2 * PHONE["height"], f"the header takes {header['height']}px"
    jump = page.locator("#jump-country-top")
    assert jump.is_visible()
    box = jump.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], "the country jump is on the first screen"
    # the navigation is folded under "Menu", and opens without JavaScript
    introduction = page.locator(".edition-nav").get_by_role("link", name="Introduction")
    assert not introduction.is_visible()
    page.get_by_text("Menu", exact=True).click()
    assert introduction.is_visible()
    page.select_option("#jump-country-top", "russian-federation")
    page.locator(".top-jump").get_by_role("button", name="Go").click()
    page.wait_for_url("**/russian-federation/")


def test_on_a_desktop_the_navigation_is_open_and_the_jump_is_in_the_sidebar(open_page, demo_site):
    page = open_page(demo_site + KAZAKHSTAN, DESKTOP, javascript=False)
    assert page.locator(".edition-nav").get_by_role("link", name="Introduction").is_visible()
    assert not page.get_by_text("Menu", exact=True).is_visible()
    assert not page.locator("#jump-country-top").is_visible()
    assert page.locator("#jump-country").is_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_focused_element_is_ever_under_the_cookie_notice(open_page, demo_site, viewport):
    page = open_page(demo_site + KAZAKHSTAN, viewport)
    notice = page.locator("[data-cookie-notice]")
    assert notice.is_visible()
    notice_box = notice.bounding_box()
    assert notice_box["height"] <= 0.15 * viewport["height"], f"the notice takes {notice_box['height']}px"
    for stop in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement; const r = e.getBoundingClientRect();
                const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
                const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
                const top = document.elementFromPoint(x, y);
                return {tag: e.tagName, text: e.textContent.trim().slice(0, 40),
                        inside: !!e.closest('[data-cookie-notice]'),
                        covered: !(top && (e.contains(top) || top.contains(e) || (e.labels && [...e.labels].includes(top)))),
                        visible: r.bottom > 0 && r.top < innerHeight}; }"""
        )
        assert not focused["covered"], f"tab stop {stop + 1} ({focused}) is under the notice"
        assert focused["visible"], f"tab stop {stop + 1} ({focused}) is out of view"
        if stop < 3:
            assert focused["inside"] or focused["text"] == "Skip to main content", "the notice comes first"


def test_a_printed_entry_names_its_source(open_page, demo_site):
    page = open_page(demo_site + KAZAKHSTAN)
    page.emulate_media(media="print")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    text = " ".join(text.split())
    assert "Rapporteur Demonstration Organisation" in text
    assert "Annual Report 2013" in text
    assert demo_site + KAZAKHSTAN in text
    assert "Jump to a Country Report" not in text and "Yes, I agree" not in text
