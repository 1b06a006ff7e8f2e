"""The Import page in Chromium against a served demo: download the sample, upload it, map its
unknown heading in the preview, confirm, and open the draft — without fetching anything from
another site and without a Content-Security-Policy complaint."""

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.accounts import create_account, sign_in

pytestmark = pytest.mark.browser

MAPPED_TO = "Legal and constitutional developments"


def test_a_publisher_imports_the_sample_entry_as_a_draft(browser, demo_instance, tmp_path):
    site = demo_instance.base_url
    create_account(demo_instance, "importer", "publisher")
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    fetched, refused = [], []
    context.on("request", lambda request: fetched.append(request.url))
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)

    sign_in(page, site, "importer")

    page.goto(site + "/admin/import/")
    with page.expect_download() as download:
        page.locator("[data-download=sample]").click()
    sample = tmp_path / "sample-entry-iceland.docx"
    download.value.save_as(sample)

    page.locator("input[name=file]").set_input_files(str(sample))
    page.locator("select[name=edition]").select_option("2013")
    page.get_by_role("button", name="Upload and preview").click()
    page.wait_for_selector("[data-preview]")
    assert page.locator('[data-entry="Iceland"]').get_attribute("data-action") == "create"
    page.locator('[data-unknown-heading="Constitutional reform"] select').select_option(MAPPED_TO)
    page.get_by_role("button", name=re.compile("Confirm")).click()
    page.wait_for_selector("[data-import-result]")
    page.locator('[data-draft="Iceland"]').click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"))
    assert "Iceland" in page.title()

    host = urlsplit(site).hostname
    assert [
        url for url in fetched if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname != host
    ] == []
    assert refused == []
    context.close()
    status = demo_instance.shell(
        "from rapporteur.reports.models import CountryEntryPage\n"
        "page = CountryEntryPage.objects.get(country__iso_code='IS', url_path__startswith='/home/2013/')\n"
        "body = page.get_latest_revision_as_object().body\n"
        "print(page.live, [block.value['theme'].name for block in body])\n"
    ).strip()
    assert status == f"False ['{MAPPED_TO}', 'Discrimination']"
