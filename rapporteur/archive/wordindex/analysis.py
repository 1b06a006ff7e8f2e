"""Words as the word index compares them: one function for the index, the query and the excerpts.

A word becomes a *term* by lower-casing, stemming in the language of the text (Snowball, as
PostgreSQL and most search engines do: "tortured", "torturing" and "torture" are one term) and
dropping diacritics ("Türkiye" and "Turkiye" are one term). Because indexing, searching and
highlighting all call ``term``, a word the search matched is a word the excerpt marks, on
SQLite and PostgreSQL alike.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERM_LENGTH = 60
# Report languages and their Snowball stemmers; any other language is compared unstemmed.
STEMMERS = {
    "ar": "arabic",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
    "ru": "russian",
    "tr": "turkish",
}


def language_of(code):
    """``en-gb`` and ``en`` are both English."""
    return (code or "en").split("-")[0].split("_")[0].lower()


@lru_cache(maxsize=32)
def stemmer(language):
    name = STEMMERS.get(language_of(language))
    return snowballstemmer.stemmer(name) if name else None


def fold(text):
    """Drop diacritics (combining marks after canonical decomposition)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=400_000)
def term(word, language="en"):
    """The index term for ``word``. A report's vocabulary is small and repetitive, so terms are remembered."""
    word = word.lower()[:MAX_TERM_LENGTH]
    stem = stemmer(language)
    return fold(stem.stemWord(word) if stem else word)[:MAX_TERM_LENGTH]


# Function words that say nothing about what a record is about. Kept in the index (a quoted phrase
# such as "prisoner of conscience" needs them, and so does a search made of nothing else), but a
# search that has other words neither requires, scores nor highlights them (``archive.search``).
# Short on purpose: words that can carry meaning in a human-rights report ("not", "no", "against",
# "us", "who", "may", "will") are not here.
STOP_WORDS = {
    "en": frozenset(
        """a an the and or but nor of in on at to for from by with as into onto upon about than then
        that this these those there here is are was were be been being am has have had do does did
        it its he him his she her hers they them their theirs we our ours you your yours i me my
        which what whose whom if so such also very too each both any some own same just""".split()
    ),
    "fr": frozenset(
        """le la les l un une des de du d et ou mais en au aux a dans par pour sur avec sans que qu
        qui ce cet cette ces son sa ses leur leurs il elle ils elles est sont ete se s y""".split()
    ),
    "es": frozenset(
        """el la los las lo un una unos unas de del y o e u en al a por para con sin que se su sus
        es son fue""".split()
    ),
}


def is_stop_word(word, language="en"):
    """Whether ``word`` is a function word in ``language`` (compared lower-case, without accents)."""
    stop = STOP_WORDS.get(language_of(language))
    return bool(stop) and fold(word.lower()) in stop


HEADING_GAP = 16  # positions between a heading and its text, so no phrase spans the two


def occurrences(heading, text, language):
    """Where each term occurs in a record: ({term: [positions]}, where the text starts).

    Heading words take positions from 0, text words from after the heading and a gap.
    """
    found = {}
    heading_words = WORD.findall(heading)
    text_start = len(heading_words) + HEADING_GAP
    for start, tokens in ((0, heading_words), (text_start, WORD.findall(text))):
        for position, token in enumerate(tokens, start):
            found.setdefault(term(token, language), []).append(position)
    return found, text_start
