"""A Word (.docx) country entry or article, read in the house style.

mammoth turns the document into clean, semantic HTML through a style map — it reads paragraph
styles rather than fonts, so "Heading 1" means a section whatever it looks like — and never
reads image data when told not to. The house style (see ``assembly``) is expressed as that
style map: the Title paragraph becomes the title, Heading 1 a section, Heading 2 a
subheading, a "Case" or quote paragraph a case. Everything mammoth gives back is then cut to
the entry's rich-text features before the house style is applied.

The file itself says whether it is an entry or an article: a "Kind: essay" line before the
first heading (introduction, essay, global update, press release), or a title that is
"Introduction", "Global update" or "Press release". Anything else is a country entry.
"""

import io
import re

import mammoth
from bs4 import BeautifulSoup, NavigableString, Tag

from .assembly import Piece, assemble
from .errors import ImportRefused
from .imported import Warning
from .richtext import allowed_html, plain_text
from .uploads import open_word_package, read_upload

STYLE_MAP = """
p[style-name='Title'] => h1.title:fresh
p[style-name='Heading 1'] => h2:fresh
p[style-name='Heading 2'] => h3:fresh
p[style-name='Heading 3'] => h4:fresh
p[style-name='Heading 4'] => h4:fresh
p[style-name='Case'] => blockquote.case > p:fresh
p[style-name='Quote'] => blockquote.case > p:fresh
p[style-name='Intense Quote'] => blockquote.case > p:fresh
b => b
i => i
"""
SKIPPED_IMAGE = "#image-skipped"
PERSON_LINE = re.compile(r"\s*person\s*:\s*(.*\S)\s*", re.I | re.S)
UNRECOGNISED_STYLE = re.compile(r"Unrecognised (?:paragraph|run) style: '([^']*)'")


def read_docx(source, *, themes=None, name=""):
    """An ``ImportedEntry`` or ``ImportedArticle`` from a ``.docx`` (bytes, a path or a binary file).

    Raises ``ImportRefused`` for anything that is not a readable, macro-free Word document.
    ``themes`` is the Theme vocabulary as (name, aliases) pairs, for matching section headings.
    """
    data = read_upload(source)
    open_word_package(data).close()
    html, messages = convert(data)
    pieces = pieces_of(html)
    imported = assemble(pieces, source=name or str(source if isinstance(source, str) else ""), themes=themes)
    imported.warnings[:0] = style_warnings(messages, imported)
    return imported


def convert(data):
    """mammoth's HTML and its messages; image data is never decoded."""
    skip_image = mammoth.images.img_element(lambda image: {"src": SKIPPED_IMAGE, "alt": image.alt_text or ""})
    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=STYLE_MAP, convert_image=skip_image)
    except Exception as error:  # mammoth raises whatever its XML and ZIP readers raise
        raise ImportRefused(
            f"This Word file could not be read: it is damaged or not a Word document ({error})."
        ) from error
    return result.value, result.messages


def style_warnings(messages, imported):
    """One warning per style outside the house style, so an author sees why a heading was not one."""
    title = getattr(imported, "country_name", "") or getattr(imported, "title", "") or "(untitled)"
    styles = []
    for message in messages:
        found = UNRECOGNISED_STYLE.search(message.message)
        if found and found[1] not in styles:
            styles.append(found[1])
    return [
        Warning(title, f"The style “{style}” is not part of the house style; its text was read as ordinary text.")
        for style in styles
    ]


def pieces_of(html):
    """The converted document as house-style pieces, in reading order, numbered as Word paragraphs."""
    soup = BeautifulSoup(html, "html.parser")
    footnotes = take_footnotes(soup)
    pieces = []
    number = 0
    for element in list(soup.contents):
        if not isinstance(element, Tag):
            continue
        number += 1
        if element.name == "table":
            rows = len(element.find_all("tr"))
            pieces.append(
                Piece("skipped", text=f"A table ({rows} rows) was skipped: tables are not imported.", number=number)
            )
            continue
        pieces.extend(image_warnings(element, number))
        notes = cite_footnotes(element, footnotes)
        if element.name == "h1":
            pieces.append(Piece("title", text=plain_text(str(element)), number=number))
        elif element.name == "h2":
            pieces.append(Piece("section", text=plain_text(str(element)), number=number, notes=notes))
        elif element.name in ("h3", "h4", "h5", "h6"):
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
