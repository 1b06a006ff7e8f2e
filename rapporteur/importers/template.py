"""The house-style template: a ``.docx`` an author fills in, which imports as a country entry.

Generated rather than stored, so the template and the reader cannot drift apart: the tests read
this very file back and expect the structure it shows. It uses Word's own Title, Heading 1,
Heading 2, List Bullet styles and one of ours, "Case". The wording is our own placeholder text,
naming no real country and no real event.
"""

import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

CASE_STYLE = "Case"
EXAMPLE_LINK = "https://example.org/"


def house_style_template():
    """The template as ``.docx`` bytes."""
    document = docx.Document()
    add_case_style(document)
    properties = document.core_properties
    properties.title = "Country entry — house-style template"
    properties.comments = (
        "Title = country; Head of … lines = office holders; paragraphs before the first Heading 1 = summary; "
        "Heading 1 = a theme section; Heading 2 = subheading; Case style = a case; "
        "Heading 1 “Country reports” / “Country visits” = reports and visits."
    )
    write_example(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_case_style(document):
    """ "Case": indented, with a rule on its left, so an author sees a case as set apart."""
    style = document.styles.add_style(CASE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    style.paragraph_format.left_indent = Pt(18)
    style.paragraph_format.space_before = Pt(6)
    style.paragraph_format.space_after = Pt(6)
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for name, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "8"), ("w:color", "999999")):
        left.set(qn(name), value)
    borders.append(left)
    style.element.get_or_add_pPr().append(borders)
    return style


def write_example(document):
    document.add_paragraph("Country name", style="Title")
    document.add_paragraph("Head of state: Name of the head of state (replaced Name of the predecessor in March 2025)")
    document.add_paragraph("Head of government: Name of the head of government")
    document.add_paragraph(
        "Write the summary here: one or two paragraphs on the year as a whole. Everything between the "
        "“Head of …” lines and the first Heading 1 becomes the entry’s summary."
    )

    document.add_heading("Freedom of expression", level=1)
    paragraph = document.add_paragraph(
        "Write the section here. Each Heading 1 starts a section and should be the name of a theme, like this one. "
    )
    paragraph.add_run("Bold").bold = True
    paragraph.add_run(", ")
    paragraph.add_run("italic").italic = True
    paragraph.add_run(" and ")
    add_link(paragraph, "links", EXAMPLE_LINK)
    paragraph.add_run(" carry over; images and tables do not.")
    document.add_paragraph("A list item, in the List Bullet style.", style="List Bullet")
    document.add_paragraph("Another list item.", style="List Bullet")

    document.add_heading("A subheading, in the Heading 2 style", level=2)
    document.add_paragraph("More of the section, under its subheading.")
    document.add_paragraph("Person: Full name of the person", style=CASE_STYLE)
    case = document.add_paragraph(style=CASE_STYLE)
    case.add_run("Full name of the person").bold = True
    case.add_run(
        ", who they are, and what happened to them, in the Case style. A “Person:” line names the person; "
        "without one, the first bold words do."
    )

    document.add_heading("Country reports", level=1)
    document.add_paragraph("Title of a report (ABC 00/000/2025)", style="List Bullet")
    document.add_heading("Country visits", level=1)
    document.add_paragraph("A research visit: who went, where and when.", style="List Bullet")


def add_link(paragraph, text, url):
    """A hyperlink run (python-docx has no API for one)."""
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(RGBColor(0x1F, 0x4E, 0x9A)))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.extend([colour, underline])
    words = OxmlElement("w:t")
    words.text = text
    run.extend([properties, words])
    link.append(run)
    paragraph._p.append(link)
    return link
