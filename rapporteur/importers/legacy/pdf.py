"""A legacy edition from its PDF: structure from the typography, text in reading order.

The text-layer route has to guess what a line is from its words, and suffers the extractor's
reading order (columns of the next entry before its header). A PDF still says how each line was
set, so the book is read from what the typesetter did rather than from any one book's words:

* the body type is the style most characters are set in;
* a country header is the large bold style whose lines most often name a country; the entries
  run from the first such header to the first line larger than any heading that names none
  (the part title after the A–Z);
* section headings are bold lines larger than the body (the commonest such size), subheadings
  bold lines between the two, the summary the paragraphs after the data box, before the first
  heading;
* the data box is the run of ``Label:`` lines under the header, each with its value lines;
* a line that starts with a symbol-font glyph is a bullet: a case in a section, a report or a
  visit under the visits/reports heading (a report carries a document number, or the bullet
  the numbered reports use).

Then the text route's own pieces finish the job: ``databox`` reads the facts and office
holders, ``topics`` reads the "Index of selected topics" and themes the sections, ``cleaning``
cleans every line. Nothing here touches the database.
"""

import re
from collections import Counter
from pathlib import Path

from ..countries import resolve
from ..errors import ImportRefused
from ..imported import Block, ImportedEdition, Section, Warning
from ..imported import ImportedEntry as Entry
from .cleaning import join
from .databox import LABEL, read_data_box
from .entry import (
    INDEX_NUMBER,
    SENTENCE_END,
    SUBLABELS,
    VISITS_HEADING,
    finish_html,
    is_caps,
    paragraph_html,
    parse_report,
    split_header,
    warn_glued,
)
from .topics import INDEX_TITLE, assign_themes, read_topic_index, topics_by_country
from .typography import body_style, read_printed_lines

MIN_TEXT_PER_PAGE = 40  # characters: fewer on (nearly) every page means the pages are pictures
PARAGRAPH_GAP = 0.3  # extra space above a line, in its own size, that opens a new paragraph within a block


def open_pdf(path_or_bytes, name):
    """The PyMuPDF document, or a refusal a person can act on (damaged, encrypted, scanned)."""
    import pymupdf

    try:
        if isinstance(path_or_bytes, bytes | bytearray):
            document = pymupdf.open(stream=bytes(path_or_bytes), filetype="pdf")
        else:
            document = pymupdf.open(Path(path_or_bytes), filetype="pdf")
    except Exception:  # PyMuPDF raises several kinds for damaged files; all mean the same here
        raise ImportRefused(f"{name} is not a readable PDF (it may be damaged or not a PDF at all).") from None
    if document.needs_pass or document.is_encrypted:
        document.close()
        raise ImportRefused(f"{name} is encrypted (password-protected): save an unprotected copy and import that.")
    if document.page_count == 0:
        document.close()
        raise ImportRefused(f"{name} has no pages.")
    with_text = sum(1 for page in document if len(page.get_text("text").strip()) >= MIN_TEXT_PER_PAGE)
    if with_text < max(1, document.page_count // 10):
        document.close()
        raise ImportRefused(
            f"{name} has no text layer (its pages are pictures, as in a scanned book): it needs OCR "
            "(not done here). Run OCR on it first (e.g. with ocrmypdf), or import its text layer as .txt."
        )
    return document


def read_pdf(path_or_bytes, *, source=None):
    """An edition from a legacy book's PDF (a path, or its bytes). Raises ``ImportRefused``."""
    source = source or (Path(path_or_bytes).name if not isinstance(path_or_bytes, bytes | bytearray) else "PDF")
    document = open_pdf(path_or_bytes, source)
    with document:
        lines, heads = read_printed_lines(document)
    edition = ImportedEdition()
    if heads.year:
        edition.year, edition.covers_year, edition.title = heads.year, heads.year - 1, heads.title
    book = Typography(lines)
    edition.topic_index, problems = read_topic_index(index_lines(lines, book))
    for _index, message in problems:
        edition.warnings.append(Warning(where=f"{source}, index of selected topics", message=message))
    by_country = topics_by_country(edition.topic_index)
    items, seen = {}, {}
    for start, end, count in book.entry_spans():
        entry, found = read_entry(lines[start:end], count, book, source)
        if not entry.iso_code and not entry.office_holders:
            continue  # a large bold line that names no country and has no data box: not an entry
        if entry.iso_code in seen:
            edition.warnings.append(
                Warning(
                    where=entry.source,
                    message=f"{entry.country_name}: a second entry for this country (the first is at {seen[entry.iso_code]})",
                )
            )
        seen.setdefault(entry.iso_code, entry.source)
        items[id(entry)] = found
        edition.entries.append(entry)
    report_bullet = numbered_bullet(items.values())
    for entry in edition.entries:
        file_items(entry, items[id(entry)], report_bullet)
        assign_themes(entry, edition.topic_index, by_country)
        finish_html(entry)
        warn_glued(entry)
    if not edition.entries:
        edition.warnings.append(Warning(where=source, message="no country entries found (no country headers)"))
    return edition


class Typography:
    """The roles of the book's styles: body, country header, section heading."""

    def __init__(self, lines):
        self.lines = lines
        self.body_size, _bold = body_style(lines)
        self.header_style = self.find_header_style()
        self.header_size = self.header_style[0] if self.header_style else float("inf")
        sizes = Counter(
            line.style[0]
            for line in lines
            if line.bold and self.body_size * 1.2 <= line.size < self.header_size - 1 and not line.bullet
        )
        self.heading_size = sizes.most_common(1)[0][0] if sizes else self.body_size * 1.5

    def runs(self, position, style):
        """How many lines from ``position`` continue one title in ``style``."""
        count = 0
        while position + count < len(self.lines) and self.lines[position + count].style == style:
            if (
                count
                and self.lines[position + count].new_block
                and not self.lines[position + count - 1].text.endswith("/")
            ):
                break
            count += 1
        return count

    def find_header_style(self):
        resolved = Counter()
        position = 0
        while position < len(self.lines):
            line = self.lines[position]
            if line.bold and line.size >= self.body_size * 1.8:
                count = self.runs(position, line.style)
                if resolve(title_text(self.lines[position : position + count])):
                    resolved[line.style] += 1
                position += count
            else:
                position += 1
        return resolved.most_common(1)[0][0] if resolved else None

    def is_header(self, line):
        return self.header_style is not None and line.style == self.header_style

    def is_heading(self, line):
        return line.bold and not line.bullet and self.heading_size - 0.5 <= line.size < self.header_size - 1

    def is_subheading(self, line):
        return line.bold and not line.bullet and self.body_size + 0.4 < line.size < self.heading_size - 0.5

    def entry_spans(self):
        """(start, end, header line count) of each country entry, in book order."""
        spans, position, started = [], 0, False
        while position < len(self.lines):
            line = self.lines[position]
            if self.is_header(line):
                count = self.runs(position, line.style)
                following = self.lines[position + count] if position + count < len(self.lines) else None
                if following is not None and following.text.startswith("(") and is_caps(following.text):
                    count += 1  # KOREA / (DEMOCRATIC PEOPLE’S REPUBLIC OF): the qualifier in smaller type
                if started or resolve(split_header(header_texts(self.lines[position : position + count]))[0]):
                    if spans:
                        spans[-1][1] = position
                    spans.append([position, len(self.lines), count])
                    started = True
                position += count
                continue
            if started and line.size > self.heading_size + 1 and not line.bullet:
                spans[-1][1] = position  # a title larger than any heading: the A–Z is over
                started = False
            position += 1
        return [tuple(span) for span in spans]


def header_texts(lines):
    """A header's lines, a name broken after a slash joined back (``MOROCCO/`` ``WESTERN SAHARA``)."""
    texts = []
    for line in lines:
        if texts and texts[-1].endswith("/"):
            texts[-1] += line.text
        else:
            texts.append(line.text)
    return texts


def title_text(lines):
    return " ".join(header_texts(lines))


def index_lines(lines, book):
    """The back-of-book topic index as plain lines: each topic, then its whole list on one line.

    Topics are set in a heavier type than their lists, so a list that wraps (even onto a line
    without a page number) stays one list; the index's letter headings are left out.
    """
    start = next((i for i, line in enumerate(lines) if INDEX_TITLE.match(line.text)), None)
    if start is None:
        return []
    found = [lines[start].text]
    for line in lines[start + 1 :]:
        if len(line.text) <= 1:
            continue
        listing = not line.bold and re.search(r"\d", line.text)
        if (
            listing
            and found
            and found[-1] is not None
            and re.search(r"\d", found[-1])
            and not found[-1].startswith("*")
        ):
            found[-1] = join(found[-1], line.text)
        elif line.bold and len(found) > 1 and not re.search(r"\d", found[-1]) and not line.new_block:
            found[-1] = join(found[-1], line.text)  # a topic too long for one line
        elif line.bold or listing or line.text.startswith("*"):
            found.append(line.text)
        elif found and re.search(r"\d", found[-1]):
            found[-1] = join(found[-1], line.text)  # a wrapped list line without a page number
        else:
            found.append(line.text)
    return found


def read_entry(lines, header_count, book, source):
    """One entry from its printed lines; returns the entry and its visits/reports items to file."""
    head = header_texts(lines[:header_count])
    short, official = split_header(head)
    entry = Entry(country_name=short, official_name=official, source=f"{source}, page {lines[0].page}")
    entry.iso_code = resolve(short)
    if not entry.iso_code:
        entry.warnings.append(
            Warning(where=entry.source, message=f"country “{short}” is not known: map it or add an alias")
        )
    position = header_count
    official_lines = []
    while position < len(lines) and is_caps(lines[position].text) and not LABEL.match(lines[position].text):
        official_lines.append(lines[position].text)
        position += 1
    if official_lines and not entry.official_name:
        entry.official_name = " ".join(official_lines)
    entry.official_name = entry.official_name or short
    box_lines = []
    while position < len(lines) and LABEL.match(lines[position].text):
        text = lines[position].text
        position += 1
        while position < len(lines) and not LABEL.match(lines[position].text):
            # a value runs on over its block's lines; a replacement's parenthesis over a block break too
            if lines[position].new_block and text.count("(") <= text.count(")"):
                break
            text = join(text, lines[position].text)
            position += 1
        box_lines.append(text)
    box = read_data_box(box_lines)
    entry.office_holders, entry.facts = box.office_holders, box.facts
    for _index, message in box.problems:
        entry.warnings.append(Warning(where=entry.source, message=message))
    if not box.office_holders:
        entry.warnings.append(
            Warning(where=entry.source, message="no head of state or government found in the data box")
        )
    items = read_body(entry, lines[position:], book)
    return entry, items


def read_body(entry, lines, book):
    """Summary, sections, subheadings, paragraphs and cases; returns the visits/reports items."""
    summary, section, block = [], None, None
    items, in_visits, submode = [], False, None
    for position, line in enumerate(lines):
        previous = lines[position - 1] if position else None
        if book.is_heading(line) and not (previous and book.is_heading(previous) and not line.new_block):
            if VISITS_HEADING.match(line.text):
                in_visits, submode, block = True, None, None
                continue
            in_visits = False
            section, block = Section(heading=line.text), None
            entry.sections.append(section)
            continue
        if book.is_heading(line):  # a heading wrapped onto a second line
            if in_visits or section is None:
                continue
            section.heading = join(section.heading, line.text)
            continue
        if in_visits:
            if not line.bullet and line.text.casefold() in SUBLABELS:
                submode = SUBLABELS[line.text.casefold()]
            elif line.bullet or not items or opens_paragraph(line, previous, items[-1][1]):
                items.append([line.bullet, line.text, submode])
            else:
                items[-1][1] = join(items[-1][1], line.text)
            continue
        if section is None and not line.bullet and not book.is_subheading(line):
            if summary and not opens_paragraph(line, previous, summary[-1][1]):
                summary[-1][1] = join(summary[-1][1], line.text)
                continue
            if not summary or line.style == summary[0][0]:
                summary.append([line.style, line.text])  # the summary: its own type, before any heading
                continue
        if section is None:
            section = Section(heading="")
            entry.sections.append(section)
        if book.is_subheading(line) or is_bold_subheading(line, previous, lines, position, book):
            if block is not None and block.kind == "subheading" and not line.new_block and not previous.short:
                block.html = join(block.html, line.text)
            else:
                block = Block(kind="subheading", html=line.text)
                section.blocks.append(block)
            continue
        if line.bullet:
            block = Block(kind="case", html=line.text)
            section.blocks.append(block)
            continue
        if block is None or block.kind == "subheading" or opens_paragraph(line, previous, block.html):
            block = Block(kind="paragraph", html=line.text)
            section.blocks.append(block)
        else:
            block.html = join(block.html, line.text)
    if summary:
        entry.summary_html = "".join(paragraph_html(text) for _style, text in summary)
    return items


def opens_paragraph(line, previous, text_so_far):
    """Does ``line`` begin a new paragraph rather than carry on ``text_so_far``?

    A paragraph runs on across a block, column or page break while its sentence is unfinished;
    within a block, a wider space above the line or a short finished line before it ends one.
    """
    finished = bool(SENTENCE_END.search(text_so_far))
    if line.new_block or previous is None:
        return finished and not line.text[:1].islower()
    if line.gap > PARAGRAPH_GAP:
        return True
    return previous.short and finished and not line.text[:1].islower()


def is_bold_subheading(line, previous, lines, position, book):
    """A bold line in body type, alone between lighter lines, not a sentence: a run-in subheading."""
    if not line.bold or line.bullet or abs(line.size - book.body_size) > 0.4 or SENTENCE_END.search(line.text):
        return False
    following = lines[position + 1] if position + 1 < len(lines) else None
    alone_before = previous is None or not previous.bold or previous.short
    return alone_before and line.short and (following is None or not following.bold) and len(line.text.split()) <= 12


def numbered_bullet(entry_items):
    """The bullet glyph the book's numbered reports use: a report without a number uses it too."""
    counts = Counter(
        bullet for items in entry_items for bullet, text, _sub in items if bullet and INDEX_NUMBER.search(text)
    )
    return counts.most_common(1)[0][0] if counts else None


def file_items(entry, items, report_bullet):
    """Visits and reports from the items under the visits/reports heading."""
    for bullet, text, submode in items:
        numbered = INDEX_NUMBER.search(text)
        if numbered or submode == "reports" or (bullet and bullet == report_bullet and submode != "visits"):
            entry.reports.append(parse_report(text))
        else:
            entry.visits.append(text)
