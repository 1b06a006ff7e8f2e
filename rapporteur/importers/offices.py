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


def office_for(label):
    """The ``imported.OFFICES`` key for a printed label, or ""."""
    return LABELS.get(" ".join(label.casefold().split()), "")


def parse_office_line(text):
    """An ``OfficeHolder`` for a "Head of …:" line, or None when the line is something else."""
    match = LINE.fullmatch(" ".join(text.split()))
    if not match:
        return None
    holder = office_holder(office_for(match["label"]), match["rest"].strip().rstrip(",;"))
    return holder if holder.name else None


PARENTHESIS = re.compile(r"\s*\(([^()]*)\)")
REPLACEMENT = re.compile(r"^(?:who\s+)?replaced\s+(.+?)(?:\s+(?:in|on)\s+(\S.*))?$", re.I)
MONTH = re.compile(rf"^(?:\d{{1,2}}\s+)?(?:{MONTHS})(?:\s+\d{{4}})?$", re.I)


def office_holder(office, printed_text):
    """One holder from its printed form, ``Name (replaced X in Month YYYY, who replaced Y …)``.

    Legacy books sometimes give the month alone ("in December", Egypt 2012). A parenthesis that
    is not a replacement stays part of the name.
    """
    text = " ".join(printed_text.split())
    match = PARENTHESIS.search(text)
    if match and match.end() == len(text):
        chain = parse_replacements(match.group(1))
        if chain is not None:
            return OfficeHolder(office=office, name=text[: match.start()].strip().rstrip(",;"), replaced=chain)
    return OfficeHolder(office=office, name=text)


def parse_replacements(note):
    """ "replaced X in July 2012, who replaced Y in December 2011" → [Replacement(X, …), Replacement(Y, …)].

    None when the note is not a chain of replacements.
    """
    found = []
    for part in re.split(r",\s*(?=who\s+replaced\b)", note.strip(), flags=re.I):
        match = REPLACEMENT.match(part.strip())
        if not match:
            return None
        name, month = match.group(1).strip(), (match.group(2) or "").strip()
        if month and not MONTH.match(month):
            name, month = f"{name} in {month}", ""
        found.append(Replacement(name=name, month=month))
    return found


def replaced_note(holder):
    """The printed form back: "(replaced X in July 2012, who replaced Y in December 2011)", or ""."""
    parts = []
    for number, replacement in enumerate(holder.replaced):
        words = "replaced" if number == 0 else "who replaced"
        parts.append(f"{words} {replacement.name}" + (f" in {replacement.month}" if replacement.month else ""))
    return f"({', '.join(parts)})" if parts else ""


def printed(holder):
    """The holder as the book prints it: ``Name (replaced X in Month, who replaced Y in Month)``."""
    return f"{holder.name} {replaced_note(holder)}".strip()
