"""A sample country entry in the house style, for trying the Import page (and the demo).

Written in our own words about Iceland in 2012, stating only widely reported public facts —
who held office, a referendum, a ranking — and no allegation about anyone. It is built from
the template's own styles, so it imports as the template promises. One heading ("Constitutional
reform") is deliberately not a theme of the demo vocabulary, so the preview shows what an
unknown heading looks like and offers to map it.
"""

import io

import docx

from .template import CASE_STYLE, add_case_style


def sample_entry():
    """The sample entry as ``.docx`` bytes."""
    document = docx.Document()
    add_case_style(document)
    document.core_properties.title = "Iceland — a sample entry for the Import page"
    document.add_paragraph("Iceland", style="Title")
    document.add_paragraph("Head of state: Ólafur Ragnar Grímsson")
    document.add_paragraph("Head of government: Jóhanna Sigurðardóttir")
    document.add_paragraph(
        "This is a sample entry written for trying out the import. It states only widely reported public "
        "facts about the year; a real entry would be researched and reviewed before publication."
    )

    document.add_heading("Constitutional reform", level=1)
    document.add_paragraph(
        "In October 2012 voters were asked, in an advisory referendum, whether the proposals of the "
        "Constitutional Council should form the basis of a new constitution. About two thirds of those "
        "who voted said yes. Parliament had not adopted a new constitution by the end of the year."
    )

    document.add_heading("Discrimination", level=1)
    paragraph = document.add_paragraph("A law in force since ")
    paragraph.add_run("2010").bold = True
    paragraph.add_run(" allows couples of the same sex to marry on the same terms as other couples.")
    document.add_heading("Women's rights", level=2)
    document.add_paragraph(
        "Iceland was ranked first in the World Economic Forum's Global Gender Gap Index in each year from 2009 to 2012."
    )
    document.add_paragraph(
        "A case paragraph, in the Case style, tells one person's story. This sample names no one, so it "
        "has no “Person:” line.",
        style=CASE_STYLE,
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
