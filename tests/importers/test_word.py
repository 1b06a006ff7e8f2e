"""A Word entry in the house style imports as its author wrote it: what a researcher would check in the preview."""

import pytest
from docx.shared import Inches

from rapporteur.demo.content.vocabulary import THEMES
from rapporteur.importers.imported import ImportedArticle, ImportedEntry
from rapporteur.importers.template import add_link
from rapporteur.importers.word import read_docx
from tests.importers.docx_files import add_footnote_mark, bold_then, new_document, to_bytes, with_footnotes

THEME_NAMES = [name for _, name, _ in THEMES]


def entry_document():
    document = new_document("Kazakhstan")
    document.add_paragraph("Head of state: First Holder")
    document.add_paragraph(
        "Head of government: Second Holder (replaced Third Holder in September 2012, "
        "who replaced Fourth Holder in January 2011)"
    )
    document.add_paragraph("A synthetic summary of the year.")
    document.add_paragraph("A second summary paragraph.")
    document.add_heading("Freedom of Expression", level=1)
    paragraph = document.add_paragraph("Plain words, ")
    paragraph.add_run("bold words").bold = True
    paragraph.add_run(", ")
    paragraph.add_run("italic words").italic = True
    paragraph.add_run(" and ")
    add_link(paragraph, "a link", "https://example.org/report")
    document.add_heading("A subheading", level=2)
    document.add_paragraph("First point.", style="List Bullet")
    document.add_paragraph("Second point.", style="List Bullet")
    bold_then(document.add_paragraph(style="Case"), "Named Person", ", a placeholder teacher, was detained.")
    document.add_heading("Torture and other ill treatment", level=1)
    document.add_paragraph("Synthetic text about the section.")
    return document


@pytest.fixture
def entry():
    return read_docx(to_bytes(entry_document()), themes=THEME_NAMES)


def test_title_names_the_country_and_office_lines_name_the_holders(entry):
    assert isinstance(entry, ImportedEntry)
    assert (entry.country_name, entry.iso_code) == ("Kazakhstan", "KZ")
    state, government = entry.office_holders
    assert (state.office, state.name, state.replaced) == ("head_of_state", "First Holder", [])
    assert government.office == "head_of_government" and government.name == "Second Holder"
    assert [(r.name, r.month) for r in government.replaced] == [
        ("Third Holder", "September 2012"),
        ("Fourth Holder", "January 2011"),
    ]


def test_paragraphs_before_the_first_heading_are_the_summary(entry):
    assert entry.summary_html == "<p>A synthetic summary of the year.</p><p>A second summary paragraph.</p>"


def test_heading_1_is_a_theme_section_matched_whatever_its_capitals_or_hyphens(entry):
    assert [(section.heading, section.theme) for section in entry.sections] == [
        ("Freedom of Expression", "Freedom of expression"),
        ("Torture and other ill treatment", "Torture and other ill-treatment"),
    ]
    assert entry.warnings == []


def test_bold_italic_links_lists_and_subheadings_carry_over(entry):
    blocks = entry.sections[0].blocks
    assert [block.kind for block in blocks] == ["paragraph", "subheading", "paragraph", "case"]
    assert blocks[0].html == (
        '<p>Plain words, <b>bold words</b>, <i>italic words</i> and <a href="https://example.org/report">a link</a></p>'
    )
    assert blocks[1].html == "A subheading"
    assert blocks[2].html == "<ul><li>First point.</li><li>Second point.</li></ul>"


def test_a_case_paragraph_names_its_person_by_its_first_bold_words(entry):
    case = entry.sections[0].blocks[-1]
    assert case.person == "Named Person"
    assert case.html == "<p><b>Named Person</b>, a placeholder teacher, was detained.</p>"


def test_a_person_line_names_the_case_after_it_and_quote_paragraphs_are_cases_too():
    document = new_document()
    document.add_heading("Unfair trials", level=1)
    document.add_paragraph("Person: Someone Named", style="Case")
    document.add_paragraph("The first paragraph of a case.", style="Case")
    document.add_paragraph("Its second paragraph.", style="Case")
    document.add_paragraph("Between the cases.")
    bold_then(document.add_paragraph(style="Quote"), "Quoted Person", " in a Word quote block.")
    document.add_paragraph("Case: a plain paragraph that says it is a case.")
    cases = [block for block in read_docx(to_bytes(document)).sections[0].blocks if block.kind == "case"]
    assert [(case.person, case.html) for case in cases] == [
        ("Someone Named", "<p>The first paragraph of a case.</p><p>Its second paragraph.</p>"),
        ("Quoted Person", "<p><b>Quoted Person</b> in a Word quote block.</p>"),
        ("", "<p>a plain paragraph that says it is a case.</p>"),
    ]


def test_footnotes_become_notes_at_the_end_of_the_section_that_cites_them():
    document = new_document()
    document.add_heading("Death penalty", level=1)
    add_footnote_mark(document.add_paragraph("A cited sentence."), 1)
    document.add_paragraph("Uncited.")
    document.add_heading("Impunity", level=1)
    add_footnote_mark(document.add_paragraph("Another cited sentence."), 2)
    entry = read_docx(with_footnotes(to_bytes(document), {1: "A synthetic source.", 2: "Another source."}))
    first, second = entry.sections
    assert first.blocks[0].html == "<p>A cited sentence.[1]</p>"
    assert first.blocks[-1].html == "<p><b>Notes</b></p><p>[1] A synthetic source.</p>"
    assert second.blocks[-1].html == "<p><b>Notes</b></p><p>[2] Another source.</p>"


def test_images_and_tables_are_skipped_and_the_warning_says_where(tmp_path):
    image = tmp_path / "dot.png"
    image.write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
            "0000000d4944415478da63f8cfc0f01f0005000201a5e1f2ad0000000049454e44ae426082"
        )
    )
    document = new_document()
    document.add_heading("Armed conflict", level=1)
    document.add_paragraph("Text before.")
    document.add_picture(str(image), width=Inches(1))
    document.add_table(rows=3, cols=2)
    entry = read_docx(to_bytes(document))
    assert entry.sections[0].blocks[0].html == "<p>Text before.</p>"
    assert [(w.where, w.message) for w in entry.warnings if "section" in w.where] == [
        ("Kazakhstan, section “Armed conflict”, paragraph 4", "An image was skipped: images are not imported."),
        ("Kazakhstan, section “Armed conflict”, paragraph 5", "A table (3 rows) was skipped: tables are not imported."),
    ]


def test_an_unknown_heading_is_flagged_with_the_closest_themes():
    document = new_document()
    document.add_heading("Freedom of asembly and association", level=1)
    document.add_paragraph("Text.")
    entry = read_docx(to_bytes(document), themes=THEME_NAMES)
    assert entry.sections[0].theme == ""
    (warning,) = [warning for warning in entry.warnings if "section" in warning.where]
    assert warning.where == "Kazakhstan, section “Freedom of asembly and association”, paragraph 2"
    assert "Freedom of assembly" in warning.message and "Freedom of association" in warning.message


def test_country_reports_and_visits_become_the_entrys_reports_and_visits():
    document = new_document()
    document.add_heading("Country reports", level=1)
    add_link(
        document.add_paragraph(style="List Bullet"), "A synthetic report (EUR 57/002/2011)", "https://example.org/r"
    )
    document.add_paragraph("A report without a number", style="List Bullet")
    document.add_heading("Country visits", level=1)
    document.add_paragraph("Delegates visited in May.", style="List Bullet")
    entry = read_docx(to_bytes(document))
    assert [(r.title, r.index_number, r.url) for r in entry.reports] == [
        ("A synthetic report", "EUR 57/002/2011", "https://example.org/r"),
        ("A report without a number", "", ""),
    ]
    assert entry.visits == ["Delegates visited in May."]
    assert entry.sections == []


def test_a_kind_line_makes_an_article_with_its_author_and_lead():
    document = new_document("A synthetic essay title")
    document.add_paragraph("Kind: essay")
    document.add_paragraph("Author: A. Writer")
    document.add_paragraph("The lead paragraph.")
    document.add_heading("A heading", level=1)
    document.add_paragraph("Body text.")
    document.add_paragraph("A quotation.", style="Quote")
    article = read_docx(to_bytes(document))
    assert isinstance(article, ImportedArticle)
    assert (article.kind, article.title, article.author, article.lead) == (
        "essay",
        "A synthetic essay title",
        "A. Writer",
        "The lead paragraph.",
    )
    assert [(block.kind, block.html) for block in article.blocks] == [
        ("subheading", "A heading"),
        ("paragraph", "<p>Body text.</p>"),
        ("quote", "<p>A quotation.</p>"),
    ]


@pytest.mark.parametrize("title, kind", [("Introduction", "introduction"), ("Press release", "press_release")])
def test_an_articles_title_alone_can_say_its_kind(title, kind):
    document = new_document(title)
    document.add_paragraph("The lead.")
    assert read_docx(to_bytes(document)).kind == kind


def test_without_a_title_style_the_first_line_is_the_title():
    document = new_document(title=None)
    document.add_paragraph("Kazakhstan")
    document.add_paragraph("The summary.")
    entry = read_docx(to_bytes(document))
    assert (entry.iso_code, entry.summary_html) == ("KZ", "<p>The summary.</p>")


def test_an_unknown_country_and_a_style_outside_the_house_style_are_warned_about():
    document = new_document("Atlantis")
    document.add_paragraph("Summary.", style="Intense Quote")
    document.add_paragraph("In a caption.", style="Caption")
    messages = [warning.message.lower() for warning in read_docx(to_bytes(document)).warnings]
    assert any("“caption” is not part of the house style" in message for message in messages)
    assert any("“atlantis” is not a country we know" in message for message in messages)


def test_scripts_and_javascript_links_never_come_out():
    document = new_document()
    document.add_heading("Impunity", level=1)
    paragraph = document.add_paragraph('<script>alert("x")</script> <a href="javascript:alert(1)">typed</a> ')
    add_link(paragraph, "a hostile link", "javascript:alert(document.cookie)")
    entry = read_docx(to_bytes(document))
    html = entry.sections[0].blocks[0].html
    assert "<script" not in html and "javascript:" not in html.replace("&lt;", "<").split("typed")[1]
    assert "<a " not in html
    assert "a hostile link" in html
