"""A mirror unpacked on disk and opened from file:// in Chromium: entry → region → jump list, no server."""

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.support.helpers import require_tool

from .mirror_support import build

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_a_reader_navigates_the_mirror_from_disk_without_javascript(tmp_path):
    require_tool(CHROMIUM, "needed for the browser tests; apt-get install chromium")
    root = tmp_path / "copy"
    build(root, tmp_path, with_zip=False)  # before the browser starts: no database from its event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(java_script_enabled=False)
            page = context.new_page()
            page.goto((root / "en/2013/europe-and-central-asia/kazakhstan/index.html").as_uri())
            assert page.locator("h1").inner_text() == "Kazakhstan"
            page.locator(".breadcrumb a", has_text="Europe and Central Asia").click()
            page.wait_for_url("**/en/2013/europe-and-central-asia/index.html")
            assert "Europe and Central Asia" in page.locator("h1").inner_text()
            jump = page.locator("aside details.jump--mirror")
            jump.locator("summary").click()
            jump.get_by_role("link", name="Egypt").click()
            page.wait_for_url("**/en/2013/middle-east-and-north-africa/egypt/index.html")
            assert page.locator("h1").inner_text() == "Egypt"
            assert page.url.startswith("file://")
            # the stylesheet loaded from the relative path: the layout is the site's, not the browser's default
            assert page.locator("link[rel=stylesheet]").first.evaluate("link => link.sheet !== null")
            page.get_by_role("link", name="Downloads").first.click()
            page.wait_for_url("**/en/2013/downloads/index.html")
        finally:
            browser.close()
