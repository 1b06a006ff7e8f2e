"""Editor-supplied text set into template text must not reorder the words around it.

Unicode's explicit direction controls (U+202A–U+202E, U+2066–U+2069) stay in force until they
are closed or the paragraph ends. A stray U+202E in an office holder's name once turned the
template's "(replaced … in April 2012)" into "(2102 lirpA ni" in the page and the PDF; legitimate
right-to-left text (an Arabic name in an English sentence) can likewise pull neighbouring numbers
and punctuation into its run.

Two defences, used together:

* where markup is possible, the string is isolated as a whole: ``<bdi>`` in HTML and EPUB
  (template filter ``bdi``), a box in Typst — this also keeps legitimate right-to-left text from
  pulling its neighbours along;
* everywhere (attributes, ``<title>``, PDF strings, e-book metadata), :func:`balanced` closes
  whatever the string opened and drops closers it never opened, so its controls end with it.
  Ordinary text, with no controls, passes unchanged: nothing invisible is added to what readers
  copy or search.
"""

EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE, RLE, LRO, RLO: closed by PDF
POP_DIRECTIONAL_FORMATTING = "\u202c"
ISOLATES = "\u2066\u2067\u2068"  # LRI, RLI, FSI: closed by PDI
POP_DIRECTIONAL_ISOLATE = "\u2069"
CONTROLS = set(EMBEDDINGS + POP_DIRECTIONAL_FORMATTING + ISOLATES + POP_DIRECTIONAL_ISOLATE)


def balanced(text):
    """``text`` with every direction control it opens closed at its end, and stray closers dropped.

    Follows the pairing rules of the Unicode bidirectional algorithm (UAX #9): a PDF closes the
    latest embedding or override unless an isolate was opened after it; a PDI closes the latest
    isolate and everything opened inside it.
    """
    if not text or not CONTROLS.intersection(text):
        return text
    out, opened = [], []  # opened: "E" (embedding or override) or "I" (isolate), innermost last
    for char in text:
        if char in EMBEDDINGS:
            opened.append("E")
        elif char in ISOLATES:
            opened.append("I")
        elif char == POP_DIRECTIONAL_FORMATTING:
            if not opened or opened[-1] != "E":
                continue  # closes nothing: drop it
            opened.pop()
        elif char == POP_DIRECTIONAL_ISOLATE:
            if "I" not in opened:
                continue
            while opened.pop() != "I":
                pass
        out.append(char)
    closers = {"E": POP_DIRECTIONAL_FORMATTING, "I": POP_DIRECTIONAL_ISOLATE}
    return "".join(out) + "".join(closers[kind] for kind in reversed(opened))
