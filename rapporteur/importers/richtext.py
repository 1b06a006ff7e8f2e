"""Imported HTML reduced to the rich-text features a country entry allows.

Word and Markdown can carry anything — scripts, styles, ``javascript:`` links, tables, raw
HTML. An entry's rich text allows paragraphs, bold, italic, links and lists
(``reports.models.richtext``), so imported HTML is cut to exactly those tags first, then
passed through the project's output sanitiser, so nothing an import stores could later be
rendered as something else.
"""

import html as html_module
import re

import nh3

from rapporteur.reports.sanitise import clean_html

# The tags Wagtail's editor makes for PARAGRAPH_FEATURES (bold, italic, link, ol, ul, blockquote).
ENTRY_TAGS = {"p", "br", "b", "i", "a", "ol", "ul", "li", "blockquote"}
RENAMED = {"strong": "b", "em": "i"}


def allowed_html(html):
    """``html`` with only the entry's rich-text features left, safe to store and render."""
    for tag, replacement in RENAMED.items():
        html = re.sub(rf"<(/?){tag}\b", rf"<\1{replacement}", html or "")
    narrowed = nh3.clean(html, tags=ENTRY_TAGS, attributes={"a": {"href"}}, link_rel=None)
    return clean_html(narrowed).strip()


BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|blockquote|h[1-6]|div|tr|td|th)\b[^>]*>", re.I)
ANY_TAG = re.compile(r"<[^>]*>")


def plain_text(html):
    """The words of an HTML fragment, spaces collapsed (for matching and for warnings).

    Sanitised first (so a script's text is dropped, not read), then the tags removed: cheaper
    than parsing each fragment again, which mattered for a 40-page entry.
    """
    text = ANY_TAG.sub("", BLOCK_TAG.sub(" ", allowed_html(html)))
    return " ".join(html_module.unescape(text).split())
