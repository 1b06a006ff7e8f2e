"""The demo's French and Arabic translation files mirror their English sources string for string.

Code pairs each translated block with its English source by position, so the structures must be
equal except for the strings readers see: slugs, codes, URLs and dates stay as they are, prose is
translated, numbers and markup survive the translation.
"""

import re
from collections import Counter

import pytest

from rapporteur.demo.content import edition_2013, site, translation_ar, translation_fr, vocabulary

TRANSLATIONS = {"fr": translation_fr, "ar": translation_ar}

CODE = re.compile(r"[a-z0-9_]+(-[a-z0-9_]+)*|[A-Z]{2}|\d{4}-\d{2}-\d{2}|https?://\S+")
ARABIC = re.compile(r"[\u0600-\u06ff]")
MARKUP = re.compile(r"<[^>]+>|&#?\w+;")
NUMBER = re.compile(r"\d+")
SHORT = 4  # words: below this a string may be a proper name, the same in every language

KZ = next(entry for entry in edition_2013.ENTRIES if entry["country"] == "KZ")
CASE_PEOPLE = {item[1] for _theme, items in KZ["sections"] for item in items if item[0] == "case" and item[1]}

ENGLISH = {
    "HOME": site.HOME,
    "EDITION": {key: edition_2013.EDITION[key] for key in ("title", "subtitle", "summary")},
    "GLOSSARY_PAGE": edition_2013.GLOSSARY_PAGE,
    "DOWNLOADS_PAGE": edition_2013.DOWNLOADS_PAGE,
    "WORLD_PAGE": edition_2013.WORLD_PAGE,
    "REGION_PAGES": {"europe-and-central-asia": edition_2013.REGION_PAGES["europe-and-central-asia"]},
    "ENTRIES": {"KZ": KZ},
}
REGION_NAMES = {slug: name for name, slug in vocabulary.REGIONS}
THEME_NAMES = {slug: name for slug, name, _description in vocabulary.THEMES}
PERSON_NAMES = {slug: name for slug, name, *_rest in vocabulary.PEOPLE}


def compare(english, translated, path, language, problems):
    """Walk both structures together, noting every way the translation differs other than in prose."""
    if type(english) is not type(translated):
        problems.append(f"{path}: {type(translated).__name__} instead of {type(english).__name__}")
    elif isinstance(english, dict):
        if list(english) != list(translated):
            problems.append(f"{path}: keys {list(translated)} instead of {list(english)}")
        for key in english.keys() & translated.keys():
            compare(english[key], translated[key], f"{path}[{key!r}]", language, problems)
    elif isinstance(english, list | tuple):
        if len(english) != len(translated):
            problems.append(f"{path}: {len(translated)} items instead of {len(english)}")
        for number, (a, b) in enumerate(zip(english, translated, strict=False)):
            compare(a, b, f"{path}[{number}]", language, problems)
    elif isinstance(english, str):
        compare_text(english, translated, path, language, problems)
    elif english != translated:
        problems.append(f"{path}: {translated!r} instead of {english!r}")


def compare_text(english, translated, path, language, problems):
    if CODE.fullmatch(english):
        if translated != english:
            problems.append(f"{path}: {translated!r} should be copied unchanged as {english!r}")
        return
    if not translated.strip():
        problems.append(f"{path}: empty")
        return
    if len(english.split()) >= SHORT and translated == english:
        problems.append(f"{path}: not translated")
    if language == "ar" and len(english.split()) >= SHORT and not ARABIC.search(translated):
        problems.append(f"{path}: no Arabic script")
    if language != "ar" and ARABIC.search(translated):
        problems.append(f"{path}: Arabic script in {language}")
    if Counter(MARKUP.findall(english)) != Counter(MARKUP.findall(translated)):
        problems.append(f"{path}: markup differs")
    if Counter(NUMBER.findall(english)) != Counter(NUMBER.findall(translated)):
        problems.append(f"{path}: numbers {NUMBER.findall(translated)} instead of {NUMBER.findall(english)}")


@pytest.fixture(params=sorted(TRANSLATIONS))
def language(request):
    return request.param


def test_language_code_is_declared(language):
    assert TRANSLATIONS[language].LANGUAGE == language


@pytest.mark.parametrize("name", sorted(ENGLISH))
def test_translation_mirrors_the_english_structure(language, name):
    problems = []
    compare(ENGLISH[name], getattr(TRANSLATIONS[language], name), name, language, problems)
    assert not problems, "\n".join(problems)


def test_regions_are_all_named(language):
    problems = []
    compare(REGION_NAMES, TRANSLATIONS[language].REGIONS, "REGIONS", language, problems)
    assert not problems, "\n".join(problems)


def test_themes_of_the_translated_pages_are_named(language):
    themes = TRANSLATIONS[language].THEMES
    used = {theme for theme, _items in KZ["sections"]}
    assert used <= themes.keys()
    assert themes.keys() <= THEME_NAMES.keys()
    problems = []
    for slug, name in themes.items():
        compare_text(THEME_NAMES[slug], name, f"THEMES[{slug!r}]", language, problems)
    assert not problems, "\n".join(problems)


def test_people_are_named_where_the_spelling_differs(language):
    people = TRANSLATIONS[language].PEOPLE
    assert isinstance(people, dict)
    assert people.keys() <= CASE_PEOPLE
    if language == "ar":
        assert people.keys() == CASE_PEOPLE
        assert all(ARABIC.search(name) for name in people.values())
    for slug, name in people.items():
        assert name.strip() and name != PERSON_NAMES[slug], slug


def test_cases_name_the_same_people_in_the_same_places(language):
    """Person slugs decide which case shows which person: they must not move between cases."""
    translated = TRANSLATIONS[language].ENTRIES["KZ"]

    def case_people(entry):
        return [(theme, item[1]) for theme, items in entry["sections"] for item in items if item[0] == "case"]

    assert case_people(translated) == case_people(KZ)
