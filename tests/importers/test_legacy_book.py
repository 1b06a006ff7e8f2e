"""A whole legacy book from its text layer: every country, its data box, its themes, and no noise.

Reads ``books/2012.txt`` from the shared material at run time (see ``legacy_samples``).
"""

import re
import unicodedata

import pytest

from rapporteur.importers.legacy import agreement
from rapporteur.importers.legacy.cleaning import LINE_END_HYPHEN, is_private_use
from tests.importers.legacy_samples import book_2012, require_samples


@pytest.fixture(scope="module")
def edition():
    require_samples()
    return book_2012()[0]


def test_the_2012_book_has_its_155_countries_each_resolved_once(edition):
    assert edition.year == 2012 and edition.covers_year == 2011
    assert edition.title == "Amnesty International Report 2012"  # the running head, found by repetition
    assert len(edition.entries) == 155  # the number of countries the book says it documents
    assert all(entry.iso_code for entry in edition.entries), [e.country_name for e in edition.entries if not e.iso_code]
    codes = [entry.iso_code for entry in edition.entries]
    assert len(set(codes)) == len(codes)


def test_nearly_every_entry_names_its_head_of_state_or_government(edition):
    assert sum(1 for entry in edition.entries if entry.office_holders) >= 150


def test_entries_have_sections_summaries_cases_and_reports(edition):
    assert all(entry.sections for entry in edition.entries)
    assert sum(1 for entry in edition.entries if entry.summary_html) >= 135
    assert sum(1 for entry in edition.entries for s in entry.sections for b in s.blocks if b.kind == "case") > 500
    numbered = [report for entry in edition.entries for report in entry.reports if report.index_number]
    assert len(numbered) > 250
    assert all(re.fullmatch(r"(?:[A-Z]{3} ?\d{2}|PRE\d{2})/\d{3,4}/\d{4}", r.index_number) for r in numbered)


def test_facts_use_the_closed_vocabulary(edition):
    from rapporteur.importers.imported import DEATH_PENALTY, FACTS

    for entry in edition.entries:
        assert set(entry.facts) <= set(FACTS)
        assert entry.facts.get("death_penalty", DEATH_PENALTY[0]) in DEATH_PENALTY


def test_egypt_chains_three_replacements_of_its_head_of_government(edition):
    egypt = next(entry for entry in edition.entries if entry.iso_code == "EG")
    government = next(holder for holder in egypt.office_holders if holder.office == "head_of_government")
    assert [replacement.name for replacement in government.replaced] == ["Essam Sharaf", "Ahmed Shafik", "Ahmed Nazif"]
    assert [replacement.month for replacement in government.replaced] == ["December", "March", "January"]


def test_the_topic_index_is_read_and_most_of_its_pairs_match_a_themed_section(edition):
    assert len(edition.topic_index) >= 50
    assert "Kazakhstan" in edition.topic_index["workers’ rights"]
    matched, total = agreement(edition)
    assert total > 900
    assert matched / total >= 0.80, f"{matched}/{total}"


def all_text(entry):
    yield entry.country_name
    yield entry.official_name
    yield entry.summary_html
    yield from (holder.name for holder in entry.office_holders)
    yield from (r.name for holder in entry.office_holders for r in holder.replaced)
    yield from entry.facts.values()
    for section in entry.sections:
        yield section.heading
        yield from (block.html for block in section.blocks)
    yield from entry.visits
    yield from (report.title for report in entry.reports)


def test_no_noise_survives_in_any_imported_text(edition):
    running_head = re.compile(r"Amnesty International Report \d{4}\s*\d|\d\s*Amnesty International Report \d{4}")
    for entry in edition.entries:
        for text in all_text(entry):
            assert "\ufffc" not in text, (entry.country_name, text[:80])
            assert not any(is_private_use(char) for char in text), (entry.country_name, text[:80])
            assert unicodedata.is_normalized("NFC", text), (entry.country_name, text[:80])
            assert not LINE_END_HYPHEN.search(text), (entry.country_name, LINE_END_HYPHEN.search(text).group())
            assert not running_head.search(text), (entry.country_name, text[:80])
        for section in entry.sections:
            for block in section.blocks:
                bare = re.sub(r"</?p>", "", block.html)
                assert not re.fullmatch(r"[A-Z]{1,3}|\d{1,4}", bare), (entry.country_name, bare)


def test_paragraphs_are_escaped_simple_html(edition):
    for entry in edition.entries:
        for section in entry.sections:
            for block in section.blocks:
                if block.kind != "subheading":
                    assert block.html.startswith("<p>") and block.html.endswith("</p>")
                    assert "<" not in block.html[3:-4]


def test_neighbour_text_does_not_stay_in_kazakhstan(edition):
    kazakhstan = next(entry for entry in edition.entries if entry.iso_code == "KZ")
    headings = {section.heading for section in kazakhstan.sections}
    assert {"Post-election violence", "Police and security forces"}.isdisjoint(headings)
    kenya = next(entry for entry in edition.entries if entry.iso_code == "KE")
    assert "Police and security forces" in {section.heading for section in kenya.sections}


def test_the_whole_book_parses_in_seconds(edition):
    seconds = book_2012()[1]
    assert seconds < 30, f"{seconds:.1f} s"


def test_office_holders_are_names_not_labels_facts_or_half_a_parenthesis(edition):
    """Mixed data boxes (a label inside the value line, facts run on after an inline holder, a
    replacement continued on the value line) still give clean names with their chains."""
    leftovers = re.compile(r"Head ?of ?(?:state|government)|per cent|per 1,000|\bmillion\b|retentionist|abolitionist")
    bad = []
    for entry in edition.entries:
        for holder in entry.office_holders:
            texts = [holder.name, *(replacement.name for replacement in holder.replaced)]
            if any(leftovers.search(text) or text.count("(") != text.count(")") for text in texts):
                bad.append((entry.country_name, holder.name))
    # one book prints a box with its spaces lost ("Headofstate:"): at most that one is left
    assert len(bad) <= 1, bad
    chains = {entry.iso_code: entry.office_holders for entry in edition.entries}
    libya = {holder.office: holder for holder in chains["LY"]}
    assert [r.name for r in libya["head_of_government"].replaced] == ["Mahmoud Jibril", "al-Baghdadi Ali al-Mahmoudi"]
    for code in ("FI", "ML", "RW", "KW"):
        government = next(h for h in chains[code] if h.office == "head_of_government")
        assert len(government.replaced) == 1 and government.replaced[0].month, code
