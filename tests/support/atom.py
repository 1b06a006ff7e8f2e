"""Checking a feed against the Atom format (RFC 4287) with lxml: what a feed reader relies on.

Not every rule of the RFC, but every one a reader would notice broken: the elements a feed
and each entry must have exactly once, ids that are absolute IRIs and unique, dates in
RFC 3339 with a time zone, an author for every entry (its own or the feed's), and a link
or content for every entry.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree

ATOM = "http://www.w3.org/2005/Atom"
NS = {"atom": ATOM}
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")


@dataclass
class AtomEntry:
    id: str
    title: str
    link: str
    updated: str
    published: str
    summary: str
    categories: list


def one(parent, name, where):
    found = parent.findall(f"atom:{name}", NS)
    assert len(found) == 1, f"{where}: atom:{name} must occur exactly once, found {len(found)}"
    return found[0]


def at_most_one(parent, name, where):
    found = parent.findall(f"atom:{name}", NS)
    assert len(found) <= 1, f"{where}: atom:{name} may occur at most once, found {len(found)}"
    return found[0] if found else None


def check_date(element, where):
    assert RFC3339.fullmatch(element.text or ""), f"{where}: {element.text!r} is not an RFC 3339 date-time"


def check_id(element, where):
    assert urlsplit(element.text or "").scheme, f"{where}: id {element.text!r} is not an absolute IRI"


def check_links(parent, where):
    alternates = {}
    for link in parent.findall("atom:link", NS):
        assert link.get("href"), f"{where}: atom:link without href"
        if link.get("rel", "alternate") == "alternate":
            key = (link.get("type"), link.get("hreflang"))
            assert key not in alternates, f"{where}: two alternate links of one type and language"
            alternates[key] = link.get("href")
    return alternates


def parse_atom(content):
    """The feed's entries, after checking the feed's structure; fails the test on a breach."""
    root = etree.fromstring(content)
    assert root.tag == f"{{{ATOM}}}feed", f"root element is {root.tag}, not atom:feed"
    check_id(one(root, "id", "feed"), "feed")
    one(root, "title", "feed")
    check_date(one(root, "updated", "feed"), "feed")
    check_links(root, "feed")
    assert any(link.get("rel") == "self" for link in root.findall("atom:link", NS)), "feed: no rel=self link"
    feed_has_author = bool(root.findall("atom:author/atom:name", NS))
    entries, ids = [], set()
    for number, element in enumerate(root.findall("atom:entry", NS), start=1):
        where = f"entry {number}"
        entry_id = one(element, "id", where)
        check_id(entry_id, where)
        assert entry_id.text not in ids, f"{where}: id {entry_id.text} is used twice"
        ids.add(entry_id.text)
        title = one(element, "title", where)
        updated = one(element, "updated", where)
        check_date(updated, where)
        published = at_most_one(element, "published", where)
        if published is not None:
            check_date(published, where)
        summary = at_most_one(element, "summary", where)
        content = at_most_one(element, "content", where)
        alternates = check_links(element, where)
        assert content is not None or alternates, f"{where}: neither content nor an alternate link"
        assert feed_has_author or element.findall("atom:author/atom:name", NS), f"{where}: no author"
        entries.append(
            AtomEntry(
                id=entry_id.text,
                title=title.text or "",
                link=next(iter(alternates.values()), ""),
                updated=updated.text,
                published=published.text if published is not None else "",
                summary=summary.text if summary is not None else "",
                categories=[category.get("term") for category in element.findall("atom:category", NS)],
            )
        )
    return entries


def feed_root(content):
    return etree.fromstring(content)
