"""Office holders across editions whose names differ by a letter: probably one person.

Transliteration drifts between editions (Nazarbaev / Nazarbayev, Akhmetov / Akhmedov). A
writer that files people by exact name would make two people of one; one that matched loosely
would merge two real people. So near misses are only flagged, for an editor to decide.
"""

from ..imported import Warning


def edit_distance(first, second, limit=2):
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous = list(range(len(second) + 1))
    for row, char in enumerate(first, 1):
        current = [row]
        for column, other in enumerate(second, 1):
            current.append(min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def probably_same_people(editions):
    """Pairs of office-holder names, in the same country and office, one letter apart.

    ``editions``: ``ImportedEdition`` objects (or any with ``entries``). Returns sorted pairs
    ``(name, other_name)``; exact repeats are the same person and are not listed.
    """
    names = {}
    for edition in editions:
        for entry in edition.entries:
            for holder in entry.office_holders:
                for name in (holder.name, *(replacement.name for replacement in holder.replaced)):
                    names.setdefault(entry.iso_code, set()).add(name)
    pairs = set()
    for found in names.values():
        ordered = sorted(found)
        for position, name in enumerate(ordered):
            for other in ordered[position + 1 :]:
                if edit_distance(name.casefold(), other.casefold(), limit=1) == 1:
                    pairs.add((name, other))
    return sorted(pairs)


def same_people_warnings(editions):
    """The pairs as warnings, for the preview."""
    return [
        Warning(where="office holders", message=f"“{name}” and “{other}” are probably one person (one letter apart)")
        for name, other in probably_same_people(editions)
    ]
