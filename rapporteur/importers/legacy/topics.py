"""The book's own "Index of selected topics", and each section's theme from it.

From 2008 the back of each book lists ~55 topics, each with the countries (and pages) whose
entries have a section or subheading on it — the publisher's own heading → topic mapping
(from 2011 the index says it is built from the subheadings). So a section's theme is not guessed from a global list: it is
chosen among the topics the index gives *that country*, by the words the heading (or one of its
subheadings) shares with the topic. The text layer mangles the index like everything else: thumb
letters glued to topics (``Ttorture and other ill-treatment``), a list that continues after a page
break, out of place, under the wrong topic.
"""

import html
import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from ..countries import resolve
from .cleaning import NO_HEADS, page_furniture, tidy

INDEX_TITLE = re.compile(r"^INDEX OF SELECTED TOPICS\b", re.IGNORECASE)  # PDFs may set it in small capitals
INDEX_ITEM = re.compile(r"^(?P<country>\D+?)\s+(?P<pages>\d[\d\s,–-]*)$")
STOPWORDS = {"and", "or", "of", "the", "other", "in", "to", "a", "an", "by", "for", "on", "with", "against", "s"}
GENERIC = {"right", "human", "intern"}  # shared by too many topics to tell one from another
STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=8192)
def words(text):
    """Stemmed content words: "Refugees and asylum-seekers" → {"refuge", "asylum", "seeker"}."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    tokens = [token for token in re.split(r"[^a-z]+", text) if token and token not in STOPWORDS]
    return frozenset(stem[:6] for stem in STEMMER.stemWords(tokens))


def likeness(heading, topic):
    """How far a heading says what a topic says: Dice overlap of content words, 0 without a telling word."""
    heading_words, topic_words = words(heading), words(topic)
    shared = heading_words & topic_words
    if not shared - GENERIC:
        return 0.0
    return 2 * len(shared) / (len(heading_words) + len(topic_words))


def strip_thumb_letter(line):
    """``Eenforced disappearances`` → ``enforced disappearances`` (a thumb letter glued to a topic)."""
    if len(line) > 2 and line[0].isupper() and line[1] == line[0].lower():
        return line[1:]
    return line


def read_topic_index(lines, heads=NO_HEADS):
    """The index from a book's lines (plain strings): topic → [country as printed], and warnings.

    Returns ``(index, problems)``; ``problems`` are (line index, message). An empty index when the
    book has none (2006–2007 books, one file per country).
    """
    start = next((i for i, line in enumerate(lines) if INDEX_TITLE.match(tidy(line))), None)
    if start is None:
        return {}, []
    lists, order, problems = {}, [], []
    topic = None
    for number in range(start + 1, len(lines)):
        line = tidy(lines[number])
        if page_furniture(line, heads) is not None:
            continue
        if line.startswith("*") or (line.isupper() and len(line) > 3):
            break  # the index's closing note, or the next part of the book
        if re.search(r"\d", line):
            target = topic
            if topic is None or (lists[topic] and not lists[topic][-1].endswith(";")):
                # A list after a finished one: it continues a list a page break left unfinished.
                target = next((t for t in reversed(order) if lists[t] and lists[t][-1].endswith(";")), None)
                if target is None:
                    problems.append((number, "topic index: a list of pages without its topic"))
                    continue
            lists[target].append(line)
        elif line:
            topic = strip_thumb_letter(line).strip()
            if topic not in lists:
                lists[topic] = []
                order.append(topic)
    index = {}
    for topic in order:
        countries = []
        for item in " ".join(lists[topic]).split(";"):
            item = item.strip()
            if not item:
                continue
            match = INDEX_ITEM.match(item)
            if not match:
                problems.append((start, f"topic index: “{item}” under “{topic}” has no page"))
                continue
            country = match.group("country").strip()
            if country not in countries:
                countries.append(country)
        if countries:
            index[topic] = countries
    return index, problems


def topics_by_country(index):
    """ISO code → the topics the index lists for it."""
    found = {}
    for topic, countries in index.items():
        for country in countries:
            code = resolve(country)
            if code:
                found.setdefault(code, []).append(topic)
    return found


def section_texts(section):
    """A section's heading and its subheadings: the index may list any of them."""
    texts = [section.heading] if section.heading else []
    texts += [html.unescape(block.html) for block in section.blocks if block.kind == "subheading"]
    return texts


def assign_themes(entry, index, by_country=None, threshold=0.5):
    """Set ``Section.theme`` on an entry's sections from the topics the index gives its country.

    The best (section, topic) pairs are taken first, one topic per section and one section per
    topic, so "Housing rights – forced evictions" goes to whichever of the two topics the
    country's other sections leave free. A section no listed topic fits takes an index topic its
    heading names outright, if any.
    """
    by_country = by_country if by_country is not None else topics_by_country(index)
    listed = by_country.get(entry.iso_code, [])
    pairs = []
    for position, section in enumerate(entry.sections):
        for topic in listed:
            score = max((likeness(text, topic) for text in section_texts(section)), default=0.0)
            if score >= threshold:
                pairs.append((score, position, topic))
    taken_sections, taken_topics = set(), set()
    for _score, position, topic in sorted(pairs, key=lambda pair: (-pair[0], pair[1])):
        if position in taken_sections or topic in taken_topics:
            continue
        entry.sections[position].theme = topic
        taken_sections.add(position)
        taken_topics.add(topic)
    for position, section in enumerate(entry.sections):
        if position in taken_sections or not section.heading:
            continue
        exact = [topic for topic in index if words(topic) == words(section.heading)]
        if exact:
            section.theme = exact[0]


def broader(topic):
    """The topic a refined one belongs to: ``discrimination – Roma`` → ``discrimination``."""
    head, dash, _rest = topic.partition(" – ")
    return head if dash else ""


def agreement(edition):
    """(matched, total): the index's (country, topic) pairs that a themed section of that country carries.

    A section themed with a refined topic (``freedom of expression – journalists``) also carries
    the broader one the index names by the same words before the dash.
    """
    themes = {}
    for entry in edition.entries:
        found = themes.setdefault(entry.iso_code, set())
        for section in entry.sections:
            found.update(filter(None, (section.theme, broader(section.theme))))
    pairs = {(code, topic) for code, topics in topics_by_country(edition.topic_index).items() for topic in topics}
    matched = sum(1 for code, topic in pairs if topic in themes.get(code, ()))
    return matched, len(pairs)
