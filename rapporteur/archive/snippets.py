"""Search-result excerpts with the matching words marked, made in Python.

The engines can make excerpts themselves, but each one re-runs the full-text match over
the whole index (30 ms for a common word in a 30-edition archive) just to cut 20 short
texts. Here the 20 texts are cut directly: words are compared as the word index compares
them (``wordindex.term``), so "tortured" marks "torture" as the search itself matched it.

Stop-words ("of", "the") are not marked: the search does not look for them, and marking every
"of" hides the words it did look for. They are marked inside an occurrence of a quoted phrase
("prisoner of conscience", as a whole), and when a search has no other words.
"""

import html
import re
from bisect import bisect_left

from django.utils.safestring import mark_safe

from rapporteur.reports.bidi import balanced

from .wordindex import is_stop_word, term

TOKEN = re.compile(r"\w+|\W+", re.UNICODE)
WINDOW = 40


LEAD = 3  # words shown before the first match
SENTENCE_REACH = 5  # further words back the excerpt may start, to begin with the match's sentence
SENTENCE_END = re.compile(r"[.!?]")


def excerpt(text, words, language="en", window=WINDOW, phrases=()):
    """The ``window`` words of ``text`` with the most matches of ``words``, the matches in <mark>, escaped.

    ``phrases`` (lists of words): each occurrence is marked whole, stop-words included.
    """
    wanted = {term(word, language) for word in words if not is_stop_word(word, language)}
    wanted = wanted or {term(word, language) for word in words}  # a search of stop-words alone
    tokens = TOKEN.findall(text)
    word_tokens = [i for i, token in enumerate(tokens) if token[0].isalnum() or token[0] == "_"]
    if not word_tokens:
        return ""
    terms = [term(tokens[i], language) for i in word_tokens]
    found = {n for n, key in enumerate(terms) if key in wanted}  # word numbers
    for phrase in phrases:
        keys = [term(word, language) for word in phrase]
        for n in range(len(terms) - len(keys) + 1):
            if terms[n] == keys[0] and terms[n : n + len(keys)] == keys:
                found.update(range(n, n + len(keys)))
    hits = sorted(found)
    start = 0
    if hits:
        # the best window starts a few words before one of the matches: try each match in turn
        best, best_hit = 0, hits[0]
        for k, hit in enumerate(hits):
            covered = bisect_left(hits, hit + window - LEAD, k) - k
            if covered > best:
                best, best_hit = covered, hit
        start = max(0, best_hit - LEAD)
        # a sentence that began a little earlier is shown from its start ("Head of state: ...")
        for k in range(start, max(0, start - SENTENCE_REACH) - 1, -1):
            if k == 0 or SENTENCE_END.search(tokens[word_tokens[k] - 1]):
                start = k
                break
    first = word_tokens[start]
    last = word_tokens[min(start + window, len(word_tokens)) - 1]
    marked = {word_tokens[n] for n in hits}
    parts = [
        f"<mark>{html.escape(tokens[i])}</mark>" if i in marked else html.escape(tokens[i])
        for i in range(first, last + 1)
    ]
    # balanced: a direction control the cut text opens (in a name, say) ends with the excerpt
    return mark_safe(balanced(("… " if start > 0 else "") + "".join(parts) + (" …" if last < word_tokens[-1] else "")))
