"""An Arabic translator in wagtail-localize's segment editor, in Chromium against a served demo.

The translator signs in with two factors, finds the Kazakhstan entry on the Translations page,
opens the segment editor, sees each Arabic segment set right to left beside its English source,
corrects one segment and saves it; the translation then holds the new words.
"""

import re

import pytest

from tests.browser.accounts import create_account, sign_in

pytestmark = pytest.mark.browser

CORRECTED = "كازاخستان (جمهورية)"  # "Kazakhstan (Republic)": a translator's correction for the test


def text_offsets(locator):
    """(gap on the left, gap on the right) between the element's box and its text's box, in pixels."""
    return locator.evaluate(
        """element => {
            const range = document.createRange();
            range.selectNodeContents(element);
            const text = range.getBoundingClientRect(), box = element.getBoundingClientRect();
            return [text.left - box.left, box.right - text.right];
        }"""
    )


def test_an_arabic_translator_edits_segments_set_right_to_left(demo_instance, browser):
    create_account(demo_instance, "mona", "translator", language="ar")
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    sign_in(page, demo_instance.base_url, "mona")

    page.goto(demo_instance.base_url + "/admin/translations/ar/?edition=2013")
    row = page.locator("tr", has_text="Kazakhstan")
    progress = re.search(r"(\d+) of (\d+) strings translated", row.inner_text())
    assert progress and progress[1] == progress[2], "every segment of the demo's Arabic entry is translated"
    row.get_by_role("link", name="Translate").click()

    title = page.locator(".js-translation-editor li.complete", has_text="كازاخستان").first
    title.wait_for()
    english_left, english_right = text_offsets(title.locator("p.title"))
    left, right = text_offsets(title.locator("div p").first)
    assert english_left < english_right, "the English source reads from the left"
    assert right < 30 < left, f"the Arabic segment reads from the right (gaps {left:.0f}, {right:.0f})"

    title.get_by_role("button", name="Edit").click()
    box = title.locator("textarea")
    box.fill(CORRECTED)
    assert box.evaluate("e => getComputedStyle(e).unicodeBidi") == "plaintext", "typed Arabic runs right to left"
    title.get_by_role("button", name="Save").click()
    page.locator(".js-translation-editor li.complete", has_text=CORRECTED).wait_for()

    saved = demo_instance.shell(
        "from wagtail_localize.models import StringTranslation\n"
        "print(StringTranslation.objects.filter(locale__language_code='ar', data__contains='جمهورية').count())\n"
    )
    assert saved.strip() == "1", "the corrected segment is stored for the translation"
    context.close()
