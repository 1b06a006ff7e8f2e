"""Answering a search: records holding every word and phrase, scored by BM25.

The caller says which records may be returned (a ``RecordSet``: the records a reader can
see). Only those count, also for the rarity of a word (idf), so a hidden record never
changes a visible one's score. Scores are summed into one array over the record set, so a
word found in most records costs one pass, not a sort or an intersection.
"""

import numpy as np

from .analysis import term
from .models import Posting
from .storage import ID_TYPE, PostingsMemo, fetch_binary, postings_of


class RecordSet:
    """The records a search may return: ascending ids, and where each id sits among them.

    Where the ids are dense (the usual case: ids are handed out in order as records are
    made) the place of an id is a table lookup; if rebuilds have left them sparse, a binary
    search. Made anew whenever the index may have changed (the caller keeps one per content
    generation), it also remembers the postings searches have read (``PostingsMemo``).
    """

    def __init__(self, ids):
        self.memo = PostingsMemo()
        self.ids = np.asarray(ids, dtype=np.int64)
        top = int(self.ids[-1]) + 2 if len(self.ids) else 1
        self.table = None
        if top <= 8 * len(self.ids) + 4096:
            self.table = np.full(top, -1, dtype=np.int32)  # the last entry stands for every larger id: absent
            self.table[self.ids] = np.arange(len(self.ids), dtype=np.int32)

    def __len__(self):
        return len(self.ids)

    def locate(self, ids):
        """(places, found): each id's place in the set, and whether it is in the set at all."""
        ids = np.asarray(ids, dtype=np.int64)
        if self.table is not None:
            places = self.table.take(ids, mode="clip")
            return places, places >= 0
        if not len(self.ids):
            return np.zeros(len(ids), dtype=np.int64), np.zeros(len(ids), dtype=bool)
        places = np.minimum(np.searchsorted(self.ids, ids), len(self.ids) - 1)
        return places, self.ids[places] == ids


def idf(total, found):
    """BM25's inverse document frequency: rare words weigh more; never negative."""
    return np.log(1.0 + (total - found + 0.5) / (found + 0.5))


def find(words, phrases, records, languages):
    """Records of ``records`` holding every word and every phrase (its words one after another).

    ``words``: the words that are required and scored, usually every word of the search, those
    inside phrases included; a phrase's other words (the caller leaves out "of" in "prisoner of
    conscience") only have to stand in their place. ``phrases``: lists of words; ``languages``:
    the languages the records are in (a word is stemmed in each). Returns (places in
    ``records``, ascending; BM25 scores).
    """
    # Words that are one term ("prisoner", "prisoners") are one word: they count once.
    same, every = {}, [*words, *(word for phrase in phrases for word in phrase)]
    for word in every:
        same.setdefault(tuple(term(word, language) for language in languages), word)
    one = {word: same[tuple(term(word, language) for language in languages)] for word in every}
    words = list(dict.fromkeys(one[word] for word in words))
    phrases = [[one[word] for word in phrase] for phrase in phrases]
    fields = ("record_ids", "weights") + (("counts", "positions") if phrases else ())
    read = list(dict.fromkeys([*words, *(word for phrase in phrases for word in phrase)]))
    postings = postings_of(read, languages, fields, records.memo)
    places, scores = match(postings, words, records)
    for phrase in phrases:
        keep = members(phrase_match(postings, phrase, records.ids[places]), records.ids[places])
        places, scores = places[keep], scores[keep]
    return places, scores


def members(sorted_values, values):
    """Which of ``values`` are in the ascending array ``sorted_values``."""
    if not len(sorted_values):
        return np.zeros(len(values), dtype=bool)
    places = np.minimum(np.searchsorted(sorted_values, values), len(sorted_values) - 1)
    return sorted_values[places] == values


def joined(postings, word, fields):
    """One word's arrays over every segment, joined: {field: array}."""
    parts = [arrays[word] for arrays in postings.values() if word in arrays]
    return {name: np.concatenate([part[name] for part in parts]) if parts else np.empty(0) for name in fields}


def match(postings, words, records):
    """Places of the records holding every word, ascending, and their BM25 scores."""
    words = list(dict.fromkeys(words))
    size = len(records)
    score, found = np.zeros(size), np.zeros(size, dtype=np.int64)
    for word in words:
        arrays = joined(postings, word, ("record_ids", "weights"))
        places, present = records.locate(arrays["record_ids"].astype(np.int64))
        places = places[present]
        if not len(places):
            return np.empty(0, np.int64), np.empty(0)
        # a record is in a word's postings once: bincount puts each weight in its place in one pass
        weights = arrays["weights"][present].astype(np.float64) * idf(size, len(places))
        score += np.bincount(places, weights, minlength=size)
        found += np.bincount(places, minlength=size)
    places = np.flatnonzero(found == len(words)) if words else np.empty(0, np.int64)
    return places, score[places]


def phrase_match(postings, phrase, candidates):
    """Which of ``candidates`` (record ids, ascending) hold the phrase's words one after another.

    Each occurrence of a word becomes a key (record id, position minus its place in the
    phrase); a record holds the phrase where one key is found for every word. Words are
    taken rarest first, so the keys to match shrink fastest; a word's occurrences are first
    narrowed to the candidates when those are few.
    """
    if not len(candidates):
        return np.empty(0, np.int64)
    fields = ("record_ids", "counts", "positions")
    arrays = {word: joined(postings, word, fields) for word in set(phrase)}
    wanted = None
    keys = None
    for offset, word in sorted(enumerate(phrase), key=lambda pair: len(arrays[pair[1]]["positions"])):
        ids = arrays[word]["record_ids"].astype(np.int64)
        counts = arrays[word]["counts"].astype(np.intp)  # np.repeat is much slower with uint32 counts
        positions = arrays[word]["positions"].astype(np.int64)
        if 2 * len(candidates) < len(ids):
            if wanted is None:
                wanted = np.zeros(int(candidates[-1]) + 2, dtype=bool)
                wanted[candidates] = True
            keep = wanted.take(ids, mode="clip")
            ids, positions, counts = ids[keep], positions[np.repeat(keep, counts)], counts[keep]
        these = np.repeat(ids << 32, counts) | (positions + (len(phrase) - offset))
        if len(these) > 1 and not (these[1:] > these[:-1]).all():
            these = np.sort(these)  # ascending within a segment; segments' record ids may interleave
        keys = these if keys is None else keys[members(these, keys)]
        if not len(keys):
            return np.empty(0, np.int64)
    return np.intersect1d(np.unique(keys >> 32), candidates, assume_unique=True)


def holding(language, key, records, limit=3):
    """Up to ``limit`` ids of ``records`` holding the index term ``key`` (already a term, not a word)."""
    sql = f"SELECT record_ids FROM {Posting._meta.db_table} WHERE term = %s AND language = %s"
    found = []
    for (packed,) in fetch_binary(sql, [key, language]):
        ids = np.frombuffer(packed, ID_TYPE).astype(np.int64)
        found += ids[records.locate(ids)[1]][:limit].tolist()
    return sorted(found)[:limit]
