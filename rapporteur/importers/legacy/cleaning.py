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
from collections import Counter
from dataclasses import dataclass, field

# Private-use glyphs the books' bullet font maps to: a case paragraph, a report line, a visit line.
CASE_BULLET = "\U0010fc00"
REPORT_BULLET = "\U0010fc01"
VISIT_BULLET = "\U0010fc02"
# 2006–2007 books print a case bullet as a "b" from a symbol font, and a report bullet as "•".
OLD_CASE_BULLET = re.compile(r"^b (?=[A-Z0-9“‘\"(])")
OLD_REPORT_BULLET = "•"

DIGITS = re.compile(r"\d+")
HEAD_WORDS = re.compile(r"[^\W\d_]+(?:[’'.-][^\W\d_]+)*")
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


# Everything ``normalise_characters`` drops, as one pattern (a character loop is slow on a whole book).
DROPPED = re.compile("[\x00-\x08\x0a-\x1f\x7f\u00ad\ufffc\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


def normalise_characters(text):
    """NFC, without U+FFFC, control characters or private-use glyphs (bullets are read before this)."""
    text = unicodedata.normalize("NFC", DROPPED.sub("", text))
    return text.replace("\t", " ")


def tidy(text):
    """Clean prose: characters normalised, the line-end hyphen artefact closed, spaces collapsed."""
    text = normalise_characters(text)
    text = LINE_END_HYPHEN.sub(r"\1-\2", text)
    return " ".join(text.split())


def head_parts(line):
    """``(key, year, page)`` when a line could be a running head: a few words and a year, nothing else.

    The page number may be glued on either side (``199Book Title 2012``, ``Book Title 2012199``),
    so digits are taken apart: the first run that starts like a year (19xx, 20xx) gives the
    year, any other digits are the page. The key is the words, casefolded, with the year: the
    same head on every page has the same key whatever its page number or letter case.
    """
    if len(line) > 120 or not DIGITS.search(line):
        return None
    text = " ".join(normalise_characters(line).split())
    if not text or len(text) > 80:
        return None
    year, pages = None, []
    for run in DIGITS.findall(text):
        if year is None and len(run) >= 4 and run[:2] in ("19", "20"):
            year = int(run[:4])
            pages.extend(filter(None, [run[4:]]))
        else:
            pages.append(run)
    words = DIGITS.sub(" ", text).split()
    if year is None or not 2 <= len(words) <= 8 or not all(HEAD_WORDS.fullmatch(word) for word in words):
        return None
    key = " ".join(word.casefold() for word in words) + f" {year}"
    return key, year, pages[0] if pages else ""


def without_page(line, year):
    """A running head as printed, its page number taken off: ``199Book Title 2012`` → ``Book Title 2012``."""
    text = " ".join(normalise_characters(line).split())
    return " ".join(DIGITS.sub(lambda run: str(year) if run.group().startswith(str(year)) else " ", text).split())


@dataclass
class RunningHeads:
    """The running heads of one book, found by repetition rather than known by their words.

    A running head is a short line of words and the edition's year that repeats on many pages.
    ``find`` counts candidate lines; ``page`` tells whether a line is one of them.
    """

    keys: set = field(default_factory=set)
    year: int | None = None
    title: str = ""  # the head as printed most often, without its page number

    @classmethod
    def find(cls, lines, hint_year=None):
        """The heads among ``lines`` (plain strings: a book's lines, or each page's lines once).

        A head must repeat: at least twice, and at least a quarter as often as the most repeated
        candidate. A single country file may show its head once: with ``hint_year`` (from the
        file's name) one line of words ending in that year is enough.
        """
        counts, printed = Counter(), {}
        for line in lines:
            parts = head_parts(line)
            if parts:
                counts[parts[0]] += 1
                printed.setdefault(parts[0], Counter())[without_page(line, parts[1])] += 1
        if not counts:
            return cls()
        top = counts.most_common(1)[0][1]
        keys = {key for key, count in counts.items() if count >= max(2, top / 4)}
        if not keys and hint_year:
            keys = {key for key in counts if key.endswith(f" {hint_year}") and len(key.split()) >= 3}
        if not keys:
            return cls()
        best = max(keys, key=lambda key: counts[key])
        title = printed[best].most_common(1)[0][0]
        return cls(keys=keys, year=int(best.rsplit(" ", 1)[1]), title=title)

    def page(self, line):
        """The page number a running head shows ("" without one), or None when ``line`` is not a head."""
        parts = head_parts(line) if self.keys else None
        if parts and parts[0] in self.keys:
            return parts[2]
        return None


NO_HEADS = RunningHeads()


def page_furniture(line, heads=NO_HEADS):
    """The page number when ``line`` is a running head or page number; "" for other furniture; None for text.

    Thumb-index letters and three-letter tabs are furniture too. A glued running head
    (``199Book Title 2012``) is one line of furniture, like its two halves. ``heads`` are the
    book's running heads (``RunningHeads.find``).
    """
    stripped = line.strip()
    if not stripped:
        return ""
    page = heads.page(stripped)
    if page is not None:
        return page
    if PAGE_NUMBER.match(stripped):
        return stripped
    if THUMB_LETTER.match(stripped) or THREE_LETTER_TAB.match(stripped):
        return ""
    return None


def join(text, more):
    """Two pieces of one paragraph: a line-end hyphen is real, so ``ill-`` + ``treatment`` → ``ill-treatment``."""
    if re.search(r"\w-$", text):
        return text + more
    return f"{text} {more}"


def looks_glued(text):
    """Justified text whose word spaces the extractor lost (``thebodiesofthreewomenwerefound``)."""
    return bool(GLUED_WORDS.search(text))
