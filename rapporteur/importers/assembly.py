"""The house style: what each part of a Word or Markdown file becomes in an entry or article.

Both readers turn their format into the same flat list of ``Piece`` objects (a title, a
section heading, a subheading, a paragraph or list, a case, something skipped), already
sanitised. This module alone knows the house style, so a ``.docx`` and a ``.md`` written the
same way import the same way:

- the title names the country (or the article);
- before the first section: "Kind:", "Author:" and "Head of …:" lines, then the summary (an
  article's lead);
- a section heading starts a theme section, matched to the Theme vocabulary; "Country
  reports" and "Country visits" sections become the entry's reports and visits;
- a subheading, a paragraph, a list stay as they are; a case (a "Case" paragraph, a quote
  block, or a paragraph starting "Case:") becomes a case block naming its person from a
  "Person:" line before it or its first bold words;
- footnotes become a "Notes" paragraph at the end of the section that cites them;
- images and tables are skipped, and each warning says where.
"""

import html as html_module
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString

from .countries import normalise, resolve
from .imported import Block, ImportedArticle, ImportedEntry, Report, Section, Warning
from .offices import parse_office_line
from .themes import match_theme

ARTICLE_KINDS = {  # what a "Kind:" line may say → ImportedArticle.kind
    "introduction": "introduction",
    "essay": "essay",
    "global update": "global_update",
    "press release": "press_release",
}
ENTRY_KINDS = {"entry", "country entry", "country"}
REPORTS_HEADINGS = {"country reports", "reports"}
VISITS_HEADINGS = {"country visits", "visits"}

LABEL_LINE = re.compile(r"\s*(kind|author|person)\s*:\s*(.*\S)\s*", re.I | re.S)
CASE_LABEL = re.compile(r"\s*case\s*:\s*", re.I)
INDEX_NUMBER = re.compile(r"\b[A-Z]{3} \d{2}/\d{3,4}/\d{4}\b")


@dataclass
class Piece:
    """One top-level part of the file, in reading order, as a reader saw it."""

    kind: str  # "title", "section", "subheading", "paragraph", "case" or "skipped"
    html: str = ""  # sanitised rich text ("" for headings and skipped parts)
    text: str = ""  # the plain words
    number: int = 0  # its paragraph number in the file, for warnings
    person: str = ""  # a case's person, when the reader already knows it
    items: list = field(default_factory=list)  # a list's items (sanitised HTML), for reports and visits
    links: list = field(default_factory=list)  # a paragraph's link addresses, for reports
    notes: list = field(default_factory=list)  # (number, sanitised HTML) of the footnotes it cites


@dataclass
class Front:
    """What a file says before its first section."""

    kind: str = ""
    author: str = ""
    title: str = ""
    holders: list = field(default_factory=list)
    summary: list = field(default_factory=list)  # sanitised HTML, from Markdown front matter
    pieces: list = field(default_factory=list)  # the rest: an entry's summary, an article's lead and opening
    unit: str = "paragraph"  # how a place in the file is counted: "paragraph" (Word) or "line" (Markdown)


def assemble(pieces, *, source="", themes=None, front=None, warnings=None, unit="paragraph"):
    """An ``ImportedEntry`` or ``ImportedArticle`` from a reader's pieces.

    ``themes`` is the Theme vocabulary as (name, aliases) pairs; without it sections keep their
    headings unmatched. ``front`` carries what a Markdown file's front matter already said;
    ``unit`` is how warnings count places: Word's paragraphs or Markdown's lines.
    """
    front = front or Front()
    front.unit = unit
    warnings = list(warnings or [])
    pieces = list(pieces)
    if not front.title:
        front.title, pieces = take_title(pieces)
    first_section = next((index for index, piece in enumerate(pieces) if piece.kind == "section"), len(pieces))
    read_front(pieces[:first_section], front, warnings)
    body = pieces[first_section:]
    kind = article_kind(front, warnings)
    if kind:
        return build_article(kind, front, body, source, warnings)
    return build_entry(front, body, source, themes, warnings)


def take_title(pieces):
    """The title piece (or, when none is styled as one, the file's first line) and the rest."""
    for index, piece in enumerate(pieces):
        if piece.kind == "title":
            return piece.text, pieces[:index] + pieces[index + 1 :]
    for index, piece in enumerate(pieces):
        if piece.kind != "skipped" and piece.text:
            return piece.text, pieces[:index] + pieces[index + 1 :]
    return "", pieces


def where(front, section=None, number=0, part=""):
    """ "Kazakhstan, section “Unfair trials”, paragraph 12" — every warning's place."""
    place = [front.title or "(untitled)"]
    if section is not None:
        place.append(f"section “{section}”")
    elif part:
        place.append(part)
    if number:
        place.append(f"{front.unit} {number}")
    return ", ".join(place)


def read_front(pieces, front, warnings):
    """Kind, author and office-holder lines from the part before the first section; the rest is kept."""
    for piece in pieces:
        label = LABEL_LINE.fullmatch(piece.text) if piece.kind == "paragraph" else None
        if label and label[1].lower() in ("kind", "author"):
            setattr(front, label[1].lower(), label[2])
            continue
        holder = parse_office_line(piece.text) if piece.kind == "paragraph" else None
        if holder:
            front.holders.append(holder)
            continue
        front.pieces.append(piece)


def article_kind(front, warnings):
    """The article kind the file declares (or its title implies), or "" for a country entry."""
    declared = normalise(front.kind).replace("_", " ")
    if declared in ARTICLE_KINDS:
        return ARTICLE_KINDS[declared]
    if declared and declared not in ENTRY_KINDS:
        choices = ", ".join(["country entry", *ARTICLE_KINDS])
        warnings.append(
            Warning(where(front), f"“Kind: {front.kind}” is not one of {choices}; read as a country entry.")
        )
        return ""
    if not declared:
        return ARTICLE_KINDS.get(normalise(front.title), "")
    return ""


def notes_block(notes):
    """The footnotes a section cites, as one paragraph block at its end."""
    lines = "".join(f"<p>[{number}] {inner(note)}</p>" for number, note in notes)
    return Block(kind="paragraph", html=f"<p><b>Notes</b></p>{lines}")


def inner(html):
    """A footnote's text without its wrapping paragraph."""
    return re.sub(r"^<p>(.*)</p>$", r"\1", html.strip(), flags=re.S).strip()


def build_entry(front, body, source, themes, warnings):
    entry = ImportedEntry(country_name=front.title, source=source, office_holders=front.holders, warnings=warnings)
    entry.iso_code = resolve(front.title)
    if not front.title:
        warnings.append(Warning(where(front), "The file has no title, so no country: give it a Title line."))
    elif not entry.iso_code:
        warnings.append(
            Warning(where(front), f"“{front.title}” is not a country we know; choose the country in the preview.")
        )
    summary, notes = list(front.summary), []
    for piece in front.pieces:
        notes.extend(piece.notes)
        if piece.kind == "skipped":
            warnings.append(Warning(where(front, number=piece.number, part="summary"), piece.text))
        elif piece.kind == "subheading":
            warnings.append(
                Warning(
                    where(front, number=piece.number, part="summary"),
                    "A subheading before the first section was read as a summary paragraph.",
                )
            )
            summary.append(f"<p>{html_module.escape(piece.text, quote=False)}</p>")
        elif piece.html:
            summary.append(piece.html)
    entry.summary_html = "".join(summary) + (notes_block(notes).html if notes else "")
    if not entry.summary_html:
        warnings.append(Warning(where(front), "No summary: the paragraphs before the first Heading 1 are the summary."))
    for heading, pieces in split_sections(body):
        wanted = normalise(heading.text)
        if wanted in REPORTS_HEADINGS:
            entry.reports.extend(read_reports(pieces))
        elif wanted in VISITS_HEADINGS:
            entry.visits.extend(read_visits(pieces))
        else:
            entry.sections.append(build_section(front, heading, pieces, themes, warnings))
    return entry


def split_sections(body):
    """[(heading piece, the pieces under it)] for a body that starts with a section heading."""
    sections = []
    for piece in body:
        if piece.kind == "section":
            sections.append((piece, []))
        elif sections:
            sections[-1][1].append(piece)
    return sections


def build_section(front, heading, pieces, themes, warnings):
    section = Section(heading=heading.text)
    if themes is not None:
        found = match_theme(heading.text, themes)
        section.theme = found.theme
        if not found:
            closest = f" Closest themes: {', '.join(found.closest)}." if found.closest else ""
            warnings.append(
                Warning(
                    where(front, heading.text, heading.number),
                    f"“{heading.text}” is not a theme.{closest} Map it to a theme or create one.",
                )
            )
    notes = []
    person = ""  # from a "Person:" line, for the case that follows it
    for piece in pieces:
        place = where(front, heading.text, piece.number)
        if piece.kind == "skipped":
            warnings.append(Warning(place, piece.text))
            continue
        notes.extend(piece.notes)
        label = LABEL_LINE.fullmatch(piece.text) if piece.kind == "paragraph" else None
        if label and label[1].lower() == "person":
            if person:
                warnings.append(Warning(place, f"“Person: {person}” is not followed by a case; the name was not used."))
            person = label[2]
            continue
        if piece.kind == "paragraph" and CASE_LABEL.match(piece.text):
            piece.kind, piece.html = "case", drop_label(piece.html, CASE_LABEL)
        if piece.kind == "case":
            section.blocks.append(
                Block(kind="case", html=piece.html, person=person or piece.person or first_bold(piece.html))
            )
            person = ""
            continue
        if person:
            warnings.append(Warning(place, f"“Person: {person}” is not followed by a case; the name was not used."))
            person = ""
        if piece.kind == "subheading":
            section.blocks.append(Block(kind="subheading", html=html_module.escape(piece.text, quote=False)))
        elif piece.html:
            section.blocks.append(Block(kind="paragraph", html=piece.html))
    if person:
        warnings.append(
            Warning(where(front, heading.text), f"“Person: {person}” is not followed by a case; the name was not used.")
        )
    if notes:
        section.blocks.append(notes_block(notes))
    if not section.blocks:
        warnings.append(Warning(where(front, heading.text, heading.number), "This section has no text."))
    return section


def drop_label(html, label):
    """``html`` without the label ("Case:") its first words are."""
    soup = BeautifulSoup(html, "html.parser")
    for text in soup.find_all(string=True):
        if text.strip():
            text.replace_with(NavigableString(label.sub("", text, count=1)))
            break
    for empty in soup.find_all(["b", "i"]):
        if not empty.get_text(strip=True):
            empty.decompose()
    return str(soup)


def first_bold(html):
    """A case's first bold words, which name its person by house style ("**Ana Lima**, a teacher, …")."""
    bold = BeautifulSoup(html, "html.parser").find("b")
    return " ".join(bold.get_text(" ").split()).strip(" ,;:.") if bold else ""


def items_of(pieces):
    """Each list item or paragraph under a heading, as (HTML, plain text, first link)."""
    found = []
    for piece in pieces:
        if piece.kind == "skipped":
            continue
        for item in piece.items or [piece.html]:
            soup = BeautifulSoup(item, "html.parser")
            link = soup.find("a", href=True)
            text = " ".join(soup.get_text(" ").split())
            if text:
                found.append((text, link["href"] if link else ""))
    return found


def read_reports(pieces):
    """ "Title of the report (EUR 57/002/2011)" items → Report, keeping the index number as a field."""
    reports = []
    for text, url in items_of(pieces):
        number = INDEX_NUMBER.search(text)
        title = text
        if number:
            title = re.sub(rf"\s*[\(\[]?\s*{re.escape(number[0])}\s*[\)\]]?", "", text).strip(" ,;:–-")
        reports.append(Report(title=title, index_number=number[0] if number else "", url=url))
    return reports


def read_visits(pieces):
    return [text for text, _ in items_of(pieces)]


def build_article(kind, front, body, source, warnings):
    """An article: its first paragraph is the lead; headings of either level are its subheadings."""
    article = ImportedArticle(kind=kind, title=front.title, author=front.author, source=source, warnings=warnings)
    pieces = list(front.pieces) + list(body)
    lead = next((piece for piece in pieces if piece.kind == "paragraph" and piece.text), None)
    if front.summary:
        article.lead = " ".join(BeautifulSoup("".join(front.summary), "html.parser").get_text(" ").split())
    elif lead:
        article.lead = lead.text
        pieces.remove(lead)
    else:
        warnings.append(Warning(where(front), "No lead: the first paragraph after the title is the lead."))
    notes = list(lead.notes) if lead and not front.summary else []
    for piece in pieces:
        if piece.kind == "skipped":
            warnings.append(Warning(where(front, number=piece.number), piece.text))
            continue
        notes.extend(piece.notes)
        if piece.kind in ("section", "subheading"):
            article.blocks.append(Block(kind="subheading", html=html_module.escape(piece.text, quote=False)))
        elif piece.kind == "case":
            article.blocks.append(Block(kind="quote", html=piece.html))
        elif piece.html:
            article.blocks.append(Block(kind="paragraph", html=piece.html))
    if notes:
        article.blocks.append(notes_block(notes))
    return article
