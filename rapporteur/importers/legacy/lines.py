"""Lines of a text layer, each cleaned and told apart: text, case, report, visit or page furniture.

The bullet glyphs say what a line is before cleaning removes them (a case paragraph, a report, a
visit), and one extracted line may hold several report bullets in a row, so a raw line becomes
one or more ``Line`` objects, each remembering the input line number it came from.
"""

import re
from dataclasses import dataclass

from .cleaning import (
    CASE_BULLET,
    NO_HEADS,
    OLD_CASE_BULLET,
    OLD_REPORT_BULLET,
    REPORT_BULLET,
    VISIT_BULLET,
    page_furniture,
    tidy,
)

BULLETS = {CASE_BULLET: "case", REPORT_BULLET: "report", VISIT_BULLET: "visit"}
BULLET_SPLIT = re.compile(f"([{CASE_BULLET}{REPORT_BULLET}{VISIT_BULLET}]|(?:^|(?<=\\s)){OLD_REPORT_BULLET}\\s)")


@dataclass
class Line:
    number: int  # 1-based line number in the input
    text: str
    kind: str = "text"  # "text", "case", "report", "visit" or "furniture"
    page: str = ""  # for furniture: the page number it shows, if any


def read_lines(raw_lines, first_number=1, heads=NO_HEADS):
    """Cleaned ``Line`` objects from raw text-layer lines; ``heads``: the book's running heads."""
    found = []
    for offset, raw in enumerate(raw_lines):
        number = first_number + offset
        kind = "text"
        for piece in BULLET_SPLIT.split(raw):
            if not piece:
                continue
            if piece in BULLETS:
                kind = BULLETS[piece]
                continue
            if piece.strip() == OLD_REPORT_BULLET:
                kind = "report"
                continue
            text = tidy(piece)
            if not text:
                continue
            if kind == "text" and OLD_CASE_BULLET.match(text):
                kind, text = "case", text[2:]
            if kind == "text":
                page = page_furniture(text, heads)
                if page is not None:
                    found.append(Line(number, text, "furniture", page))
                    continue
            found.append(Line(number, text, kind))
            kind = "text"
    return found
