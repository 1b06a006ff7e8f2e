"""Rich text converts faithfully to PDF and EPUB; what cannot be converted is reported, not dropped."""

import subprocess

import pytest

from rapporteur.publishing import richtext
from rapporteur.publishing.epub import XhtmlWriter
from rapporteur.publishing.links import LinkMap
from rapporteur.publishing.pdf import TypstWriter, compile_pdf, preamble
from tests.support.helpers import require_tool

RICH = (
    '<p>Plain, <b>bold</b>, <i>italic</i> and <a href="https://example.org/a?b=1&amp;c=2">a link</a>.</p>'
    "<ul><li>first</li><li>second</li></ul><ol><li>one</li></ol>"
    "<blockquote><p>A quotation.</p></blockquote>"
    '<p>An <a href="/en/2013/europe-and-central-asia/kazakhstan/">internal link</a>.</p>'
)


def test_supported_rich_text_becomes_typst_and_xhtml():
    links = LinkMap({"/en/2013/europe-and-central-asia/kazakhstan/": "entry-kz"})
    warnings = []
    typst = TypstWriter(links, warnings)
    typst.rich(RICH, "Test entry, summary")
    source = "\n".join(typst.out)
    assert '#strong[#"bold"]' in source and '#emph[#"italic"]' in source
    assert '#link("https://example.org/a?b=1&c=2")[#"a link"]' in source
    assert "#list(" in source and "#enum(" in source and "#quote(block: true)[" in source
    assert '#link(<entry-kz>)[#"internal link"]' in source
    xhtml = XhtmlWriter(LinkMap({"/en/2013/europe-and-central-asia/kazakhstan/": "entry-kz.xhtml"}), warnings)
    xhtml.rich(RICH, "Test entry, summary")
    markup = "".join(xhtml.out)
    assert "<strong>bold</strong>" in markup and "<em>italic</em>" in markup
    assert '<a href="https://example.org/a?b=1&amp;c=2">a link</a>' in markup
    assert (
        "<ul><li><p>first</p></li>" in markup
        and "<ol>" in markup
        and "<blockquote><p>A quotation.</p></blockquote>" in markup
    )
    assert '<a href="entry-kz.xhtml">internal link</a>' in markup
    assert warnings == []


def test_unknown_markup_is_reported_with_where_it_was_and_its_text_kept():
    warnings = []
    blocks = richtext.parse(
        "<p>Before <table><tr><td>cell text</td></tr></table> after</p>",
        "Kazakhstan (Annual Report 2013), summary",
        warnings,
    )
    assert "cell text" in "".join(richtext.plain(block) for block in blocks)
    assert warnings and warnings[0].startswith("Kazakhstan (Annual Report 2013), summary: <table> is not supported")


@pytest.mark.parametrize(
    "text",
    ['#set page(width: 1cm) "quoted" \\ back', "]] [[ <label> @ref $x$ *star* _under_ // comment", "= not a heading"],
)
def test_report_text_cannot_inject_typst(text):
    pdftotext = require_tool("pdftotext", "needed to read PDFs back; apt-get install poppler-utils")
    writer = TypstWriter(LinkMap({}), [])
    writer.rich(f"<p>{text.replace('<', '&lt;')}</p>", "test")
    data = compile_pdf(preamble("Test", "Test", "en") + "\n".join(writer.out))
    out = subprocess.run([pdftotext, "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    assert " ".join(text.split()) in " ".join(out.split())
