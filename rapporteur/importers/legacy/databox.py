"""The data box under a country's name: office holders and facts, as the text layer scrambles them.

In 2008–2013 books the extractor gives the labels as one block and every value on ONE line
(``Ana Perez Bo Lin abolitionist in practice 1.2 million …``, shapes as in the tests),
sometimes before the labels, sometimes split over two lines. 2006–2007 books print
``Label: value`` inline. The labels present say which values to expect and in what order, and
each fact has a shape (``per 1,000``, ``per cent``, ``years``, the death-penalty vocabulary), so
the value line is read by matching those shapes in order. What is left before the first fact is
the office holders' names; where two names run together, the split the entry's own text confirms
("President Ana Perez") wins.
"""

import re
from dataclasses import dataclass, field

from ..imported import DEATH_PENALTY
from ..offices import office_holder

OFFICE_KEYS = ("head_of_state_and_government", "head_of_state", "head_of_government")

# How books print each label (without its colon) → its key. Order matters: the longest office label
# first; a head "of" something else (``Head of Palestinian Authority``, ``Head of state of
# Transitional Federal Government``) is read as that place's head of state.
LABELS = (
    (r"Head of state and government", "head_of_state_and_government"),
    (r"Head of state(?: of [^:]{1,60})?", "head_of_state"),
    (r"Head of government(?: of [^:]{1,60})?", "head_of_government"),
    (r"Head of [A-Z][^:]{1,40}", "head_of_state"),
    (r"Death penalty", "death_penalty"),
    (r"Population", "population"),
    (r"Life expectancy", "life_expectancy"),
    (r"Under[- ]5[- ]mortality(?:\s*\(m/f\))?", "under5_mortality"),
    (r"Adult literacy", "adult_literacy"),
    (r"International Criminal Court", "international_criminal_court"),
    (r"UN Women[’']s Convention(?: and its [Oo]ptional [Pp]rotocol)?", "womens_convention"),
)
LABEL = re.compile("|".join(f"(?P<label{number}>{pattern})\\s*:" for number, (pattern, _key) in enumerate(LABELS)))
LABEL_LINE = re.compile(rf"(?:\s*(?:{'|'.join(pattern for pattern, _key in LABELS)})\s*:)+\s*")


def label_key(match):
    return LABELS[int(match.lastgroup.removeprefix("label"))][1]


# The shape of each fact's value in the concatenated line.
VALUE_SHAPES = {
    "death_penalty": "|".join(re.escape(status) for status in DEATH_PENALTY),
    "population": r"\d[\d.,]*(?:\s+(?:million|billion|thousand))?",
    "life_expectancy": r"\d[\d.]*\s+years",
    "under5_mortality": r"\d[\d./]*\s+per\s+1,000",
    "adult_literacy": r"\d[\d.]*\s+per\s+cent",
    "international_criminal_court": r".+?",
    "womens_convention": r".+?",
}
PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "do", "dos", "van", "von", "del", "la", "le", "ould", "ben", "abu"}


@dataclass
class DataBox:
    office_holders: list = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    consumed: set = field(default_factory=set)  # indexes of the lines the box used
    values_end: int = -1  # index of the last line of values: the summary follows it
    problems: list = field(default_factory=list)  # (line index, message)


def labels_in(text):
    """The label keys in a line, in order."""
    return [label_key(match) for match in LABEL.finditer(text)]


def is_label_line(text):
    return bool(LABEL_LINE.fullmatch(text))


def inline_values(text):
    """2006–2007: ``Head of state: A Head of government: B Death penalty: retentionist`` → {key: value}."""
    matches = list(LABEL.finditer(text))
    values = {}
    for position, match in enumerate(matches):
        end = matches[position + 1].start() if position + 1 < len(matches) else len(text)
        values[label_key(match)] = text[match.end() : end].strip()
    return values


def value_pattern(keys, continued=False):
    """A regex for the concatenated value line of a box with these labels, in order.

    ``continued``: the line may start with the end of an inline office holder's parenthesis
    (``… in June)``), and the names of offices labelled alone may then be missing (printed apart).
    """
    parts = []
    names = r"(?P<offices>(?:[^\d()]|\([^()]*\))+?)"
    if any(key in OFFICE_KEYS for key in keys):
        parts.append(names)
    for key in keys:
        if key in VALUE_SHAPES and f"(?P<{key}>" not in "".join(parts):
            shape = VALUE_SHAPES[key]
            # an entry covering two places gives each its own value: ``1.2 million (A); 0.3 million (B)``
            parts.append(f"(?P<{key}>(?:{shape})(?:\\s*\\([^()]*\\))?(?:;\\s*(?:{shape})(?:\\s*\\([^()]*\\))?)*)")
    pattern = r"\s*" + r"\s+".join(parts) + r"\s*"
    if continued:
        pattern = pattern.replace(names + r"\s+", f"(?:{names}\\s+)?", 1)
        pattern = r"\s*(?:(?P<continued>[^()]*\))\s+)?" + pattern
    return re.compile(pattern)


def offices_in(keys):
    return [key for key in keys if key in OFFICE_KEYS]


def plausible_names(text):
    """Names, not prose: no sentence punctuation outside parentheses, not too many words."""
    outside = re.sub(r"\([^()]*\)", "", text)
    return bool(outside.strip()) and len(outside.split()) <= 16 and not re.search(r"[.;:!?,“”]|\b[a-z]{4,}\b", outside)


def split_names(text, count, known_text):
    """``count`` office holders from names that run together, each possibly with its parenthesis."""
    if count == 1:
        return [text.strip()]
    # Words, with a parenthesis kept on the word before it.
    units = []
    for token in re.finditer(r"\([^()]*\)|[^\s()]+", text):
        if token.group().startswith("(") and units:
            units[-1] += " " + token.group()
        else:
            units.append(token.group())
    if len(units) < 2:
        return [text.strip()]
    forced = [i + 1 for i, unit in enumerate(units[:-1]) if unit.endswith(")")]
    candidates = forced[:1] or range(1, len(units))
    best, best_score = None, None
    for cut in candidates:
        left, right = " ".join(units[:cut]), " ".join(units[cut:])
        score = 0.0
        for part in (left, right):
            bare = PAREN_FREE.sub("", part).strip()
            if len(bare.split()) > 1 and known_text.count(bare) > 1:  # once is the value line itself
                score += 2
        first_right = right.split()[0]
        if first_right[:1].islower() or first_right.split("-")[0].casefold() in PARTICLES or ROMAN.match(first_right):
            score -= 5
        if left.split()[-1] in ("by", "of", "and", "the") or left.endswith(","):
            score -= 5  # "…, represented by" does not end a name
        if " represented by " in left:
            # "<monarch>, represented by <governor-general>": the governor's titles make the
            # left long; the head of government after it is most often two words.
            score -= abs(len(right.split()) - 2) * 0.3
        else:
            score -= abs(len(left.split()) - len(right.split())) * 0.1
        if best_score is None or score > best_score:
            best, best_score = (left, right), score
    return list(best)


ROMAN = re.compile(r"^[IVX]+,?$")  # "Queen Elizabeth II": a regnal number ends a name, never starts one
PAREN_FREE = re.compile(r"\s*\([^()]*\)")


def read_data_box(lines, known_text=""):
    """The data box from the first lines of an entry (plain strings), or an empty box.

    ``known_text`` is text where office holders are likely named in full (the entry, the book);
    it settles where one name ends and the next begins.
    """
    box = DataBox()
    label_keys, label_indexes, inline = [], [], {}
    for index, text in enumerate(lines):
        if is_label_line(text):
            label_keys += labels_in(text)
            label_indexes.append(index)
        elif LABEL.match(text):
            inline.update(inline_values(text))
            label_indexes.append(index)
    if not label_indexes:
        return box
    box.consumed.update(label_indexes)
    inline = {key: value for key, value in inline.items() if value}
    tails = []
    for key in [key for key in inline if key in OFFICE_KEYS]:
        inline[key], tail = facts_tail(inline[key])
        if tail:  # "Head of government: A (replaced B in May) retentionist 2.8 million …"
            tails.append(tail)
    inline_offices = [key for key in inline if key in OFFICE_KEYS]
    if inline and not label_keys:
        box.values_end = max(label_indexes)
        return finish(box, inline, inline_offices, label_indexes[0], known_text)

    # Labels alone on their lines: their values are on one line of their own (sometimes after a
    # few inline labels, whose last value may run on to the start of that line).
    after = max(label_indexes) + 1
    search = [*range(after, min(after + 20, len(lines))), *range(0, min(label_indexes))]
    unclosed = next((key for key in inline_offices if inline[key].count("(") > inline[key].count(")")), None)
    found = match_value_line(lines, box, label_keys, search, tails, continued=unclosed is not None)
    if found is None:
        box.problems.append((label_indexes[0], "data box: its values could not be split into the labels"))
        if inline:
            box.values_end = max(label_indexes)
            return finish(box, inline, inline_offices, label_indexes[0], known_text)
        return box
    values, keys, start = found
    continuation = values.pop("continued", None)
    if continuation and unclosed:
        inline[unclosed] = f"{inline[unclosed]} {continuation}"
    if keys != label_keys:
        missing = ", ".join(label_keys[len(keys) :])
        box.problems.append((start, f"data box: no value found for {missing}"))
    offices = [key for key in keys if key in OFFICE_KEYS]
    return finish(box, {**inline, **values}, [*inline_offices, *offices], start, known_text)


def facts_tail(value):
    """An office holder's value and the facts run on after it (``… in May) retentionist 2.8 million``)."""
    match = re.search(rf"(?<=\))\s+(?=(?:{VALUE_SHAPES['death_penalty']})\b|\d)", value)
    if not match:
        return value, ""
    return value[: match.start()].strip(), value[match.end() :].strip()


def match_value_line(lines, box, label_keys, search, tails=(), continued=False):
    """The values of ``label_keys`` on one line (or two or three run together), or in a run-on tail.

    Returns (values by key, the keys found, the line index) or None; a value missing at the end of
    the line is tolerated by trying again without the last label.
    """
    keys = list(label_keys)
    only_offices = not any(key not in OFFICE_KEYS for key in keys)
    while keys and (only_offices or any(key not in OFFICE_KEYS for key in keys)):
        pattern = value_pattern(keys, continued)
        for tail in tails:
            match = pattern.fullmatch(tail)
            if match:
                return {key: " ".join(value.split()) for key, value in match.groupdict().items() if value}, keys, 0
        for start in search:
            if start in box.consumed:
                continue
            for width in (1, 2, 3):
                chunk = [start + k for k in range(width)]
                if any(i >= len(lines) or i in box.consumed for i in chunk):
                    break
                match = pattern.fullmatch(" ".join(lines[i] for i in chunk))
                names = match.groupdict().get("offices") if match else None
                if match and (names is None or len(keys) > len(offices_in(keys)) or plausible_names(names)):
                    box.consumed.update(chunk)
                    box.values_end = chunk[-1]
                    values = {key: " ".join(value.split()) for key, value in match.groupdict().items() if value}
                    return values, keys, start
        if only_offices:
            break
        keys = keys[:-1]  # a value missing at the end of the line: try without the last label
    return None


def labelled_offices(names):
    """``A (…) Head of government: B (…)``: a label inside the names line starts the next holder.

    Returns the names before the first such label, and {office: value} for each labelled one.
    """
    matches = [match for match in LABEL.finditer(names) if label_key(match) in OFFICE_KEYS]
    if not matches:
        return names, {}
    labelled = {}
    for position, match in enumerate(matches):
        end = matches[position + 1].start() if position + 1 < len(matches) else len(names)
        labelled[label_key(match)] = names[match.end() : end].strip()
    return names[: matches[0].start()].strip(), labelled


def finish(box, values, offices, where, known_text):
    """Turn matched values into office holders and facts."""
    names = values.pop("offices", None)
    offices = list(offices)
    if names is not None:
        names, labelled = labelled_offices(names)
        for office, value in labelled.items():
            values.setdefault(office, value)
            if office not in offices:
                offices.append(office)
        in_names = [office for office in offices if office not in values]
        if in_names and names:
            parts = split_names(names, len(in_names), known_text)
            if len(parts) != len(in_names):
                box.problems.append((where, f"data box: {len(in_names)} office holders expected in “{names}”"))
            values.update(zip(in_names, parts, strict=False))
    for office in offices:
        if office in values:
            box.office_holders.append(office_holder(office, values.pop(office)))
    box.facts = {key: value for key, value in values.items() if key not in OFFICE_KEYS}
    status = box.facts.get("death_penalty")
    if status and status not in DEATH_PENALTY:
        box.problems.append((where, f"data box: death penalty “{status}” is not in the vocabulary"))
    return box
