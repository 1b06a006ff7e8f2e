"""Reading the packed arrays back: the only place that reaches into the database driver.

One query for a whole search: every word's postings in every segment. PostgreSQL sends
``bytea`` as hexadecimal text unless a cursor asks for binary results, and Django's cursors
cannot, so a psycopg cursor is made on Django's connection for this one read.
"""

from collections import defaultdict

import numpy as np
from django.db import connection

from .analysis import term
from .models import Posting

ID_TYPE = np.dtype("<u4")
WEIGHT_TYPE = np.dtype("<f4")
TYPES = {"record_ids": ID_TYPE, "weights": WEIGHT_TYPE, "counts": ID_TYPE, "positions": ID_TYPE}


def pack(values, dtype):
    return np.asarray(values, dtype=dtype).tobytes()


def postings_of(words, languages, fields=("record_ids", "weights")):
    """{segment id: {word: {field: array}}} for ``words``, each stemmed in every language of the records."""
    wanted = defaultdict(list)  # (language, term) -> the words that are that term in that language
    for word in words:
        for language in languages:
            wanted[language, term(word, language)].append(word)
    keys = sorted({key for _, key in wanted})
    found = defaultdict(dict)
    sql = (
        f"SELECT segment_id, language, term, {', '.join(fields)} FROM {Posting._meta.db_table} "
        f"WHERE term IN ({', '.join(['%s'] * len(keys))})"
    )
    for segment, language, key, *arrays in fetch_binary(sql, keys):
        unpacked = {name: np.frombuffer(array, TYPES[name]) for name, array in zip(fields, arrays, strict=True)}
        for word in wanted.get((language, key), ()):
            found[segment][word] = unpacked
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
