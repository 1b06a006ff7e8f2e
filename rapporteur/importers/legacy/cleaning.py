"""The noise a legacy book's text layer carries, and how each line is cleaned of it.

A text layer is what a PDF extractor saw, not what a reader reads: object-replacement
characters, decomposed accents, the running head and page number of every page (sometimes glued
together), the thumb-index letters of the A–Z (and three-letter tabs in 2006–2007), private-use
glyphs standing for bullets, and a space after every line-end hyphen. This module knows those
artefacts by their shape, not by the words of any one book, so it also cleans books it has never
seen.
"""

import re
import unicodedata

# Private-use glyphs the books' bullet font maps to: a case paragraph, a report line, a visit line.
CASE_BULLET = "\U0010fc00"
REPORT_BULLET = "\U0010fc01"
VISIT_BULLET = "\U0010fc02"
# 2006–2007 books print a case bullet as a "b" from a symbol font, and a report bullet as "•".
OLD_CASE_BULLET = re.compile(r"^b (?=[A-Z0-9“‘\"(])")
OLD_REPORT_BULLET = "•"

RUNNING_HEAD = re.compile(r"^(\d{1,4})?\s*Amnesty International Report (\d{4})\s*(\d{1,4})?$", re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^\d{1,4}$")
THUMB_LETTER = re.compile(r"^[A-Z]$")
THREE_LETTER_TAB = re.compile(r"^[A-Z]{3}$")
# "ill- treatment" → "ill-treatment"; a suspended hyphen ("pre- and post-trial") stays as printed.
LINE_END_HYPHEN = re.compile(r"(\w)- (?!(?:and|or|nor|to)\b)(\w)")
GLUED_WORDS = re.compile(r"[a-z]{28,}")


def is_private_use(char):
    """Private-use code points: glyphs of a symbol font, never text a reader sees."""
    point = ord(char)
    return 0xE000 <= point <= 0xF8FF or 0xF0000 <= point <= 0xFFFFD or 0x100000 <= point <= 0x10FFFD


def normalise_characters(text):
    """NFC, without U+FFFC, control characters or private-use glyphs (bullets are read before this)."""
    text = unicodedata.normalize("NFC", text.replace("\ufffc", ""))
    text = "".join(
        char for char in text if not is_private_use(char) and (char >= " " or char == "\t") and char != "\u00ad"
    )
    return text.replace("\t", " ")


def tidy(text):
    """Clean prose: characters normalised, the line-end hyphen artefact closed, spaces collapsed."""
    text = normalise_characters(text)
    text = LINE_END_HYPHEN.sub(r"\1-\2", text)
    return " ".join(text.split())


def page_furniture(line):
    """The page number when ``line`` is a running head or page number; "" for other furniture; None for text.

    Thumb-index letters and three-letter tabs are furniture too. A glued running head
    (``199Amnesty International Report 2012``) is one line of furniture, like its two halves.
    """
    stripped = line.strip()
    if not stripped:
        return ""
    match = RUNNING_HEAD.match(stripped)
    if match:
        return match.group(1) or match.group(3) or ""
    if PAGE_NUMBER.match(stripped):
        return stripped
    if THUMB_LETTER.match(stripped) or THREE_LETTER_TAB.match(stripped):
        return ""
    return None


def running_head_year(line):
    """The year in a running head (``Amnesty International Report 2012``), or None."""
    match = RUNNING_HEAD.match(normalise_characters(line).strip())
    return int(match.group(2)) if match else None


def join(text, more):
    """Two pieces of one paragraph: a line-end hyphen is real, so ``ill-`` + ``treatment`` → ``ill-treatment``."""
    if re.search(r"\w-$", text):
        return text + more
    return f"{text} {more}"


def looks_glued(text):
    """Justified text whose word spaces the extractor lost (``thebodiesofthreewomenwerefound``)."""
    return bool(GLUED_WORDS.search(text))
