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
