"""The whole editing path, as a report team walks it, in Chromium against a served demo.

A writer signs in with two factors, adds a country and a person from the entry's pickers,
writes an entry with a theme section and a case, lets autosave store it, saves a draft,
previews it in the side panel, and submits it. The regional editor asks for changes; the
writer reads the comment where they land, revises and resubmits; the regional editor, the
legal reviewer and the publisher approve; readers then see the entry and its PDF. Along
the way no page of the admin may ask anything of another site.
"""

import re
import time
import urllib.request
from urllib.parse import urlsplit

import pytest

from tests.browser.accounts import sign_in
from tests.support.helpers import pdf_text

pytestmark = pytest.mark.browser

PASSWORD = "a long test password 7"
TOTP_KEY = "3132333435363738393031323334353637383930"
COUNTRY_ISO = "UZ"
COUNTRY = "Uzbekistan"
PERSON = "Test Person Alpha"  # invented for the test; not a real case
SUMMARY = "A summary written by the browser test."
PARAGRAPH = "A paragraph the browser test wrote."
CASE = "A case the browser test invented about an invented person."
COMMENT = "Please say which law the second paragraph refers to."
REVISION = "Revised after review."

# (username, role, region) — the writer is a publisher's colleague who may add countries
TEAM = (
    ("writer", "publisher", None),
    ("region-editor", "regional_editor", "europe-and-central-asia"),
    ("lawyer", "legal_reviewer", None),
    ("chief", "publisher", None),
)


def create_team(instance):
    """Accounts with known passwords and authenticator keys; returns the 2013 region page's id."""
    return int(
        instance.shell(
            "from django.contrib.auth import get_user_model\n"
            "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
            "from rapporteur.editorial.roles import grant_role\n"
            "from rapporteur.reports.models import RegionPage\n"
            f"for name, role, region in {TEAM!r}:\n"
            f"    user = get_user_model().objects.create_user(name, name + '@example.org', {PASSWORD!r})\n"
            "    grant_role(user, role, region)\n"
            f"    TOTPDevice.objects.create(user=user, name='app', confirmed=True, key={TOTP_KEY!r})\n"
            "print(RegionPage.objects.get(region__slug='europe-and-central-asia', "
            "url_path__startswith='/home/2013/', locale__language_code='en').pk)\n"
        ).strip()
    )


class Person:
    """One member of the team in their own browser context, noting every address it fetches."""

    def __init__(self, browser, site, username):
        self.site, self.username = site, username
        self.context = browser.new_context(viewport={"width": 1366, "height": 900})
        self.page = self.context.new_page()
        self.fetched, self.refused = [], []
        self.context.on("request", lambda request: self.fetched.append(request.url))
        self.page.on(
            "console",
            lambda message: self.refused.append(message.text) if "Content Security Policy" in message.text else None,
        )
        self.sign_in()

    def sign_in(self):
        sign_in(self.page, self.site, self.username, PASSWORD, TOTP_KEY)

    def messages(self):
        return " ".join(self.page.locator(".messages").all_inner_texts())

    def footer_action(self, name, navigates=True):
        """An action from the editor's footer menu (the arrow beside the main button)."""
        page = self.page
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
        button = page.locator("footer").get_by_role("button", name=name, exact=True)
        if navigates:
            with page.expect_navigation():
                button.click()
        else:
            button.click()

    def elsewhere(self):
        host = urlsplit(self.site).hostname
        return [
            url for url in self.fetched if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname != host
        ]


def pick_new(page, chooser_button, tab, fields, submit):
    """Open a picker, switch to its "Add" tab, type into its fields (by field name), and add."""
    chooser_button.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name=tab).click()

    def field(name):
        return modal.locator(f"input[name$='-{name}']")

    field(fields[0][0]).wait_for()
    time.sleep(0.5)  # the modal moves focus when its tab opens; type after it has settled
    for label, value in fields:
        field(label).click()
        page.keyboard.type(value, delay=20)
    modal.get_by_role("button", name=submit).click()
    modal.wait_for(state="hidden")


def write_entry(writer, region_id):
    page = writer.page
    page.goto(f"{writer.site}/admin/pages/add/reports/countryentrypage/{region_id}/")
    page.get_by_placeholder("Page title*").fill(COUNTRY)
    pick_new(
        page,
        page.get_by_role("button", name="Choose country"),
        "Add a country",
        [("iso_code", COUNTRY_ISO)],
        "Add this country",
    )
    page.locator("[data-contentpath='summary'] [contenteditable='true']").click()
    page.keyboard.type(SUMMARY)

    body = page.locator("[data-contentpath='body']")
    body.locator(".c-sf-add-button").first.click()  # a theme section, opening with a paragraph
    assert "The minimum number of items is 1" not in body.inner_text()
    body.get_by_role("button", name="Choose theme").click()
    page.locator(".modal-dialog").get_by_role("link", name="Freedom of expression").first.click()
    page.locator(".modal-dialog").wait_for(state="hidden")
    body.locator("[contenteditable='true']").first.click()
    page.keyboard.type(PARAGRAPH)
    body.locator(".c-sf-add-button").nth(2).click()  # after the paragraph, inside the section
    page.get_by_role("option", name="Case").click()
    pick_new(
        page, body.get_by_role("button", name="Choose person"), "Add a person", [("name", PERSON)], "Add this person"
    )
    body.locator("[contenteditable='true']").last.click()
    page.keyboard.type(CASE)
    page.keyboard.press("Control+End")


def test_an_entry_goes_from_a_new_country_to_readers(browser, demo_instance):
    site = demo_instance.base_url.replace("127.0.0.1", "localhost")
    region_id = create_team(demo_instance)
    writer = Person(browser, site, "writer")
    page = writer.page

    write_entry(writer, region_id)
    page.locator("#w-autosave-indicator").get_by_text("Saved").wait_for(timeout=20_000)
    created = re.search(r"/admin/pages/(\d+)/edit/", page.url)
    assert created, "the first autosave created the page"
    entry_id = int(created.group(1))
    page.locator("[data-contentpath='body'] [contenteditable='true']").last.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" More words.")
    page.wait_for_timeout(4_000)  # a second autosave overwrites the writer's own revision
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    assert f"Page '{COUNTRY}' has been updated." in writer.messages()
    assert "saved a newer version" not in page.content()

    page.get_by_role("button", name="Toggle preview").click()
    page.frame_locator("#w-preview-iframe").get_by_text(SUMMARY).wait_for(timeout=20_000)

    writer.footer_action("Submit to Review: Europe and Central Asia")
    assert f"Page '{COUNTRY}' has been submitted for moderation." in writer.messages()

    editor = Person(browser, site, "region-editor")
    editor.page.goto(f"{site}/admin/pages/{entry_id}/edit/")
    editor.footer_action("Request changes", navigates=False)
    dialog = editor.page.locator(".modal-dialog")
    dialog.get_by_label("Comment").fill(COMMENT)
    with editor.page.expect_navigation():
        dialog.get_by_role("button", name="Request changes").click()
    assert f"Changes requested on “{COUNTRY}”: “{COMMENT}”" in editor.messages()

    page.goto(f"{site}/admin/pages/{entry_id}/edit/")
    assert "Changes requested by region-editor at Regional review: Europe and Central Asia" in writer.messages()
    assert COMMENT in writer.messages()
    page.locator("[data-contentpath='summary'] [contenteditable='true']").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" " + REVISION)
    page.wait_for_timeout(3_000)  # as a person would pause; the editor has taken the words in
    writer.footer_action("Resubmit to Regional review: Europe and Central Asia")

    for username, action, task, next_step in (
        ("region-editor", "Approve", "Regional review: Europe and Central Asia", "now with Legal review"),
        ("lawyer", "Approve", "Legal review", "now with Publisher approval"),
        ("chief", "Approve and Publish", "Publisher approval", "published: readers can see it now"),
    ):
        reviewer = editor if username == "region-editor" else Person(browser, site, username)
        reviewer.page.goto(f"{site}/admin/pages/{entry_id}/edit/")
        reviewer.footer_action(action)
        assert f"“{COUNTRY}” approved at {task}" in reviewer.messages() and next_step in reviewer.messages()
        assert reviewer.elsewhere() == [], f"{username}'s admin fetched from other sites"
        assert reviewer.refused == [], f"the admin's CSP blocked part of {username}'s admin"

    reader = browser.new_context().new_page()
    reader.goto(f"{site}/en/2013/europe-and-central-asia/uzbekistan/")
    assert reader.get_by_role("heading", level=1).inner_text() == COUNTRY
    text = reader.locator("main").inner_text()
    assert REVISION in text and PARAGRAPH in text and CASE in text, text
    slugs = demo_instance.shell(
        "from rapporteur.reports.models import Person\n"
        f"print(list(Person.objects.filter(name={PERSON!r}).values_list('slug', flat=True)))"
    )
    assert slugs.strip() == "['test-person-alpha']", "the person's address came from their name"

    pdf_url = f"{site}/en/2013/files/uzbekistan-2013.pdf"
    deadline = time.monotonic() + 90  # the scheduler builds the files after publishing
    while True:
        try:
            data = urllib.request.urlopen(pdf_url.replace("localhost", "127.0.0.1"), timeout=5).read()
            break
        except OSError:
            assert time.monotonic() < deadline, "the entry's PDF was not built within 90 s"
            time.sleep(2)
    text = pdf_text(data)  # column after column, words broken at a line end joined again
    assert COUNTRY in text and REVISION in text
    assert writer.elsewhere() == [] and editor.elsewhere() == [], "the admin fetched from other sites"
    assert writer.refused == [] and editor.refused == [], "the admin's Content-Security-Policy blocked part of it"
