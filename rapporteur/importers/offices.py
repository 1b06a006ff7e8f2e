"""Office-holder lines, as reports print them and as authors type them.

    Head of state: Nursultan Nazarbayev
    Head of government: Serik Akhmetov (replaced Karim Masimov in September 2012)
    Head of state and government: A. Holder (replaced B. Holder in July 2012, who replaced
        C. Holder in December 2011)

A chain of replacements is kept in the order printed, most recent first. Word, Markdown and the
legacy books all go through ``parse_office_line``, so they agree on what a line means.
"""

import datetime
import re

from .imported import OfficeHolder, Replacement

LABELS = {  # the longest label first: "Head of state and government" also starts "Head of state"
    "head of state and government": "head_of_state_and_government",
    "head of government": "head_of_government",
    "head of state": "head_of_state",
}
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_NUMBERS = {name.casefold(): number for number, name in enumerate(MONTHS.split("|"), start=1)}

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


def month_date(text, year=None):
    """ "September 2012" → 1 September 2012; "December" → 1 December ``year`` (the year covered).

    Books print the month alone when it falls in the year the edition covers; an author may
    add the day ("11 February 2011"), which is kept. None when the text is not such a date.
    """
    match = re.fullmatch(r"\s*(?:(\d{1,2})\s+)?([A-Za-z]+)(?:\s+(\d{4}))?\s*", text or "")
    if not match or match[2].casefold() not in MONTH_NUMBERS:
        return None
    found_year = int(match[3]) if match[3] else year
    if not found_year:
        return None
    try:
        return datetime.date(found_year, MONTH_NUMBERS[match[2].casefold()], int(match[1] or 1))
    except ValueError:
        return None


def holder_rows(holder, covers_year=None):
    """The rows an entry stores for one holder: (office, name, replaced, replaced on, former).

    The holder first; then, for a chain, each person they replaced who had themselves replaced
    someone that year, marked ``former`` (see ``reports.models.OfficeHolder``). Names are cut
    to the field's length.
    """
    chain = holder.replaced
    first = chain[0] if chain else None
    rows = [
        (
            holder.office,
            holder.name[:200],
            first.name[:200] if first else "",
            month_date(first.month, covers_year) if first else None,
            False,
        )
    ]
    for later, earlier in zip(chain, chain[1:], strict=False):
        rows.append((holder.office, later.name[:200], earlier.name[:200], month_date(earlier.month, covers_year), True))
    return rows
