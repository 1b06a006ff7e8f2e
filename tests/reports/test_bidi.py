"""Editor-supplied text cannot reorder the words around it."""

from bidi import get_display
from hypothesis import given
from hypothesis import strategies as st

from rapporteur.reports.bidi import balanced

TAIL = " (replaced in April 2012)"
TEXT = st.text(alphabet="ab 12\u05d0\u05d1\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", max_size=12)


@given(TEXT)
def test_whatever_a_string_opens_ends_with_it(text):
    """Seen through the Unicode bidirectional algorithm, words after a balanced string stay as written."""
    assert get_display(balanced(text) + TAIL, base_dir="L").endswith(TAIL)


@given(st.text(alphabet=st.characters(blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")))
def test_ordinary_text_passes_unchanged(text):
    assert balanced(text) == text
