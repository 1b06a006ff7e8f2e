"""A PDF's pages as printed lines in reading order, each with the type it was set in.

A text layer loses what a reader sees at a glance: which line is a country's name (the largest
bold type), a section heading, a data-box label, a bullet. PyMuPDF gives every span its font,
size and position, so here each page's layout blocks are put in reading order — column by
column, top to bottom, a block as wide as the page (a title, a running foot) closing the columns
above it — and each line keeps its size, weight, bullet and geometry. Page furniture is dropped
here by its shape and place: running heads (found by repetition, see ``cleaning.RunningHeads``),
page numbers in the margins, thumb-index letters in narrow blocks of their own.
"""

import re
from collections import Counter
from dataclasses import dataclass

from .cleaning import PAGE_NUMBER, THREE_LETTER_TAB, THUMB_LETTER, RunningHeads, is_private_use, tidy

SYMBOL_FONT = re.compile(r"dingbat|wingding|webding|symbol", re.IGNORECASE)
MARGIN = 0.12  # the top and bottom share of a page where folios and running heads sit
WIDE = 0.6  # a block wider than this share of the page spans the columns


@dataclass
class PrintedLine:
    page: int  # 1-based page of the PDF
    text: str  # cleaned, without its bullet
    size: float
    bold: bool
    font: str
    bullet: str = ""  # the bullet glyph ("font:char"), "" for none
    new_block: bool = False  # the first line of a layout block
    short: bool = False  # ends well before its block's right edge (a paragraph's last line)
    gap: float = 0.0  # space above the line beyond the page's usual leading for its type, in its size

    @property
    def style(self):
        return (round(self.size * 2) / 2, self.bold)


def is_bold(span):
    return bool(span["flags"] & 16) or bool(re.search(r"bold|black|heavy|-bd", span["font"], re.IGNORECASE))


def bullet_of(spans):
    """The bullet a line starts with (a symbol font's glyph or a private-use character), and the rest."""
    for position, span in enumerate(spans):
        text = span["text"]
        if not text.strip():
            continue
        if SYMBOL_FONT.search(span["font"]):
            return f"{span['font']}:{text.strip()}", spans[position + 1 :]
        if is_private_use(text.strip()[0]):
            return f"private:{text.strip()[0]}", spans
        break
    return "", spans


def ordered_blocks(blocks, width):
    """Text blocks in reading order: columns left to right within bands between page-wide blocks."""
    blocks = [block for block in blocks if block.get("type") == 0 and block.get("lines")]
    wide = sorted((b for b in blocks if b["bbox"][2] - b["bbox"][0] > WIDE * width), key=lambda b: b["bbox"][1])
    narrow = [b for b in blocks if b["bbox"][2] - b["bbox"][0] <= WIDE * width]
    lefts = sorted({round(b["bbox"][0]) for b in narrow})
    columns, starts = {}, []
    for left in lefts:
        if not starts or left - starts[-1] > 20:
            starts.append(left)
        columns[left] = len(starts) - 1
    ordered, top = [], float("-inf")
    for separator in [*wide, None]:
        bottom = separator["bbox"][1] if separator else float("inf")
        band = [b for b in narrow if top <= b["bbox"][1] < bottom]
        ordered += sorted(band, key=lambda b: (columns[round(b["bbox"][0])], b["bbox"][1]))
        if separator:
            ordered.append(separator)
            top = separator["bbox"][1]
    return ordered


def line_text(spans):
    return "".join(span["text"] for span in spans)


def page_dicts(document):
    """Each page's text as PyMuPDF's dict (spans with font, size, flags, boxes), images left out."""
    import pymupdf

    return [page.get_text("dict", flags=pymupdf.TEXTFLAGS_TEXT) for page in document]


def page_lines(pages):
    """Every page's raw lines, once per page: what ``RunningHeads.find`` counts."""
    for page in pages:
        seen = set()
        for block in page["blocks"]:
            for line in block.get("lines", ()):
                text = " ".join(line_text(line["spans"]).split())
                if text and text not in seen:
                    seen.add(text)
                    yield text


def is_furniture(text, block, page_rect, heads):
    """A running head, a folio in the margins, or a thumb letter standing alone at the edge."""
    if heads.page(text) is not None:
        return True
    x0, y0, x1, y1 = block["bbox"]
    in_margin = y1 < page_rect.height * MARGIN or y0 > page_rect.height * (1 - MARGIN)
    if PAGE_NUMBER.match(text) and in_margin:
        return True
    return bool(THUMB_LETTER.match(text) or THREE_LETTER_TAB.match(text)) and x1 - x0 < 30


def read_printed_lines(document, heads=None):
    """``(lines, heads)``: the document's ``PrintedLine`` objects in reading order, furniture dropped."""
    pages = page_dicts(document)
    heads = heads or RunningHeads.find(page_lines(pages))
    found = []
    for number, (page, text) in enumerate(zip(document, pages, strict=True), 1):
        first_on_page = len(found)
        width = page.rect.width
        for block in ordered_blocks(text["blocks"], width):
            right = block["bbox"][2]
            block_width = max(right - block["bbox"][0], 1)
            first, previous_bottom = True, None
            for line in block["lines"]:
                spans = [span for span in line["spans"] if span["text"]]
                raw = " ".join(line_text(spans).split())
                if not raw or is_furniture(raw, block, page.rect, heads):
                    continue
                bullet, rest = bullet_of(spans)
                text = tidy(line_text(rest))
                if not text:
                    continue
                weights = Counter()
                for span in rest:
                    weights[(span["size"], is_bold(span), span["font"])] += len(span["text"].strip())
                size, bold, font = weights.most_common(1)[0][0]
                top, bottom = line["bbox"][1], line["bbox"][3]
                gap = (top - previous_bottom) / size if previous_bottom is not None else 0.0
                found.append(
                    PrintedLine(
                        page=number,
                        text=text,
                        size=size,
                        bold=bold,
                        font=font,
                        bullet=bullet,
                        new_block=first,
                        short=line["bbox"][2] < right - 0.12 * block_width,
                        gap=gap,
                    )
                )
                first, previous_bottom = False, bottom
        relative_gaps(found[first_on_page:])
    return found, heads


def relative_gaps(lines):
    """Each line's space above it, less the usual leading of its type on the page.

    Leading differs from page to page (a column is justified vertically), so a paragraph's
    extra space is only visible against the page's own usual gap.
    """
    by_style = {}
    for line in lines:
        if not line.new_block and line.gap > -0.5:
            by_style.setdefault(line.style, []).append(line.gap)
    usual = {style: sorted(gaps)[len(gaps) // 2] for style, gaps in by_style.items()}
    for line in lines:
        if not line.new_block:
            line.gap -= usual.get(line.style, line.gap)


def body_style(lines):
    """The style most of the book's characters are set in."""
    weights = Counter()
    for line in lines:
        weights[line.style] += len(line.text)
    return weights.most_common(1)[0][0] if weights else (10.0, False)
