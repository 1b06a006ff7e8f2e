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

from .assembly import assemble
from .errors import ImportRefused
from .imported import Warning
from .pieces import pieces_of
from .uploads import open_word_package, read_upload

STYLE_MAP = """
p[style-name='Title'] => h1.title:fresh
p[style-name='Heading 1'] => h1:fresh
p[style-name='Heading 2'] => h2:fresh
p[style-name='Heading 3'] => h3:fresh
p[style-name='Heading 4'] => h3:fresh
p[style-name='Case'] => blockquote.case > p:fresh
p[style-name='Quote'] => blockquote.case > p:fresh
p[style-name='Intense Quote'] => blockquote.case > p:fresh
b => b
i => i
"""
SKIPPED_IMAGE = "#image-skipped"
UNRECOGNISED_STYLE = re.compile(r"Unrecognised (?:paragraph|run) style: '?(.+?)'? \(Style ID")


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
