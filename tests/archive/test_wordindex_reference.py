"""The word index ranks exactly as BM25 written out plainly, on a generated corpus.

The reference below is the textbook formula with the index's parameters restated (not
imported), so a change to the index's scoring, its packing or its phrase matching that
alters a ranking fails here: single words, several words, quoted phrases, and a reader who
may see only some of the records (rarity counts only what they can see).
"""

import math
import random
import re

import pytest

from rapporteur.archive import wordindex
from rapporteur.reports.models import EditionPage

pytestmark = pytest.mark.django_db

K1, B, HEADING_WEIGHT = 1.2, 0.75, 4

VOCABULARY = (
    "the of torture tortured prisoner prisoners detention detained trial trials court courts journalist journalists "
    "police protest protesters killed freedom expression assembly refugees asylum women rights defender "
    "sentenced years prison release released army attack civilians Türkiye Turkiye fair unfair law security "
    "forces arrested charged activist election camp border death penalty executions children"
).split()
HEADINGS = ("Torture and other ill-treatment", "Unfair trials", "Freedom of expression", "Refugees", "Death penalty")


def generated_corpus(seed, editions):
    """{edition id: [(record id, heading, text, "en")]}: a few hundred records, common and rare words."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(VOCABULARY))]  # Zipf-like: some words in most records
    corpus, next_id = {}, 1000
    for edition in editions:
        rows = []
        for _ in range(rng.randint(120, 180)):
            length = rng.choice((3, 8, 20, 40, 90, 160))
            text = " ".join(rng.choices(VOCABULARY, weights, k=length))
            rows.append((next_id, rng.choice(HEADINGS), text, "en"))
            next_id += rng.choice((1, 1, 2, 7))  # ids are not contiguous
        corpus[edition] = rows
    return corpus


def terms(text):
    return [wordindex.term(word, "en") for word in re.findall(r"\w+", text)]


def has_phrase(tokens, phrase):
    return any(tokens[i : i + len(phrase)] == phrase for i in range(len(tokens) - len(phrase) + 1))


def reference(corpus, words, phrases, visible):
    """BM25 by the book: {record id: score} of visible records holding every word and phrase."""
    records = {}
    for rows in corpus.values():
        lengths = []
        for record_id, heading, text, _ in rows:
            head, body = terms(heading), terms(text)
            frequency = {}
            for token in head:
                frequency[token] = frequency.get(token, 0) + HEADING_WEIGHT
            for token in body:
                frequency[token] = frequency.get(token, 0) + 1
            lengths.append(sum(frequency.values()))
            records[record_id] = (head, body, frequency, lengths[-1])
        average = sum(lengths) / len(lengths)  # each edition's own average length
        for record_id, *_ in rows:
            head, body, frequency, length = records[record_id]
            records[record_id] = (head, body, frequency, length, average)
    seen = {record_id: records[record_id] for record_id in visible}
    total = len(seen)
    wanted = list(dict.fromkeys(wordindex.term(word, "en") for word in words))
    holding = {word: sum(1 for record in seen.values() if word in record[2]) for word in wanted}
    scores = {}
    for record_id, (head, body, frequency, length, average) in seen.items():
        if not all(word in frequency for word in wanted):
            continue
        if not all(
            has_phrase(head, p) or has_phrase(body, p) for p in ([terms(w)[0] for w in phrase] for phrase in phrases)
        ):
            continue
        score = 0.0
        for word in wanted:
            idf = math.log(1 + (total - holding[word] + 0.5) / (holding[word] + 0.5))
            f = frequency[word]
            score += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * length / average))
        scores[record_id] = score
    return scores


def assert_same_ranking(corpus, words, phrases, visible):
    expected = reference(corpus, words, phrases, visible)
    records = wordindex.RecordSet(sorted(visible))
    places, scores = wordindex.find(words, phrases, records, ["en"])
    found = dict(zip(records.ids[places].tolist(), scores.tolist(), strict=True))
    label = f"{words} {phrases}"
    assert set(found) == set(expected), label
    for record_id, score in found.items():
        assert score == pytest.approx(expected[record_id], rel=1e-5), label
    ranking = sorted(found, key=lambda record_id: (-found[record_id], record_id))
    for better, worse in zip(ranking, ranking[1:], strict=False):  # the same order, up to float ties
        assert expected[better] >= expected[worse] - 1e-6 * expected[better], label


@pytest.fixture
def corpus():
    editions = list(EditionPage.objects.order_by("year").values_list("pk", flat=True)[:2])
    corpus = generated_corpus(seed=2013, editions=editions)
    wordindex.rebuild(editions, lambda edition: corpus[edition])
    return corpus


def all_ids(corpus):
    return {row[0] for rows in corpus.values() for row in rows}


def test_single_words_rank_as_bm25(corpus):
    visible = all_ids(corpus)
    for word in VOCABULARY + ["nonexistentword"]:
        assert_same_ranking(corpus, [word], [], visible)


def test_several_words_rank_as_bm25(corpus):
    rng = random.Random(7)
    visible = all_ids(corpus)
    for _ in range(40):
        words = rng.sample(VOCABULARY, rng.choice((2, 3)))
        assert_same_ranking(corpus, words, [], visible)
    assert_same_ranking(corpus, ["Torture", "tortured"], [], visible)  # one term, counted once


def test_phrases_rank_as_bm25(corpus):
    rng = random.Random(11)
    visible = all_ids(corpus)
    texts = [text.split() for rows in corpus.values() for _, _, text, _ in rows]
    for _ in range(40):
        words = rng.choice([t for t in texts if len(t) > 3])
        start = rng.randrange(len(words) - 2)
        phrase = words[start : start + rng.choice((2, 3))]  # a phrase that occurs somewhere
        assert_same_ranking(corpus, phrase, [phrase], visible)
        other = rng.sample(VOCABULARY, 2)  # and one that may not
        assert_same_ranking(corpus, other + [rng.choice(VOCABULARY)], [other], visible)
    assert_same_ranking(corpus, ["unfair", "trials"], [["unfair", "trials"]], visible)  # in headings


def test_words_that_only_stand_in_a_phrase_are_not_scored(corpus):
    """The search leaves stop-words out of the scored words but keeps them in phrases: "prisoner of"."""
    rng = random.Random(5)
    visible = all_ids(corpus)
    texts = [text.split() for rows in corpus.values() for _, _, text, _ in rows]
    tried = 0
    for words in texts:
        for start in range(len(words) - 2):
            phrase = words[start : start + 3]
            if phrase[1] in ("of", "the") and not {phrase[0], phrase[2]} & {"of", "the"} and rng.random() < 0.3:
                assert_same_ranking(corpus, [phrase[0], phrase[2]], [phrase], visible)
                tried += 1
        if tried >= 30:
            break
    assert tried >= 30
    assert_same_ranking(corpus, ["torture"], [["torture", "of", "prisoners"]], visible)


def test_only_what_a_reader_sees_counts(corpus):
    rng = random.Random(3)
    ids = sorted(all_ids(corpus))
    visible = set(rng.sample(ids, len(ids) // 3))
    for word in ("torture", "prison", "Turkiye", "penalty"):
        assert_same_ranking(corpus, [word], [], visible)
    assert_same_ranking(corpus, ["death", "penalty"], [["death", "penalty"]], visible)
