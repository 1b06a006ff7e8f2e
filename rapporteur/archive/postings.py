"""The archive's word index: which records contain a term, and how strongly, one segment per edition.

Why not rank with the database's engine (SQLite FTS5 ``bm25()``, PostgreSQL ``ts_rank()``)? The
engine scores every matching record to find the best twenty, and a report's common words
("prisoner", "detention", "trial") are in thousands of its sections. On a 30-edition archive
(53,000 sections) a word found in 40,000 of them cost 80 ms on SQLite and 300 ms on PostgreSQL,
most of it the engine reading and scoring each match. Here the engine's work is done ahead of
time: when an edition's records change, its segment stores, per term, the record ids and each
record's BM25 term weight (Robertson's k1/b saturation and length normalisation) as packed
arrays. A search reads one row per term and edition and combines the arrays with numpy: the
same word costs about a millisecond, and SQLite and PostgreSQL rank identically.

Quoted phrases are matched from the word positions the segments also store.
"""

from collections import defaultdict

import numpy as np
from django.db import connection, transaction

from rapporteur.reports.models import EditionPage

from .models import IndexSegment, Posting, SearchRecord
from .terms import occurrences, term

K1 = 1.2  # how quickly repeating a word stops adding weight
B = 0.75  # how much a long section's weight is scaled down
HEADING_WEIGHT = 4
ID_TYPE = np.dtype("<u4")
WEIGHT_TYPE = np.dtype("<f4")
TYPES = {"record_ids": ID_TYPE, "weights": WEIGHT_TYPE, "counts": ID_TYPE, "positions": ID_TYPE}


def build_segments(edition_ids):
    """Rebuild the word index of these editions from their current records (in the caller's transaction)."""
    for edition_id in sorted(set(edition_ids)):
        build_segment(edition_id)


def build_segment(edition_id):
    if not EditionPage.objects.filter(pk=edition_id).exists():
        return  # deleted: its segment went with it
    segment, _ = IndexSegment.objects.get_or_create(edition_id=edition_id)
    with transaction.atomic():
        # Two commits publishing entries of one edition rebuild its segment one after the other;
        # the second reads the records only once the first has committed, so neither is lost.
        segment = IndexSegment.objects.select_for_update().get(pk=segment.pk)
        rows = SearchRecord.objects.filter(edition_id=edition_id).order_by("id")
        records = []
        for record_id, heading, text, language in rows.values_list("id", "heading", "text", "language"):
            found, text_start = occurrences(heading, text, language)
            # a word in the heading counts four times: a section headed "Torture" is about torture
            frequency = {
                key: sum(HEADING_WEIGHT if p < text_start else 1 for p in positions) for key, positions in found.items()
            }
            records.append((record_id, language, found, frequency, sum(frequency.values())))
        average = max(sum(record[-1] for record in records) / len(records), 1.0) if records else 1.0
        postings = defaultdict(lambda: ([], [], [], []))
        for record_id, language, found, frequency, length in records:
            norm = K1 * (1 - B + B * length / average)
            for key, positions in found.items():
                ids, weights, counts, all_positions = postings[language, key]
                ids.append(record_id)
                weights.append(frequency[key] * (K1 + 1) / (frequency[key] + norm))
                counts.append(len(positions))
                all_positions += positions
        Posting.objects.filter(segment=segment).delete()
        Posting.objects.bulk_create(
            (
                Posting(
                    segment=segment,
                    language=language,
                    term=key,
                    record_ids=pack(ids, ID_TYPE),
                    weights=pack(weights, WEIGHT_TYPE),
                    counts=pack(counts, ID_TYPE),
                    positions=pack(positions, ID_TYPE),
                )
                for (language, key), (ids, weights, counts, positions) in postings.items()
            ),
            batch_size=1000,
        )
        segment.records = len(records)
        segment.language = records[0][1] if records else segment.language
        segment.save()


def pack(values, dtype):
    return np.asarray(values, dtype=dtype).tobytes()


def idf(total, found):
    """BM25's inverse document frequency: rare words weigh more; never negative."""
    return np.log(1.0 + (total - found + 0.5) / (found + 0.5))


def postings_of(words, languages, fields=("record_ids", "weights")):
    """{segment id: {word: {field: array}}} for ``words``, each stemmed in the segment's language.

    One query for a whole search: the words' postings in every edition.
    """
    wanted = {(language, term(word, language)): word for word in words for language in languages}
    keys = sorted({key for _, key in wanted})
    found = defaultdict(dict)
    sql = (
        f"SELECT segment_id, language, term, {', '.join(fields)} FROM {Posting._meta.db_table} "
        f"WHERE term IN ({', '.join(['%s'] * len(keys))})"
    )
    for segment, language, key, *arrays in fetch_binary(sql, keys):
        word = wanted.get((language, key))
        if word is not None:
            found[segment][word] = {
                name: np.frombuffer(array, TYPES[name]) for name, array in zip(fields, arrays, strict=True)
            }
    return found


def fetch_binary(sql, params):
    """Rows of a query returning packed arrays.

    PostgreSQL sends ``bytea`` as hexadecimal text unless asked for binary results; for the
    arrays of a common word that halves the time of a search's only large read.
    """
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        import psycopg

        raw = psycopg.Cursor(connection.connection)  # Django's own cursors bind client-side, results as text
        raw.format = psycopg.pq.Format.BINARY
        cursor = connection.make_debug_cursor(raw) if connection.queries_logged else connection.make_cursor(raw)
        with cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def locate(sorted_values, values):
    """Where each of ``values`` is, or would be, in the ascending array ``sorted_values`` (clipped to its end)."""
    return np.minimum(np.searchsorted(sorted_values, values), max(len(sorted_values) - 1, 0))


def members(sorted_values, values):
    """Which of ``values`` are in ``sorted_values`` (an ascending array): a boolean mask, no sorting needed."""
    if not len(sorted_values):
        return np.zeros(len(values), dtype=bool)
    return sorted_values[locate(sorted_values, values)] == values


def match(postings, words, visible, total):
    """Records containing every word, with their BM25 scores: (ids ascending, scores).

    ``postings``: from ``postings_of`` (with record ids and weights). ``visible(ids)`` says which
    ids a reader may see; only those count, also for the rarity of a word. ``total`` is the
    number of visible records.
    """
    ids, scores = np.empty(0, np.int64), np.empty(0)
    for n, word in enumerate(dict.fromkeys(words)):
        parts = [arrays[word] for arrays in postings.values() if word in arrays]
        word_ids = np.concatenate([p["record_ids"] for p in parts]).astype(np.int64) if parts else np.empty(0, np.int64)
        weights = np.concatenate([p["weights"] for p in parts]).astype(np.float64) if parts else np.empty(0)
        keep = visible(word_ids)
        word_ids, weights = word_ids[keep], weights[keep]
        weighted = weights * idf(total, len(word_ids))
        if n == 0:
            order = np.argsort(word_ids, kind="stable")
            ids, scores = word_ids[order], weighted[order]
        else:
            ids, mine, theirs = np.intersect1d(ids, word_ids, assume_unique=True, return_indices=True)
            scores = scores[mine] + weighted[theirs]
        if not len(ids):
            break
    return ids, scores


def phrase_match(postings, phrase, candidates):
    """Which of ``candidates`` (ascending record ids) contain the phrase's words one after another.

    ``postings``: from ``postings_of`` with counts and positions too. Each occurrence becomes a
    key (record id, position minus its place in the phrase); a record has the phrase where one
    key is found for every word. Within a segment record ids and positions ascend, so keys come
    sorted and are matched by binary search; a record belongs to one segment, so segments are
    matched one by one.
    """
    found = []
    for arrays in postings.values():
        if not all(word in arrays for word in phrase):
            continue
        keys = None
        for offset, word in enumerate(phrase):
            ids, counts, positions = (arrays[word][name] for name in ("record_ids", "counts", "positions"))
            wanted = members(candidates, ids.astype(np.int64))
            records = np.repeat(ids[wanted].astype(np.int64), counts[wanted])
            these = (records << 32) | (positions[np.repeat(wanted, counts)].astype(np.int64) + len(phrase) - offset)
            keys = these if keys is None else keys[members(these, keys)]
            if not len(keys):
                break
        found.append(np.unique(keys >> 32))
    return np.sort(np.concatenate(found)) if found else np.empty(0, np.int64)
