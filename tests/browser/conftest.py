"""One demo instance served by gunicorn with its scheduler (as `make demo` runs it) and Debian's Chromium."""

import pytest

from rapporteur.demo.instance import served_demo
from tests.support.helpers import require_tool

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def demo_instance():
    require_tool(CHROMIUM, "needed for the browser tests; apt-get install chromium")
    with served_demo(workers=2, scheduler=True) as instance:
        yield instance


@pytest.fixture(scope="session")
def demo_site(demo_instance):
    return demo_instance.base_url


@pytest.fixture(scope="session")
def browser(demo_instance):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
