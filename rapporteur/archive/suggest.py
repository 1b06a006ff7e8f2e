""" "Did you mean …?": a correction for a misspelt search, from the words the archive really holds.

Offered only when a search finds nothing or very little (fewer than ``FEW_RESULTS``). For each
word of the search that is rare or absent in the word index, the index's terms one or two edits
away (insertion, deletion, substitution or swap of neighbours: optimal string alignment) are
weighed by how many records hold them, a term one edit away counting ``CLOSER`` times as much as
one two edits away. A correction is offered only if it finds more than the search did, counted
over the records a reader may see: a word known only from a page that has since been hidden
finds nothing, so it is never offered.

Python's standard library and numpy only (``rapidfuzz`` is not a dependency): the terms of one
language are kept as arrays per content generation, and a cheap filter — the length, and the
letters counted into 32 buckets (one edit changes those counts by at most 2) — leaves a few
dozen terms to measure exactly. The index holds stems ("tortur"); the word offered is the form
the records themselves use ("torture"), read from a record holding it.
"""

from collections import Counter

import numpy as np

from rapporteur.reports.cache import current_generation

from . import wordindex
from .models import SearchRecord
from .wordindex import WORD, is_stop_word, term

FEW_RESULTS = 3
MAX_EDITS = 2
CLOSER = 8  # a term one edit away outweighs one two edits away unless that is 8 times as common
SHORTEST = 4  # shorter words are too easily a different word ("law", "raw", "war")
BUCKETS = 32


def letter_counts(word):
    counts = np.zeros(BUCKETS, dtype=np.int16)
    for char in word:
        counts[ord(char) % BUCKETS] += 1
    return counts


def edits(a, b, limit=MAX_EDITS):
    """Optimal string alignment distance between ``a`` and ``b``, or ``limit + 1`` if it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


class Terms:
    """One language's index terms, with how many records hold each, as arrays for the filter."""

    def __init__(self, frequencies):
        self.frequency = frequencies
        usable = [key for key in frequencies if len(key) >= 3 and not key.isdigit()]
        self.terms = usable
        self.records = np.array([frequencies[key] for key in usable], dtype=np.int64)
        self.lengths = np.array([len(key) for key in usable], dtype=np.int64)
        # every term's letters counted into buckets at once, from one array of all their code points
        codes = np.frombuffer("".join(usable).encode("utf-32-le"), dtype=np.uint32) % BUCKETS
        self.letters = np.zeros((len(usable), BUCKETS), dtype=np.int16)
        np.add.at(self.letters, (np.repeat(np.arange(len(usable)), self.lengths), codes.astype(np.intp)), 1)

    def closest(self, key):
        """Terms one or two edits from ``key`` held by more records than ``key``, best first."""
        own = self.frequency.get(key, 0)
        near = np.flatnonzero((np.abs(self.lengths - len(key)) <= MAX_EDITS) & (self.records > own))
        if not len(near):
            return []
        apart = np.abs(self.letters[near] - letter_counts(key)).sum(axis=1)
        scored = []
        for place in near[apart <= 2 * MAX_EDITS].tolist():
            distance = edits(key, self.terms[place])
            if 1 <= distance <= MAX_EDITS:
                weight = int(self.records[place]) / CLOSER ** (distance - 1)
                if weight > own * CLOSER:  # a rare real word is not "corrected" to a common one
                    scored.append((-weight, self.terms[place]))
        return [found for _, found in sorted(scored)]


_terms = {"generation": None, "languages": {}}


def index_terms(language):
    """The ``Terms`` of ``language`` for this content generation (read only when a suggestion is wanted)."""
    generation = current_generation()
    if _terms["generation"] != generation:
        by_language = {}
        for (lang, key), count in wordindex.vocabulary().items():
            by_language.setdefault(lang, {})[key] = count
        _terms["languages"] = {lang: Terms(frequencies) for lang, frequencies in by_language.items()}
        _terms["generation"] = generation
    return _terms["languages"].get(language)


def written_form(language, key, visible, typed):
    """How the records a reader can see write the term ``key`` ("confessions" for "confess"): of the forms
    found, the nearest to what was ``typed``, lower-case if the records have it so; None if none holds it."""
    ids = wordindex.holding(language, key, visible.records)
    forms = Counter()
    for heading, text in SearchRecord.objects.filter(pk__in=ids).values_list("heading", "text"):
        forms.update(word for word in WORD.findall(f"{heading} {text}") if term(word, language) == key)
    if not forms:
        return None
    typed = typed.lower()
    return min(forms, key=lambda form: (edits(typed, form.lower(), limit=99), not form.islower(), -forms[form]))


def correction(word, visible):
    """A better-attested word for ``word``, or None."""
    if len(word) < SHORTEST or word.isdigit():
        return None
    for language in visible.languages:
        if is_stop_word(word, language):
            return None
        terms = index_terms(language)
        for candidate in (terms.closest(term(word, language)) if terms else [])[:3]:
            form = written_form(language, candidate, visible, word)
            if form is not None:
                return form
    return None
