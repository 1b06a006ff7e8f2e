"""Search-result excerpts with the matching words marked, made in Python.

The engines can make excerpts themselves, but each one re-runs the full-text match over
the whole index (30 ms for a common word in a 30-edition archive) just to cut 20 short
texts. Here the 20 texts are cut directly: words are compared by their English stem
(Snowball, the stemmer PostgreSQL uses; SQLite's Porter agrees on nearly every word), so
"tortured" marks "torture" as the search itself matched it.
"""

import html
import re
from functools import lru_cache

import snowballstemmer
from django.utils.safestring import mark_safe

STEMMER = snowballstemmer.stemmer("english")
TOKEN = re.compile(r"\w+|\W+", re.UNICODE)
WINDOW = 40


@lru_cache(maxsize=200_000)
def stem(word):
    """A report's vocabulary is small and repetitive, so stems are remembered (the stemmer is pure Python)."""
    return STEMMER.stemWord(word.lower())


def excerpt(text, terms, window=WINDOW):
    """The ``window`` words of ``text`` with the most matches, the matches in <mark>, escaped."""
    wanted = {stem(term) for term in terms}
    tokens = TOKEN.findall(text)
    words = [i for i, token in enumerate(tokens) if token[0].isalnum() or token[0] == "_"]
    if not words:
        return ""
    hits = [i for i in words if stem(tokens[i]) in wanted]
    start = 0
    if hits:
        # slide a window over the word positions; keep the one covering the most hits
        best, position = -1, 0
        for n, word_index in enumerate(words):
            count = sum(
                1 for h in hits if word_index <= h < (words[n + window] if n + window < len(words) else len(tokens))
            )
            if count > best:
                best, position = count, n
            if word_index > hits[-1]:
                break
        start = max(0, position - 3)
    first = words[start]
    last = words[min(start + window, len(words)) - 1]
    hit_set = set(hits)
    parts = [
        f"<mark>{html.escape(tokens[i])}</mark>" if i in hit_set else html.escape(tokens[i])
        for i in range(first, last + 1)
    ]
    return mark_safe(("… " if start > 0 else "") + "".join(parts) + (" …" if last < words[-1] else ""))
