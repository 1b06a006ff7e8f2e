"""A Markdown entry with front matter imports like the same entry written in Word."""

from dataclasses import replace

from rapporteur.demo.content.vocabulary import THEMES
from rapporteur.importers.imported import ImportedArticle
from rapporteur.importers.markdown import read_markdown

THEME_NAMES = [name for _, name, _ in THEMES]

ENTRY = """---
country: Kazakhstan
head_of_state: First Holder
head_of_government: Second Holder (replaced Third Holder in September 2012)
summary: A synthetic *summary*.
reports:
  - {title: A synthetic report, index_number: EUR 57/002/2011, url: "https://example.org/r"}
  - Another report
visits:
  - Delegates visited in May.
---
# Freedom of expression

Plain **bold** *italic* and [a link](https://example.org/).

## A subheading

- First point.
- Second point.

> **Named Person**, a placeholder teacher.

Case: a paragraph that says it is a case.

# Not a theme at all

| a | b |
|---|---|
| 1 | 2 |

![a picture](picture.png)
"""


def test_front_matter_gives_the_country_office_holders_summary_reports_and_visits():
    entry = read_markdown(ENTRY.encode())
    assert (entry.country_name, entry.iso_code) == ("Kazakhstan", "KZ")
    assert [(h.office, h.name, [(r.name, r.month) for r in h.replaced]) for h in entry.office_holders] == [
        ("head_of_state", "First Holder", []),
        ("head_of_government", "Second Holder", [("Third Holder", "September 2012")]),
    ]
    assert entry.summary_html == "<p>A synthetic <i>summary</i>.</p>"
    assert [(r.title, r.index_number, r.url) for r in entry.reports] == [
        ("A synthetic report", "EUR 57/002/2011", "https://example.org/r"),
        ("Another report", "", ""),
    ]
    assert entry.visits == ["Delegates visited in May."]


def test_the_body_maps_like_word_sections_subheadings_lists_and_cases():
    entry = read_markdown(ENTRY.encode(), themes=THEME_NAMES)
    section = entry.sections[0]
    assert (section.heading, section.theme) == ("Freedom of expression", "Freedom of expression")
    assert [(block.kind, block.person) for block in section.blocks] == [
        ("paragraph", ""),
        ("subheading", ""),
        ("paragraph", ""),
        ("case", "Named Person"),
        ("case", ""),
    ]
    assert (
        section.blocks[0].html
        == '<p>Plain <b>bold</b> <i>italic</i> and <a href="https://example.org/">a link</a>.</p>'
    )
    assert section.blocks[-1].html == "<p>a paragraph that says it is a case.</p>"


def test_warnings_name_the_section_and_the_line_in_the_file():
    entry = read_markdown(ENTRY.encode(), themes=THEME_NAMES)
    assert [(w.where, w.message.split(":")[0]) for w in entry.warnings] == [
        (
            "Kazakhstan, section “Not a theme at all”, line 25",
            "“Not a theme at all” is not a theme. Map it to a theme or create one.",
        ),
        ("Kazakhstan, section “Not a theme at all”, line 27", "A table (2 rows) was skipped"),
        ("Kazakhstan, section “Not a theme at all”, line 31", "An image (“a picture”) was skipped"),
        ("Kazakhstan, section “Not a theme at all”, line 25", "This section has no text."),
    ]


def test_raw_html_and_javascript_links_are_sanitised_not_passed_through():
    text = """---
country: Kazakhstan
reports:
  - {title: "<script>alert(1)</script>Report", url: "javascript:alert(1)"}
---
# Impunity

Text <script>alert(1)</script> <b onclick="steal()">kept bold</b> [link](javascript:alert(1))
<a href="javascript:alert(2)">raw link</a> <img src=x onerror=alert(3)>

<script>alert(4)</script>
<iframe src="https://example.org"></iframe>
"""
    entry = read_markdown(text.encode())
    everything = repr(replace(entry, warnings=[]))  # warnings quote the input as plain text
    assert "<script" not in everything and "javascript:" not in everything.replace("(javascript:alert(1))", "")
    assert "onclick" not in everything and "onerror" not in everything and "<iframe" not in everything
    (block,) = entry.sections[0].blocks
    assert "<b>kept bold</b>" in block.html and "raw link" in block.html
    assert entry.reports[0].url == "" and "alert" not in entry.reports[0].title


def test_an_article_takes_kind_title_author_and_lead_from_front_matter():
    text = """---
kind: global update
title: A synthetic update
author: A. Writer
lead: The lead, in a sentence.
---
# First part

Body.
"""
    article = read_markdown(text.encode())
    assert isinstance(article, ImportedArticle)
    assert (article.kind, article.title, article.author, article.lead) == (
        "global_update",
        "A synthetic update",
        "A. Writer",
        "The lead, in a sentence.",
    )
    assert [(block.kind, block.html) for block in article.blocks] == [
        ("subheading", "First part"),
        ("paragraph", "<p>Body.</p>"),
    ]


def test_an_unknown_front_matter_key_is_reported_not_ignored_silently():
    entry = read_markdown(b"---\ncountry: Kazakhstan\nhead_of_stat: Typo\n---\nSummary.\n")
    assert [w.message for w in entry.warnings] == ["The key “head_of_stat” is not used and was ignored."]
    assert entry.summary_html == "<p>Summary.</p>"
