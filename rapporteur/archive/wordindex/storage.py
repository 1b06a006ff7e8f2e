"""Reading the packed arrays back: the only place that reaches into the database driver.

One query for a whole search: every word's postings in every segment. PostgreSQL sends
``bytea`` as hexadecimal text unless a cursor asks for binary results, and Django's cursors
cannot, so a psycopg cursor is made on Django's connection for this one read.
"""

from collections import OrderedDict, defaultdict

import numpy as np
from django.db import connection

from .analysis import term
from .models import Posting

ID_TYPE = np.dtype("<u4")
WEIGHT_TYPE = np.dtype("<f4")
TYPES = {"record_ids": ID_TYPE, "weights": WEIGHT_TYPE, "counts": ID_TYPE, "positions": ID_TYPE}


def pack(values, dtype):
    return np.asarray(values, dtype=dtype).tobytes()


class PostingsMemo:
    """Postings already read, kept while the index cannot change: for one content generation.

    A report's searches repeat their words ("torture", "prison", a country's name); reading a
    common word's arrays again from the database is most of a search's remaining cost, on
    PostgreSQL especially. The memo belongs to the caller's ``RecordSet``, which is made anew
    whenever anything is published, so it never outlives the postings it holds. Bounded by
    ``budget`` bytes; the least recently used terms go first.
    """

    def __init__(self, budget=32 * 2**20):
        self.budget = budget
        self.size = 0
        self.terms = OrderedDict()  # (language, term, fields) -> (bytes, {segment: {field: array}})

    def get(self, key):
        entry = self.terms.get(key)
        if entry is not None:
            self.terms.move_to_end(key)
        return entry[1] if entry else None

    def put(self, key, segments):
        size = sum(array.nbytes for arrays in segments.values() for array in arrays.values())
        if size > self.budget:
            return
        self.terms[key] = (size, segments)
        self.size += size
        while self.size > self.budget:
            _, (dropped, _) = self.terms.popitem(last=False)
            self.size -= dropped


def postings_of(words, languages, fields=("record_ids", "weights"), memo=None):
    """{segment id: {word: {field: array}}} for ``words``, each stemmed in every language of the records.

    Terms not in ``memo`` (a ``PostingsMemo``, if given) are read in one query.
    """
    wanted = defaultdict(list)  # (language, term) -> the words that are that term in that language
    for word in words:
        for language in languages:
            wanted[language, term(word, language)].append(word)
    by_term = {}
    missing = []
    for language, key in wanted:
        remembered = memo.get((language, key, fields)) if memo is not None else None
        if remembered is None:
            missing.append((language, key))
        else:
            by_term[language, key] = remembered
    if missing:
        keys = sorted({key for _, key in missing})
        sql = (
            f"SELECT segment_id, language, term, {', '.join(fields)} FROM {Posting._meta.db_table} "
            f"WHERE term IN ({', '.join(['%s'] * len(keys))})"
        )
        read = {pair: {} for pair in missing}
        for segment, language, key, *arrays in fetch_binary(sql, keys):
            if (language, key) in read:
                read[language, key][segment] = {
                    name: np.frombuffer(array, TYPES[name]) for name, array in zip(fields, arrays, strict=True)
                }
        for pair, segments in read.items():
            by_term[pair] = segments
            if memo is not None:
                memo.put((*pair, fields), segments)
    found = defaultdict(dict)
    for pair, segments in by_term.items():
        for segment, arrays in segments.items():
            for word in wanted[pair]:
                found[segment][word] = arrays
    return found


def fetch_binary(sql, params):
    """Rows of a query returning packed arrays, as bytes, on either database."""
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        import psycopg

        raw = psycopg.Cursor(connection.connection)
        raw.format = psycopg.pq.Format.BINARY
        cursor = connection.make_debug_cursor(raw) if connection.queries_logged else connection.make_cursor(raw)
        with cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
