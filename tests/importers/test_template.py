"""The generated house-style template reads back as the entry it shows."""

import io

import docx
from django.core.management import call_command

from rapporteur.demo.content.vocabulary import THEMES
from rapporteur.importers.template import house_style_template
from rapporteur.importers.word import read_docx


def test_the_template_uses_the_house_styles():
    document = docx.Document(io.BytesIO(house_style_template()))
    used = {paragraph.style.name for paragraph in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Case", "List Bullet"} <= used


def test_the_template_reads_back_into_the_structure_it_shows():
    entry = read_docx(house_style_template(), themes=[name for _, name, _ in THEMES])
    assert entry.country_name == "Country name" and entry.iso_code == ""
    assert [w.message for w in entry.warnings] == [
        "“Country name” is not a country we know; choose the country in the preview."
    ]
    assert [(h.office, h.name, [(r.name, r.month) for r in h.replaced]) for h in entry.office_holders] == [
        ("head_of_state", "Name of the head of state", [("Name of the predecessor", "March 2025")]),
        ("head_of_government", "Name of the head of government", []),
    ]
    assert entry.summary_html.startswith("<p>Write the summary here")
    (section,) = entry.sections
    assert (section.heading, section.theme) == ("Freedom of expression", "Freedom of expression")
    assert [block.kind for block in section.blocks] == ["paragraph", "paragraph", "subheading", "paragraph", "case"]
    assert '<a href="https://example.org/">links</a>' in section.blocks[0].html
    assert section.blocks[-1].person == "Full name of the person"
    assert [(r.title, r.index_number) for r in entry.reports] == [("Title of a report", "ABC 00/000/2025")]
    assert entry.visits == ["A research visit: who went, where and when."]


def test_the_command_writes_the_template(tmp_path):
    out = tmp_path / "house-style.docx"
    call_command("house_style_template", str(out), stdout=io.StringIO())
    assert read_docx(out).country_name == "Country name"
