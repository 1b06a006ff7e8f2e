"""Draw the house-style template as an SVG, for the README: ``docs/house-style-template.svg``.

    .venv/bin/python docs/house_style_picture.py [OUT.svg]

The picture is drawn from the generated template itself (``importers.template``): each
paragraph with its Word style, set roughly as Word shows it, and beside it what the import
makes of it. So the picture cannot drift from the template: change the template, run this
again. No rendering engine is needed; the SVG is plain text.
"""

import io
import os
import sys
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rapporteur.settings.test")

import django  # noqa: E402

django.setup()

import docx  # noqa: E402

from rapporteur.importers.offices import parse_office_line  # noqa: E402
from rapporteur.importers.template import house_style_template  # noqa: E402

PAGE_X, PAGE_WIDTH, NOTE_X = 20, 470, 520
LOOK = {  # style → (font size, bold, left indent, characters per line)
    "Title": (24, False, 0, 34),
    "Heading 1": (16, True, 0, 48),
    "Heading 2": (13, True, 0, 60),
    "Case": (11, False, 22, 70),
    "List Bullet": (11, False, 18, 72),
    "Normal": (11, False, 0, 76),
}


def meaning(style, text, seen_section, section):
    """What the import makes of one paragraph, in the README's words."""
    if style == "Title":
        return "Title → the country"
    if style == "Heading 1":
        if text.casefold() in ("country reports", "country visits"):
            return f"Heading 1 “{text}” → the entry's {text.split()[-1]}"
        return "Heading 1 → a theme section"
    if style == "Heading 2":
        return "Heading 2 → a subheading"
    if style == "Case":
        return "Case → the case's person" if text.startswith("Person:") else "Case → a case block"
    if style == "List Bullet":
        if section in ("country reports", "country visits"):
            return f"List Bullet → one {section.split()[-1][:-1]}"
        return "List Bullet → a list"
    if parse_office_line(text):
        return "“Head of …:” → office holders"
    return "Normal → a paragraph" if seen_section else "Normal, before Heading 1 → the summary"


def runs_svg(paragraph, limit):
    """The paragraph's words as tspans, bold and italic kept, wrapped at ``limit`` characters."""
    words, before = [], " "  # (word, bold, italic, glued to the word before); the text so far ends with
    for part in paragraph.iter_inner_content():  # runs and hyperlinks, in order
        bold, italic = getattr(part, "bold", None), getattr(part, "italic", None)
        for number, word in enumerate(part.text.split()):
            glued = number == 0 and not before[-1:].isspace() and not part.text[:1].isspace()
            words.append((word, bold, italic, glued))
        before = part.text or before
    lines, line, width = [], [], 0
    for word in words:
        if line and width + len(word[0]) + 1 > limit:
            lines.append(line)
            line, width = [], 0
        line.append(word)
        width += len(word[0]) + 1
    if line:
        lines.append(line)
    return [
        "".join(
            ("" if glued or n == 0 else " ") + tspan(word, bold, italic)
            for n, (word, bold, italic, glued) in enumerate(line)
        )
        for line in lines
    ]


def tspan(word, bold, italic):
    weight = ' font-weight="bold"' if bold else ""
    slant = ' font-style="italic"' if italic else ""
    return f"<tspan{weight}{slant}>{escape(word)}</tspan>"


def picture():
    document = docx.Document(io.BytesIO(house_style_template()))
    body, notes, y = [], [], 40
    seen_section, section = False, ""
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style.name in LOOK else "Normal"
        size, bold, indent, limit = LOOK[style]
        text = paragraph.text.strip()
        if not text:
            continue
        if style == "Heading 1":
            seen_section, section = True, text.casefold()
            y += 10
        lines = runs_svg(paragraph, limit)
        top = y
        x = PAGE_X + 16 + indent
        for line in lines:
            y += size + 5
            prefix = "• " if style == "List Bullet" else ""
            weight = ' font-weight="bold"' if bold else ""
            family = "Georgia, serif" if style == "Title" else "Helvetica, Arial, sans-serif"
            body.append(
                f'<text x="{x}" y="{y}" font-size="{size}" font-family="{family}"{weight}>{prefix}{line}</text>'
            )
        if style == "Case":
            body.append(
                f'<line x1="{x - 10}" y1="{top + 4}" x2="{x - 10}" y2="{y + 4}" stroke="#999" stroke-width="2"/>'
            )
        middle = (top + y) / 2 + 4
        notes.append(
            f'<line x1="{PAGE_X + PAGE_WIDTH - 6}" y1="{middle - 4}" x2="{NOTE_X - 6}" y2="{middle - 4}" '
            f'stroke="#1f4e9a" stroke-dasharray="3 3"/>'
            f'<text x="{NOTE_X}" y="{middle}" font-size="12" font-family="Helvetica, Arial, sans-serif" '
            f'fill="#1f4e9a">{escape(meaning(style, text, seen_section, section))}</text>'
        )
        y += 8
    height = y + 30
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="860" height="{height}" viewBox="0 0 860 {height}" '
            'role="img" aria-labelledby="title">',
            '<title id="title">The house-style Word template, and what the import makes of each paragraph</title>',
            '<rect width="860" height="100%" fill="#f4f4f4"/>',
            f'<rect x="{PAGE_X}" y="16" width="{PAGE_WIDTH}" height="{height - 32}" fill="#fff" stroke="#ccc"/>',
            *body,
            *notes,
            "</svg>",
            "",
        ]
    )


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "house-style-template.svg"
    out.write_text(picture(), encoding="utf-8")
    print(f"Wrote {out}")
