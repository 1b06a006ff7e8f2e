"""Office-holder lines, as reports print them and as authors type them.

    Head of state: Nursultan Nazarbayev
    Head of government: Serik Akhmetov (replaced Karim Masimov in September 2012)
    Head of state and government: A. Holder (replaced B. Holder in July 2012, who replaced
        C. Holder in December 2011)

A chain of replacements is kept in the order printed, most recent first. Word, Markdown and the
legacy books all go through ``parse_office_line``, so they agree on what a line means.
"""

import re

from .imported import OfficeHolder, Replacement

LABELS = {  # the longest label first: "Head of state and government" also starts "Head of state"
    "head of state and government": "head_of_state_and_government",
    "head of government": "head_of_government",
    "head of state": "head_of_state",
}
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

LINE = re.compile(
    r"\s*(?P<label>head of state and government|head of government|head of state)\s*:\s*(?P<rest>.+)", re.I
)
REPLACED = re.compile(
    rf"replaced\s+(?P<name>.+?)(?:\s+(?:in|on)\s+(?P<month>(?:\d{{1,2}}\s+)?(?:{MONTHS})\s+\d{{4}}))?\s*(?=,|;|\)|$)",
    re.I,
)


def office_for(label):
    """The ``imported.OFFICES`` key for a printed label, or ""."""
    return LABELS.get(" ".join(label.casefold().split()), "")


def parse_office_line(text):
    """An ``OfficeHolder`` for a "Head of …:" line, or None when the line is something else."""
    match = LINE.fullmatch(" ".join(text.split()))
    if not match:
        return None
    rest = match["rest"].strip()
    name, _, note = rest.partition("(")
    holder = OfficeHolder(office=office_for(match["label"]), name=name.strip().rstrip(",;"))
    if note:
        holder.replaced = parse_replacements(note.rstrip(")"))
    return holder if holder.name else None


def parse_replacements(note):
    """ "replaced X in July 2012, who replaced Y in December 2011" → [Replacement(X, …), Replacement(Y, …)]."""
    return [
        Replacement(name=found["name"].strip(), month=(found["month"] or "").strip())
        for found in REPLACED.finditer(note)
    ]


def replaced_note(holder):
    """The printed form back: "(replaced X in July 2012, who replaced Y in December 2011)", or ""."""
    parts = []
    for number, replacement in enumerate(holder.replaced):
        words = "replaced" if number == 0 else "who replaced"
        parts.append(f"{words} {replacement.name}" + (f" in {replacement.month}" if replacement.month else ""))
    return f"({', '.join(parts)})" if parts else ""
