"""A whole book's text layer, or one file per country, read into an ``ImportedEdition``.

A book is cut into entries at its country headers: a line in capitals that names a country
(possibly wrapped over two or three lines) other than the entry being read — the official name
and a repeated short name name the same country, so they never start a new entry. The A–Z ends
at the first capital line of the back matter that names no country. Each entry's neighbour
text, found at its end, is handed to the next entry; reports and visits found before an entry's
data box go back to the previous one.
"""

import re
from collections import Counter
from pathlib import Path

from ..countries import resolve
from ..imported import ImportedEdition, Warning
from .cleaning import RunningHeads
from .entry import HEAD_REGION, EntryReader, is_caps, split_header
from .lines import Line, read_lines
from .topics import assign_themes, read_topic_index, topics_by_country

GLUED_HEADER = re.compile(r"^(.*[.!?)”])\s+([A-Z][A-Z’'()/\- ]{3,})$")


def read_book(path_or_text, *, source=None):
    """An edition from a whole book's text layer (a path, or the text itself)."""
    text, source = load(path_or_text, source)
    raw = text.splitlines()
    heads = RunningHeads.find(raw)
    lines = unglue_headers(read_lines(raw, heads=heads))
    edition = ImportedEdition()
    edition_years(edition, heads)
    edition.topic_index, problems = read_topic_index(raw, heads)
    for index, message in problems:
        edition.warnings.append(Warning(where=f"{source}, line {index + 1}", message=message))
    by_country = topics_by_country(edition.topic_index)
    known_text = "\n".join(line.text for line in lines)

    spans = entry_spans(lines)
    carried, seen = [], {}
    for position, (start, end, header_count, code) in enumerate(spans):
        next_code = spans[position + 1][3] if position + 1 < len(spans) else ""
        reader = EntryReader(
            lines[start:end],
            source=f"{source}, line {lines[start].number}",
            known_text=known_text,
            topics=by_country.get(code, ()),
            next_topics=by_country.get(next_code, ()),
            incoming=carried,
        )
        result = reader.read(header_count)
        entry = result.entry
        if carried:
            entry.warnings.append(
                Warning(
                    where=f"{entry.country_name}, line {carried[0].number}",
                    message=f"{len(carried)} lines found before this entry’s header were placed after its first page",
                )
            )
        carried = result.carried
        if result.strays and edition.entries:
            give_back(edition.entries[-1], result.strays, entry)
        elif result.strays:
            entry.warnings.append(
                Warning(where=entry.source, message="reports or visits before the data box had no entry to go to")
            )
        if entry.iso_code in seen:
            edition.warnings.append(
                Warning(
                    where=entry.source,
                    message=f"{entry.country_name}: a second entry for this country (the first is at {seen[entry.iso_code]})",
                )
            )
        seen.setdefault(entry.iso_code, entry.source)
        assign_themes(entry, edition.topic_index, by_country)
        edition.entries.append(entry)
    if carried and edition.entries:
        last = edition.entries[-1]
        last.warnings.append(
            Warning(where=last.source, message=f"{len(carried)} lines after the last entry were left out")
        )
    return edition


def read_country_files(paths, *, topic_index=None):
    """An edition from one text file per country (a directory of ``.txt`` files, or a list of paths).

    Each file starts at its country's header. Text a file holds from a neighbouring entry cannot
    be handed on (its owner is another file), so it is left out and a warning says so.
    """
    if isinstance(paths, str | Path) and Path(paths).is_dir():
        paths = sorted(Path(paths).glob("*.txt"))
    edition = ImportedEdition(topic_index=dict(topic_index or {}))
    by_country = topics_by_country(edition.topic_index)
    years, titles = Counter(), Counter()
    for path in paths:
        entry = read_country_file(path, by_country, years, titles)
        if entry is None:
            edition.warnings.append(Warning(where=str(path), message="no country header found"))
            continue
        if edition.topic_index:
            assign_themes(entry, edition.topic_index, by_country)
        edition.entries.append(entry)
    if years:
        edition.year = years.most_common(1)[0][0]
        edition.covers_year = edition.year - 1
        edition.title = titles.most_common(1)[0][0] if titles else ""
    return edition


def read_country_file(path, by_country=None, years=None, titles=None):
    """One entry from one file, or None when the file has no country header.

    ``years`` and ``titles`` (counters) gather what the file's running heads say, or — when it
    shows none — the year its name starts with (``2012-kenya.txt``).
    """
    path = Path(path)
    raw = path.read_text(encoding="utf-8").splitlines()
    named = re.match(r"(\d{4})\D", path.name)
    heads = RunningHeads.find(raw, hint_year=int(named.group(1)) if named else None)
    if years is not None and (heads.year or named):
        years[heads.year or int(named.group(1))] += 1
    if titles is not None and heads.title:
        titles[heads.title] += 1
    lines = unglue_headers(read_lines(raw, heads=heads))
    start = next((i for i, line in enumerate(lines) if line.kind == "text" and is_caps(line.text)), None)
    if start is None:
        return None
    count = header_size(lines, start)[0]
    code = resolve(split_header([line.text for line in lines[start : start + count]])[0])
    reader = EntryReader(lines[start:], source=path.name, topics=(by_country or {}).get(code, ()))
    result = reader.read(count)
    entry = result.entry
    if result.carried:
        entry.warnings[-1].message = entry.warnings[-1].message.replace(
            "handed to the next entry", "left out (the next entry is another file)"
        )
    if result.strays:
        entry.warnings.append(
            Warning(where=entry.source, message=f"{len(result.strays)} reports/visits of the previous entry left out")
        )
    return entry


def load(path_or_text, source):
    if isinstance(path_or_text, Path) or (isinstance(path_or_text, str) and "\n" not in path_or_text):
        path = Path(path_or_text)
        return path.read_text(encoding="utf-8"), source or path.name
    return path_or_text, source or "text"


def edition_years(edition, heads):
    """Year of publication and title from the running heads; a book covers the year before."""
    if heads.year:
        edition.year = heads.year
        edition.covers_year = heads.year - 1
        edition.title = heads.title


def unglue_headers(lines):
    """``… a line of text. COUNTRYNAME``: the next entry's name glued to a line's end.

    A name printed over two lines (``MOROCCO/`` glued, ``WESTERN SAHARA`` below) is joined.
    """
    found = []
    for position, line in enumerate(lines):
        match = GLUED_HEADER.match(line.text) if line.kind != "furniture" else None
        if match and match.group(2).endswith("/") and position + 1 < len(lines):
            following = lines[position + 1]
            if following.kind == "text" and is_caps(following.text):
                joined = match.group(2) + following.text
                if resolve(joined):
                    found.append(Line(line.number, match.group(1), line.kind))
                    following.text = joined
                    continue
        if match and is_caps(match.group(2)) and resolve(match.group(2)):
            found.append(Line(line.number, match.group(1), line.kind))
            found.append(Line(line.number, match.group(2), "text"))
        else:
            found.append(line)
    return found


def header_size(lines, start):
    """How many capital lines from ``start`` make a country header, and the code it names."""
    caps = []
    for line in lines[start : start + 3]:
        if line.kind != "text" or not is_caps(line.text):
            break
        caps.append(line.text)
    for count in range(len(caps), 0, -1):
        short, _official = split_header(caps[:count])
        code = resolve(short)
        if code:
            return count, code
    return 1, ""


def entry_spans(lines):
    """(start, end, header line count, code) of every country entry in the book."""
    spans = []
    current, position, in_entries = "", 0, False
    while position < len(lines):
        line = lines[position]
        if line.kind != "text" or not is_caps(line.text):
            position += 1
            continue
        count, code = header_size(lines, position)
        if code and code != current:
            if spans:
                spans[-1][1] = position
            spans.append([position, len(lines), count, code])
            current, in_entries = code, True
            position += count
            continue
        if not code and in_entries and back_matter(line.text) and position - spans[-1][0] > HEAD_REGION:
            spans[-1][1] = position
            in_entries, current = False, ""
        position += count if code else 1
    return [tuple(span) for span in spans if has_data_box(lines[span[0] : span[1]])]


def back_matter(text):
    """A capital line that is part of the book, not an entry: ``SELECTED TREATIES``, ``PART FOUR``."""
    return len(text.split()) >= 2 and not text.startswith("(")


def has_data_box(lines):
    return any(line.kind == "text" and line.text.startswith("Head of") for line in lines[:80])


def give_back(previous, strays, entry):
    for kind, item in strays:
        (previous.reports if kind == "report" else previous.visits).append(item)
    previous.warnings.append(
        Warning(
            where=entry.source,
            message=f"{len(strays)} reports/visits found before the data box of {entry.country_name} were put here",
        )
    )
