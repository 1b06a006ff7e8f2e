"""Languages (first slice): the reader interface in French, Spanish and Arabic through gettext.

The catalogues are complete and consistent with the code, a reader of /fr/ sees French chrome,
Arabic pages are marked right-to-left, and English pages stay as they were.
"""

import ast
import gettext
import io
import re
import tokenize
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation.template import templatize

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = ("fr", "es", "ar")
COUNTS = {"counter", "total"}  # what the templates' {% blocktranslate count %} name the number
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")
GETTEXT_NAMES = {
    "gettext": (None, 1),
    "gettext_lazy": (None, 1),
    "_": (None, 1),
    "ngettext": (None, 2),
    "ngettext_lazy": (None, 2),
    "pgettext": (0, 2),
    "pgettext_lazy": (0, 2),
    "npgettext": (0, 3),
    "npgettext_lazy": (0, 3),
}


def catalogue(language):
    return polib.pofile(str(REPO / "locale" / language / "LC_MESSAGES" / "django.po"))


def placeholders(text):
    return {name for pair in PLACEHOLDER.findall(text) for name in pair if name}


# -- the catalogues ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    assert po.metadata["Language"] == language
    assert not po.metadata_is_fuzzy, "the header is still marked fuzzy"
    assert len(po) > 150
    assert po.untranslated_entries() == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert po.obsolete_entries() == []
    nplurals = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    for entry in po:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == nplurals, entry.msgid
            assert all(form.strip() for form in entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_and_markup_survive_translation(language):
    for entry in catalogue(language):
        if entry.msgid_plural:
            expected = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
            # A plural form may leave the number out ("one result", Arabic's dual), nothing else.
            counters = expected & COUNTS
            for form in entry.msgstr_plural.values():
                assert expected - counters <= placeholders(form) <= expected, (entry.msgid, form)
        else:
            assert placeholders(entry.msgstr) == placeholders(entry.msgid), (entry.msgid, entry.msgstr)
            # the same tags, so a translation can neither drop a link nor add markup
            tags = re.compile(r"</?\w+")
            assert sorted(tags.findall(entry.msgstr)) == sorted(tags.findall(entry.msgid)), entry.msgid


def test_arabic_has_six_plural_forms():
    plural_forms = catalogue("ar").metadata["Plural-Forms"]
    assert "nplurals=6;" in plural_forms
    plural = gettext.c2py(plural_forms.split("plural=", 1)[1].rstrip(";"))
    assert [plural(n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111)] == [0, 1, 2, 3, 3, 4, 4, 5, 5, 3, 4]


def marked_in_template(path):
    """(context, msgid) of every string a template marks, read the way makemessages reads it."""
    found = set()
    # templatize blanks the markup out and writes each marked string as a gettext call, one a line
    source = "\n".join(line.strip() for line in templatize(path.read_text(), origin=str(path)).splitlines())
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    for i, token in enumerate(tokens):
        if token.type == tokenize.NAME and token.string in GETTEXT_NAMES and tokens[i + 1].string == "(":
            strings = []
            for following in tokens[i + 2 :]:
                if following.string == ")":
                    break
                if following.type == tokenize.STRING:
                    strings.append(ast.literal_eval(following.string))
            context_at, _ = GETTEXT_NAMES[token.string]
            found.add((strings[0], strings[1]) if context_at == 0 else (None, strings[0]))
    return found


def marked_in_python(path):
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in GETTEXT_NAMES:
            args = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            context_at, _ = GETTEXT_NAMES[node.func.id]
            if args:
                found.add((args[0], args[1]) if context_at == 0 else (None, args[0]))
    return found


def test_the_catalogues_hold_exactly_what_the_code_marks():
    """What `make messages` would extract, read without GNU gettext: nothing missing, nothing stale."""
    sources = [p for p in (REPO / "rapporteur").rglob("*") if "migrations" not in p.parts]
    marked = set()
    for path in sources:
        if path.suffix == ".html":
            marked |= marked_in_template(path)
        elif path.suffix == ".py":
            marked |= marked_in_python(path)
    assert (None, "Cite this entry") in marked and ("verb, button", "Search") in marked
    for language in LANGUAGES:
        in_catalogue = {(entry.msgctxt, entry.msgid) for entry in catalogue(language)}
        assert marked - in_catalogue == set(), f"{language}: run `make messages` and translate the new strings"
        assert in_catalogue - marked == set(), f"{language}: stale strings; run `make messages`"


def test_compile_translations_writes_mo_files_without_fuzzy_entries(tmp_path):
    messages = tmp_path / "locale" / "xx" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "django.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: xx\\n"\n\n'
        'msgid "Menu"\nmsgstr "Menü"\n\n#, fuzzy\nmsgid "Search"\nmsgstr "Sux"\n',
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "LOCALE_PATHS", [tmp_path / "locale"])
        call_command("compile_translations", verbosity=0)
    with open(messages / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert compiled.gettext("Menu") == "Menü"
    assert compiled.gettext("Search") == "Search"  # a fuzzy guess is not shown to readers


# -- what readers see ---------------------------------------------------------------------------


@pytest.fixture
def all_languages(settings):
    """The site serving every interface language (deployments turn this on with RAPPORTEUR_LANGUAGES)."""
    settings.LANGUAGES = list(settings.RAPPORTEUR_INTERFACE_LANGUAGES.items())
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES


def test_a_reader_is_sent_only_to_a_language_the_site_serves(client, db):
    # the tests serve the demo's languages; a deployment lists its own in RAPPORTEUR_LANGUAGES
    assert [code for code, _ in settings.LANGUAGES] == ["en", "fr", "ar"]
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es").headers["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").headers["Location"] == "/fr/"


def test_a_country_entry_under_fr_has_french_chrome(all_languages, read, kazakhstan):
    _, html = read(kazakhstan.url.replace("/en/", "/fr/", 1))
    assert html.html["lang"] == "fr" and html.html["dir"] == "ltr"
    assert html.find("a", class_="skip-link").get_text() == "Aller au contenu principal"
    assert html.find("h2", id="sidebar-jump").get_text() == "Aller à un chapitre par pays"
    assert html.find("h2", id="contents-heading").get_text() == "Sommaire"
    assert html.select_one(".cite summary").get_text().startswith("Citer ce chapitre")
    assert html.select_one(".top-link a").get_text() == "Haut de page"
    assert html.select_one(".site-search button").get_text() == "Rechercher"
    nav = [a.get_text() for a in html.select(".edition-nav a")]
    assert "Téléchargements" in nav and "Glossaire" in nav and "Downloads" not in nav
    assert "consulté le" in html.select_one(".cite__text").get_text()


def test_the_cached_sidebar_is_not_shared_between_languages(all_languages, read, kazakhstan):
    _, english = read(kazakhstan.url)
    _, french = read(kazakhstan.url.replace("/en/", "/fr/", 1))
    _, english_again = read(kazakhstan.url)
    assert english.find("h2", id="sidebar-jump").get_text() == "Jump to a Country Report"
    assert french.find("h2", id="sidebar-jump").get_text() == "Aller à un chapitre par pays"
    assert english_again.find("h2", id="sidebar-jump").get_text() == "Jump to a Country Report"
    assert english_again.select_one(".edition-nav").get_text(" ").count("Downloads") == 1


def test_arabic_pages_are_right_to_left_with_arabic_plurals(all_languages, read):
    # an Arabic search reads the Arabic pages (the demo's Kazakhstan entry): "torture"
    _, html = read("/ar/search/?q=التعذيب")
    assert html.html["lang"] == "ar" and html.html["dir"] == "rtl"
    heading = html.find("h2", id="results-h").get_text()
    assert "التعذيب" in heading and ("نتيجة" in heading or "نتائج" in heading or "نتيجتان" in heading)
    _, missing = read("/ar/no-such-page/", status=404)
    assert missing.html["lang"] == "ar" and missing.html["dir"] == "rtl"
    assert missing.h1.get_text() == "الصفحة غير موجودة"


def test_spanish_archive_indexes(all_languages, read):
    _, html = read("/es/countries/")
    assert html.h1.get_text() == "Países"
    assert "capítulo en una edición publicada" in html.select_one(".lead").get_text()


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")])
def test_error_pages_name_their_language_and_direction(language, direction):
    with translation.override(language):
        for template in ("404.html", "500.html", "503.html"):
            page = render_to_string(template)
            assert f'<html lang="{language}" dir="{direction}">' in page, template
    with translation.override("ar"):
        assert "حدث خطأ ما" in render_to_string("500.html")


def test_english_pages_keep_english_words(read, kazakhstan):
    _, html = read(kazakhstan.url)
    assert html.html["lang"] == "en" and html.html["dir"] == "ltr"
    assert html.select_one(".cite summary").get_text().startswith("Cite this entry")
    text = " ".join(html.select_one(".office-holders").get_text(" ").split())
    assert "Head of state" in text


def test_month_names_follow_the_language(kazakhstan):
    from rapporteur.reports.document import entry_document

    entry = entry_document(kazakhstan, use_cache=False)
    dated = [line for line in entry.office_holders if line.replaced_on]
    if not dated:
        pytest.skip("the demo entry names no replacement month")
    with translation.override("fr"):
        french = dated[0].replaced_month
    with translation.override("en"):
        english = dated[0].replaced_month
    assert english != french and english.split()[-1] == french.split()[-1]
