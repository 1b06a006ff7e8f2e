""" "Cite this entry" in Chromium: a disclosure that opens without script, passes axe, and copies with it."""

import pytest

pytestmark = pytest.mark.browser

KAZAKHSTAN = "/en/2013/europe-and-central-asia/kazakhstan/"


def test_citations_open_without_javascript(browser, demo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site + KAZAKHSTAN)
    page.get_by_text("Cite this entry").click()
    citation = page.locator("header .cite__text")
    assert citation.is_visible()
    assert "Kazakhstan" in citation.inner_text() and "accessed" in citation.inner_text()
    assert page.locator("header .cite pre").first.inner_text().startswith("@incollection{")
    assert page.locator(".cite__copy").count() == 0, "no button that needs a script without one"
    context.close()


def test_open_citations_pass_axe(page, demo_site):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(demo_site + KAZAKHSTAN)
    page.get_by_text("Cite this entry").click()
    page.locator("#torture-and-other-ill-treatment details.cite summary").click()
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "; ".join(f"{v['id']}: {v['help']}" for v in serious)


def test_copy_buttons_put_the_citation_on_the_clipboard(browser, demo_site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(demo_site + KAZAKHSTAN)
    page.get_by_text("Cite this entry").click()
    header = page.locator("header .cite")
    for name in ("Copy the citation", "Copy the BibTeX", "Copy the CSL-JSON"):
        assert header.get_by_role("button", name=name).is_visible()
    header.get_by_role("button", name="Copy the BibTeX").click()
    header.get_by_role("button", name="Copied").wait_for(timeout=5000)
    # the clipboard answers within seconds or the test says so (a headless browser may never answer)
    copied = page.evaluate(READ_CLIPBOARD)
    assert copied.startswith("@incollection{") and copied.endswith("}")
    context.close()


READ_CLIPBOARD = (
    "Promise.race([navigator.clipboard.readText(), new Promise(r => setTimeout(() => r('no answer'), 3000))])"
)
