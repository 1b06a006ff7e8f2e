"""Converted HTML, from mammoth or markdown-it, as the house style's pieces.

Both readers first make HTML — mammoth from a ``.docx`` through its style map, markdown-it
from Markdown — with the same meaning for each element: ``h1.title`` the title, ``h1`` a
section, ``h2``–``h6`` a subheading, ``blockquote`` a case, ``table`` and ``img`` skipped,
anything else prose. This module walks the top level of that HTML once, numbering what it finds
as the author counts paragraphs (or by the ``data-line`` a Markdown element carries), so
warnings point at the place in the file.
"""

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from .assembly import Piece
from .richtext import allowed_html, plain_text

PERSON_LINE = re.compile(r"\s*person\s*:\s*(.*\S)\s*", re.I | re.S)


def pieces_of(html):
    """The converted document as house-style pieces, in reading order, numbered as Word paragraphs."""
    soup = BeautifulSoup(html, "html.parser")
    footnotes = take_footnotes(soup)
    pieces = []
    number = 0
    for element in list(soup.contents):
        if not isinstance(element, Tag):
            continue
        number = int(element["data-line"]) if element.has_attr("data-line") else number + 1
        if element.name == "table":
            rows = len(element.find_all("tr"))
            pieces.append(
                Piece("skipped", text=f"A table ({rows} rows) was skipped: tables are not imported.", number=number)
            )
            continue
        pieces.extend(image_warnings(element, number))
        notes = cite_footnotes(element, footnotes)
        if element.name == "h1" and "title" in element.get("class", []):
            pieces.append(Piece("title", text=plain_text(str(element)), number=number))
        elif element.name == "h1":
            pieces.append(Piece("section", text=plain_text(str(element)), number=number, notes=notes))
        elif element.name in ("h2", "h3", "h4", "h5", "h6"):
            pieces.append(Piece("subheading", text=plain_text(str(element)), number=number, notes=notes))
        elif element.name == "blockquote":
            cases = case_pieces(element, number, notes)
            pieces.extend(cases)
            number += max(len(element.find_all("p", recursive=False)) - 1, 0)
        else:
            piece = prose_piece(element, number, notes)
            if piece:
                pieces.append(piece)
            if element.name in ("ul", "ol"):
                number += max(len(element.find_all("li")) - 1, 0)
    return pieces


def prose_piece(element, number, notes):
    html = allowed_html(str(element))
    text = plain_text(html)
    if not text:
        return None
    items = [allowed_html(item.decode_contents()) for item in element.find_all("li", recursive=False)]
    links = [link["href"] for link in element.find_all("a", href=True)]
    return Piece("paragraph", html=html, text=text, number=number, items=items, links=links, notes=notes)


def case_pieces(blockquote, number, notes):
    """A run of Case (or quote) paragraphs: one case, or several where a "Person:" line starts a new one."""
    cases = []
    person, paragraphs, first = "", [], number

    def close():
        if paragraphs:
            html = allowed_html("".join(str(paragraph) for paragraph in paragraphs))
            cases.append(Piece("case", html=html, text=plain_text(html), number=first, person=person))
        elif person:
            message = f"“Person: {person}” is not followed by a case; the name was not used."
            cases.append(Piece("skipped", text=message, number=first))

    for offset, paragraph in enumerate(blockquote.find_all(recursive=False)):
        named = PERSON_LINE.fullmatch(paragraph.get_text(" "))
        if named:
            close()
            person, paragraphs, first = " ".join(named[1].split()), [], number + offset
            continue
        if not (paragraphs or person):
            first = number + offset
        paragraphs.append(paragraph)
    close()
    if cases:
        cases[-1].notes = notes
    return cases


def image_warnings(element, number):
    """Each image in ``element`` becomes a warning; the image itself is removed."""
    found = []
    for image in element.find_all("img"):
        described = f" (“{image['alt']}”)" if image.get("alt") else ""
        found.append(Piece("skipped", text=f"An image{described} was skipped: images are not imported.", number=number))
        image.decompose()
    return found


def take_footnotes(soup):
    """Footnotes and endnotes, removed from the end of the HTML: {"footnote-1": sanitised HTML}."""
    notes = {}
    for item in soup.find_all("li", id=re.compile(r"^(footnote|endnote)-")):
        for back_link in item.find_all("a", href=re.compile(r"^#(footnote|endnote)-ref-")):
            back_link.decompose()
        notes[item["id"]] = allowed_html(item.decode_contents())
        parent = item.parent
        item.decompose()
        if parent is not None and parent.name == "ol" and not parent.find("li"):
            parent.decompose()
    return notes


def cite_footnotes(element, footnotes):
    """Footnote marks in ``element`` become "[n]" text; returns the (n, note HTML) it cites."""
    cited = []
    for link in element.find_all("a", href=re.compile(r"^#(footnote|endnote)-")):
        target = link["href"][1:]
        mark = link.get_text().strip("[] ") or str(len(cited) + 1)
        (link.parent if link.parent.name == "sup" else link).replace_with(NavigableString(f"[{mark}]"))
        if target in footnotes:
            cited.append((mark, footnotes[target]))
    return cited
