"""The demo, served as `make demo` serves it, read in Debian's Chromium through Playwright."""

import pytest

pytestmark = pytest.mark.browser

KAZAKHSTAN = "/en/2013/europe-and-central-asia/kazakhstan/"


def test_kazakhstan_page_contents_sidebar_and_cookie_notice(page, demo_site):
    page.goto(demo_site + KAZAKHSTAN)
    assert page.locator("h1").inner_text() == "Kazakhstan"
    contents = page.locator("nav.entry__contents")
    assert contents.is_visible()
    assert contents.locator("a").count() == 7
    assert page.get_by_role("heading", name="Human rights by region").is_visible()
    assert page.get_by_role("heading", name="Jump to a Country Report").is_visible()
    assert page.get_by_role("button", name="Yes, I agree").is_visible()

    contents.get_by_role("link", name="Refugees and asylum-seekers").click()
    page.wait_for_url("**#refugees-and-asylum-seekers")
    section = page.locator("#refugees-and-asylum-seekers")
    assert section.locator("h2").is_visible()
    top = section.bounding_box()["y"]
    assert 0 <= top < page.viewport_size["height"] / 2, f"the section is at the top of the view, not at {top}px"


def test_no_serious_or_critical_accessibility_violations(page, demo_site):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    for url in (
        KAZAKHSTAN,
        "/en/2013/",
        "/en/2013/glossary/",
        "/en/2013/africa/",
        "/en/search/?q=prisoner",
        "/en/countries/kazakhstan/",
        "/en/themes/unfair-trials/",
        "/en/people/natalia-sokolova/",
        "/en/countries/",
        "/en/themes/",
        "/en/people/",
    ):
        page.goto(demo_site + url)
        results = axe.run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        assert not serious, f"{url}: " + "; ".join(f"{v['id']}: {v['help']}" for v in serious)


def test_jump_select_submits_on_change_with_javascript(page, demo_site):
    page.goto(demo_site + "/en/2013/")
    with page.expect_navigation():
        page.select_option("#jump-country", "mali")
    assert page.url == demo_site + "/en/2013/africa/mali/"
    assert page.locator("h1").inner_text() == "Mali"


def test_jump_form_works_without_javascript(browser, demo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site + "/en/2013/")
    page.select_option("#jump-country", "brazil")
    page.get_by_role("button", name="Go").click()
    page.wait_for_url("**/en/2013/americas/brazil/")
    assert page.locator("h1").inner_text() == "Brazil"
    context.close()


def test_cookie_notice_answer_is_remembered(page, demo_site):
    page.goto(demo_site + "/en/2013/")
    assert page.context.cookies() == []
    page.get_by_role("button", name="Yes, I agree").click()
    page.locator("[data-cookie-notice]").wait_for(state="detached")
    assert [c["name"] for c in page.context.cookies()] == ["rapporteur_cookie_notice"]
    page.reload()
    assert page.locator("[data-cookie-notice]").count() == 0


def test_small_screen_has_no_horizontal_scrolling(browser, demo_site):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(demo_site + KAZAKHSTAN)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()


def test_a_very_long_word_does_not_widen_the_page(browser, demo_instance):
    long_word = "x" * 5000
    demo_instance.shell(
        "from rapporteur.reports.models import Country, RegionPage\n"
        "from tests.support.helpers import add_entry\n"
        "region = RegionPage.objects.get(region__slug='asia-pacific', url_path__startswith='/home/2013/')\n"
        f"page = add_entry(region, 'MN', summary='<p>Before {long_word} after.</p>')\n"
        "page.save_revision().publish()\n"
    )
    for width in (1366, 360):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(demo_instance.base_url + "/en/2013/asia-pacific/mongolia/")
        assert "after." in page.locator("main").inner_text()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page is {overflow}px wider than a {width}px window"
        context.close()
