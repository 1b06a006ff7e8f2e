"""The demo's French and Arabic pages in Chromium: the switcher, right-to-left layout, accessibility."""

import pytest

pytestmark = pytest.mark.browser

KAZAKHSTAN = "/{}/2013/europe-and-central-asia/kazakhstan/"
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def test_the_arabic_page_is_laid_out_right_to_left(desktop, demo_site, tmp_path):
    page = desktop
    page.goto(demo_site + KAZAKHSTAN.format("ar"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    main = page.locator("main").bounding_box()
    sidebar = page.locator("aside.sidebar").bounding_box()
    assert sidebar["x"] + sidebar["width"] <= main["x"] + 1, "the sidebar stands on the left of the text"
    title = page.locator("h1").bounding_box()
    assert abs((title["x"] + title["width"]) - (main["x"] + main["width"])) < 2, "the title starts on the right"
    paragraph = page.locator("main .entry__section p").first
    assert paragraph.evaluate("p => getComputedStyle(p).direction") == "rtl"
    # the contents list's bar and the cases' rule are on the right-hand side (logical properties)
    contents = page.locator("nav.entry__contents")
    assert contents.evaluate("e => getComputedStyle(e).borderRightWidth") == "4px"
    assert contents.evaluate("e => getComputedStyle(e).borderLeftWidth") == "0px"
    page.screenshot(path=str(tmp_path / "arabic-entry.png"))  # kept with the test run, to look at


def test_the_english_page_keeps_its_left_to_right_layout(desktop, demo_site):
    page = desktop
    page.goto(demo_site + KAZAKHSTAN.format("en"))
    main = page.locator("main").bounding_box()
    sidebar = page.locator("aside.sidebar").bounding_box()
    assert sidebar["x"] >= main["x"] + main["width"] - 1, "the sidebar stands on the right of the text"


def test_the_switcher_leads_from_english_to_french_and_arabic(desktop, demo_site):
    page = desktop
    page.goto(demo_site + KAZAKHSTAN.format("en"))
    page.locator("nav.languages").get_by_role("link", name="Français").click()
    page.wait_for_url("**" + KAZAKHSTAN.format("fr"))
    assert page.locator("html").get_attribute("lang") == "fr"
    page.locator("nav.languages").get_by_role("link", name="العربية").click()
    page.wait_for_url("**" + KAZAKHSTAN.format("ar"))
    assert page.locator("h1").inner_text() == "كازاخستان"


def test_translated_pages_pass_axe(desktop, demo_site):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    for url in (KAZAKHSTAN.format("fr"), KAZAKHSTAN.format("ar"), "/ar/2013/", "/fr/2013/africa/mali/"):
        desktop.goto(demo_site + url)
        results = axe.run(desktop)
        serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        assert not serious, f"{url}: " + "; ".join(f"{v['id']}: {v['help']}" for v in serious)
