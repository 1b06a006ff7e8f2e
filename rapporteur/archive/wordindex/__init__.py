"""The archive's word index: a small search engine, fenced behind this package's few names.

    rebuild(edition_ids, read_records)    (re)build these editions' index from their records
    find(words, phrases, records, langs)  records holding every word and phrase, BM25-scored
    RecordSet(ids)                        the records a search may return (what a reader can see)
    versions()                            {edition: version}; a version changes at every rebuild
    editions_without_index(edition_ids)   which of them have no index yet
    term(word, language), WORD, MAX_TERM_LENGTH   how text becomes index terms (also for excerpts)
    is_stop_word(word, language)          function words ("of", "the") a search may leave out
    vocabulary(), holding(lang, term, records)   the index's terms and their record counts, and
                                          records holding a term (for spelling suggestions)

Each edition has a *segment*: per term, the ids of the records holding it, their BM25 weight
(k1 1.2, b 0.75, heading words counted four times) and the term's positions, as packed
arrays in one database row per term. A search reads one row per word and edition and does
the rest with numpy, so a word found in most records costs about what a rare one does; the
database's own full-text engines score every match at query time, which is what made them
too slow for a report's common words (the measurements are in ``benchmarks/README.md``).
The index lives in the database, so every app server shares it, backups include it, and
it changes in the same transaction as the records.

Nothing outside this package reads its tables or its arrays, or reaches into the database
driver for them; swapping the engine means reimplementing these names.
"""

from .analysis import MAX_TERM_LENGTH, WORD, is_stop_word, term
from .build import editions_without_index, rebuild, versions, vocabulary
from .query import RecordSet, find, holding

__all__ = [
    "MAX_TERM_LENGTH",
    "WORD",
    "RecordSet",
    "editions_without_index",
    "find",
    "holding",
    "is_stop_word",
    "rebuild",
    "term",
    "versions",
    "vocabulary",
]
