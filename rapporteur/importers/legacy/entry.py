"""One country entry from its cleaned lines: header, data box, summary, sections, visits and reports.

Typography is gone in a text layer, so structure is read from shape: a heading is a short line in
sentence case that does not end a sentence and is not continued by the next line; a paragraph
continues while its sentence is unfinished; bullets mark cases, reports and visits. The last part
of an entry, after its visits and reports begin, is where the text layer puts columns of the next
entry: that text is handed back to the caller to give to its owner, unless the book's own topic
index says the heading there is this country's.
"""

import functools
import html
import re
from dataclasses import dataclass, field

from ..countries import resolve
from ..imported import Block, ImportedEntry, Report, Section, Warning
from .cleaning import join, looks_glued
from .databox import read_data_box
from .topics import likeness

HEAD_REGION = 45  # lines after the country name where the official name and data box may be
VISITS_HEADING = re.compile(
    r"^(?:Amnesty International|AI)(?: country)? (?:visits?|reports?)(?:\s*(?:/|and)\s*(?:visits?|reports?))?$",
    re.IGNORECASE,
)
SUBLABELS = {"reports": "reports", "report": "reports", "visits": "visits", "visit": "visits"}
INDEX_NUMBER = re.compile(r"\(\s*(?:AI Index:\s*)?((?:[A-Z]{3}|PRE)\s?\d{2}/\d{3,4}/\d{4})\s*\)\s*$")
SENTENCE_END = re.compile(r"[.!?:”\"’)…]$")
FUNCTION_WORDS = {
    "the", "of", "and", "to", "in", "on", "a", "an", "by", "for", "with", "from", "at", "as", "that", "which",
    "who", "was", "were", "its", "their", "his", "her", "de", "la", "or", "is", "be", "had", "has", "have",
}  # fmt: skip


@dataclass
class EntryResult:
    entry: ImportedEntry
    carried: list = field(default_factory=list)  # Lines that belong to the next entry
    strays: list = field(default_factory=list)  # reports/visits before the data box: the previous entry's


def paragraph_html(text):
    return f"<p>{html.escape(text, quote=False)}</p>"


def is_caps(text):
    letters = [char for char in text if char.isalpha()]
    return len(letters) > 3 and all(char.isupper() for char in letters)


def unfinished(text):
    return not SENTENCE_END.search(text)


def heading_shape(text):
    """Could this line be a heading or subheading? (sentence case, short, not a sentence)."""
    if len(text) > 90 or is_caps(text):
        return False
    words = text.split()
    if not words or len(words) > 14 or not (text[0].isupper() or text[0] in "‘“'\""):
        return False
    if re.search(r"[.,;:]$", text) or words[-1].casefold().strip("’'") in FUNCTION_WORDS:
        return False
    return not text[0].isdigit()


def continues(text):
    """A line that carries on the sentence before it (starts in lower case or with punctuation)."""
    return text[:1].islower() or text[:1] in ",;)–-"


def parse_report(text):
    match = INDEX_NUMBER.search(text)
    if match:
        return Report(title=text[: match.start()].strip(), index_number=" ".join(match.group(1).split()))
    return Report(title=text)


class EntryReader:
    """Reads one entry. ``context`` gives text where names are written out, and the topic index."""

    def __init__(self, lines, *, source, known_text="", topics=(), next_topics=(), incoming=()):
        self.lines = lines
        self.source = source
        # Where office holders' full names may be found: the book, or at least the entry itself.
        self.known_text = known_text or "\n".join(line.text for line in lines)
        self.topics = list(topics)
        self.next_topics = list(next_topics)
        self.incoming = list(incoming)

    def warn(self, entry, line, message):
        entry.warnings.append(Warning(where=f"{entry.country_name}, line {line}", message=message))

    def read(self, header_lines):
        """``header_lines``: how many of ``lines`` are the country name (and official name, if given)."""
        head = [line.text for line in self.lines[:header_lines]]
        short, official = split_header(head)
        entry = ImportedEntry(country_name=short, official_name=official, source=self.source)
        entry.iso_code = resolve(short)
        if not entry.iso_code:
            self.warn(entry, self.lines[0].number, f"country “{short}” is not known: map it or add an alias")
        result = EntryResult(entry=entry)
        rest = self.lines[header_lines:]
        texts = [(position, line) for position, line in enumerate(rest) if line.kind == "text"][:HEAD_REGION]

        used = set()
        if not entry.official_name:
            for position, line in texts[:12]:
                if is_caps(line.text) and resolve(line.text) in ("", entry.iso_code):
                    entry.official_name = line.text
                    used.add(position)
                    break
            else:
                entry.official_name = short
        region = [(position, line) for position, line in texts if position not in used]
        box = read_data_box([line.text for _, line in region], known_text=self.known_text)
        entry.office_holders, entry.facts = box.office_holders, box.facts
        used.update(region[index][0] for index in box.consumed)
        for index, message in box.problems:
            self.warn(entry, region[min(index, len(region) - 1)][1].number, message)
        if not box.office_holders:
            self.warn(entry, self.lines[0].number, "no head of state or government found in the data box")
        box_end = region[box.values_end][0] if box.values_end >= 0 else max(used, default=-1)

        body = [line for position, line in enumerate(rest) if position not in used]
        body = self.splice_incoming(body, box_end, rest)
        self.read_body(entry, body, result, summary_after=rest[box_end] if box_end >= 0 else None)
        return result

    def splice_incoming(self, body, box_end, rest):
        """Put text handed over by the previous entry where this entry's first page ends."""
        if not self.incoming:
            return body
        after = rest[box_end].number if box_end >= 0 else 0
        for position, line in enumerate(body):
            if line.kind == "furniture" and line.page and line.number > after:
                return body[:position] + self.incoming + body[position:]
        return body + self.incoming

    def read_body(self, entry, body, result, summary_after):
        own, tail = [], []
        in_visits = False
        submode = None
        reports_seen = False
        started = False  # has this entry's own text begun after its data box?
        last = None  # the last report or visit, for lines that continue it
        for line in body:
            if line.kind == "furniture":
                continue
            if any(line is handed for handed in self.incoming):
                own.append(line)  # already moved once: never handed on again
                continue
            text = line.text
            if line.kind in ("report", "visit"):
                # An entry's reports come at its end: any before its first paragraph are the previous entry's.
                before_box = summary_after is not None and (line.number < summary_after.number or not started)
                item = parse_report(text) if line.kind == "report" else text
                if before_box:
                    result.strays.append((line.kind, item))
                    continue
                (entry.reports if line.kind == "report" else entry.visits).append(item)
                last = (line.kind, item)
                reports_seen = True
                continue
            if line.kind == "text" and VISITS_HEADING.match(text):
                in_visits, last = True, None
                continue
            if in_visits and text.casefold() in SUBLABELS:
                submode = SUBLABELS[text.casefold()]
                continue
            if in_visits or reports_seen:
                if self.continues_item(entry, last, text):
                    continue
                if submode == "visits" and line.kind == "text":
                    entry.visits.append(text)
                    last = ("visit", text)
                    continue
                if submode == "reports" and line.kind == "text":
                    report = parse_report(text)
                    entry.reports.append(report)
                    last = ("report", report)
                    continue
                tail.append(line)
                continue
            own.append(line)
            started = started or (summary_after is not None and line.number > summary_after.number)
        self.build(entry, own, summary_after=summary_after, with_summary=True)
        self.settle_tail(entry, tail, result)
        self.finish_html(entry)
        for section in entry.sections:
            for block in section.blocks:
                if looks_glued(block.html):
                    self.warn(entry, self.lines[0].number, f"words run together in “{section.heading}”: check the text")
                    break

    def continues_item(self, entry, last, text):
        """A report title wrapped onto the next line, or a visit sentence that goes on."""
        if last is None:
            return False
        kind, item = last
        if kind == "report" and not item.index_number and (INDEX_NUMBER.search(text) or continues(text)):
            joined = parse_report(join(item.title, text))
            item.title, item.index_number = joined.title, joined.index_number
            return True
        if kind == "visit" and unfinished(item) and continues(text):
            entry.visits[-1] = join(item, text)
            return True
        return False

    def settle_tail(self, entry, tail, result):
        """Text after the visits/reports began: this entry's only if the index says its heading is."""
        segments, current = [], []
        for position, line in enumerate(tail):
            following = tail[position + 1].text if position + 1 < len(tail) else ""
            if line.kind == "text" and heading_shape(line.text) and not continues(following) and current:
                segments.append(current)
                current = []
            current.append(line)
        if current:
            segments.append(current)
        for segment in segments:
            first = segment[0].text
            ours = heading_shape(first) and self.topic_fit(first, self.topics) > self.topic_fit(first, self.next_topics)
            if ours:
                self.build(entry, segment)
            else:
                result.carried.extend(segment)
        if result.carried:
            numbers = ", ".join(str(line.number) for line in result.carried[:3])
            self.warn(
                entry,
                result.carried[0].number,
                f"{len(result.carried)} lines after the visits/reports look like the next entry’s text "
                f"(out of reading order; lines {numbers}…): handed to the next entry",
            )

    def is_heading(self, text, following, open_block):
        """A heading by its shape, unless the next line carries on its sentence.

        When the text layer finishes an interrupted paragraph right after a heading
        (``Freedom of expression`` / ``the grounds of…``), a short heading is still one if the
        paragraph before it is unfinished, or if the book's index lists it for this country.
        """
        if not heading_shape(text):
            return False
        listed = self.topic_fit(text, self.topics) >= 0.8
        if open_block is not None and unfinished(open_block.html) and len(text.split()) > 8 and not listed:
            return False
        if following is not None and following.kind == "text" and continues(following.text):
            short = len(text.split()) <= 6 and open_block is not None and unfinished(open_block.html)
            return listed or short
        return True

    @staticmethod
    def topic_fit(heading, topics):
        return max((likeness(heading, topic) for topic in topics), default=0.0)

    def build(self, entry, lines, summary_after=None, with_summary=False):
        """Sections and their blocks from body lines, in order.

        The summary is the first paragraph after the data box (or the first paragraph, without
        one); a heading that follows another heading is its subheading.
        """
        section = entry.sections[-1] if entry.sections else None
        summary = None if with_summary and not entry.summary_html else False
        box_end = summary_after.number if summary_after is not None else 0
        previous_heading = False
        dangling = None  # a paragraph a heading interrupted: the text layer may finish it after the heading
        for position, line in enumerate(lines):
            text = line.text
            following = lines[position + 1] if position + 1 < len(lines) else None
            if summary and (continues(text) or unfinished(summary[-1])) and line.kind == "text":
                summary.append(text)
                continue
            if summary:
                entry.summary_html, summary = paragraph_html(functools.reduce(join, summary)), False
            if dangling is not None and line.kind == "text" and continues(text):
                dangling.html = join(dangling.html, text)
                continue
            dangling = None
            if line.kind == "case":
                section = section or self.new_section(entry, "")
                section.blocks.append(Block(kind="case", html=text))
                previous_heading = False
                continue
            open_block = section.blocks[-1] if section and section.blocks else None
            open_text = open_block.kind in ("paragraph", "case") if open_block else False
            if open_text and continues(text):
                open_block.html = join(open_block.html, text)
                continue
            if self.is_heading(text, following, open_block if open_text else None):
                if open_text and unfinished(open_block.html):
                    dangling = open_block
                listed = self.topic_fit(text, self.topics) >= 0.5
                if (
                    previous_heading
                    and section
                    and all(block.kind == "subheading" for block in section.blocks)
                    and not listed
                ):
                    section.blocks.append(Block(kind="subheading", html=text))
                else:
                    section = self.new_section(entry, text)
                previous_heading = True
                continue
            previous_heading = False
            if summary is None and line.number > box_end:
                summary = [text]
                continue
            if open_text and unfinished(open_block.html):
                open_block.html = join(open_block.html, text)
                continue
            section = section or self.new_section(entry, "")
            section.blocks.append(Block(kind="paragraph", html=text))
        if summary:
            entry.summary_html = paragraph_html(functools.reduce(join, summary))
        if with_summary and not entry.summary_html:
            self.lead_as_summary(entry)

    def lead_as_summary(self, entry):
        """No paragraph after the data box: the first paragraph before any heading is the summary."""
        lead = entry.sections[0] if entry.sections and not entry.sections[0].heading else None
        if lead and lead.blocks and lead.blocks[0].kind == "paragraph":
            entry.summary_html = paragraph_html(lead.blocks.pop(0).html)
            if not lead.blocks:
                entry.sections.remove(lead)

    def finish_html(self, entry):
        finish_html(entry)

    @staticmethod
    def new_section(entry, heading):
        section = Section(heading=heading)
        entry.sections.append(section)
        return section


def finish_html(entry):
    """Blocks are collected as plain text; they leave as escaped simple HTML."""
    for section in entry.sections:
        for block in section.blocks:
            block.html = html.escape(block.html, quote=False)
            if block.kind != "subheading":
                block.html = f"<p>{block.html}</p>"


def warn_glued(entry):
    """Words the extractor ran together (lost spaces in justified text): an editor should look."""
    for section in entry.sections:
        if any(looks_glued(block.html) for block in section.blocks):
            entry.warnings.append(
                Warning(where=entry.source, message=f"words run together in “{section.heading}”: check the text")
            )


def summary_open(summary):
    return bool(summary) and unfinished(summary[-1])


def split_header(head):
    """Country name as printed and official name, from the header's capital lines.

    ``KOREA`` / ``(DEMOCRATIC PEOPLE’S REPUBLIC OF)`` / ``DEMOCRATIC PEOPLE’S REPUBLIC OF KOREA``,
    ``BOSNIA AND`` / ``HERZEGOVINA``, or ``KENYA REPUBLIC OF KENYA`` on one line.
    """
    head = [re.sub(r"\s+[A-Z]$", "", text).strip() for text in head]  # a thumb letter glued on
    for count in range(1, len(head) + 1):
        short = " ".join(head[:count])
        if resolve(short) and not (count < len(head) and head[count].startswith("(")):
            return short, " ".join(head[count:])
    words = head[0].split()
    for cut in range(len(words) - 1, 0, -1):
        short = " ".join(words[:cut])
        if resolve(short):
            return short, " ".join([" ".join(words[cut:]), *head[1:]]).strip()
    return " ".join(head), ""
