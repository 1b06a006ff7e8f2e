"""Office holders as the data box prints them, including who they replaced and when.

``Serik Akhmetov (replaced Karim Massimov in September 2012)`` is one holder with one
replacement; Egypt 2012 chains several in one parenthesis (``… (replaced Essam Sharaf in
December, who replaced Ahmed Shafik in March, who replaced Ahmed Nazif in January)``).
``printed`` writes a holder back in the book's own form, so what was read can be compared with
the page.
"""

import re

from ..imported import OfficeHolder, Replacement

PARENTHESIS = re.compile(r"\s*\(([^()]*)\)")
REPLACED = re.compile(r"^(?:who\s+)?replaced\s+(.+?)(?:\s+in\s+(\S.*))?$")
MONTH = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?$"
)


def replacements(parenthesis):
    """``replaced X in March, who replaced Y in January`` → [Replacement(X, March), Replacement(Y, January)]."""
    found = []
    for part in re.split(r",\s*(?=who\s+replaced\b)", parenthesis.strip()):
        match = REPLACED.match(part.strip())
        if not match:
            return None
        name, month = match.group(1).strip(), (match.group(2) or "").strip()
        if month and not MONTH.match(month):
            name, month = f"{name} in {month}", ""
        found.append(Replacement(name=name, month=month))
    return found


def office_holder(office, printed_text):
    """One holder from its printed form; a parenthesis that is not a replacement stays in the name."""
    text = " ".join(printed_text.split())
    match = PARENTHESIS.search(text)
    if match and match.end() == len(text):
        chain = replacements(match.group(1))
        if chain is not None:
            return OfficeHolder(office=office, name=text[: match.start()].strip(), replaced=chain)
    return OfficeHolder(office=office, name=text)


def printed(holder):
    """The holder as the book prints it: ``Name (replaced X in Month, who replaced Y in Month)``."""
    if not holder.replaced:
        return holder.name
    parts = []
    for position, replacement in enumerate(holder.replaced):
        words = ("replaced" if position == 0 else "who replaced", replacement.name)
        if replacement.month:
            words += ("in", replacement.month)
        parts.append(" ".join(words))
    return f"{holder.name} ({', '.join(parts)})"
