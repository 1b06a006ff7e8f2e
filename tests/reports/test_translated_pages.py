"""Pages in French and Arabic: the demo's translations, the switcher, hreflang and the original.

The demo translates the 2013 home, edition, navigation pages, the Europe and Central Asia
overview and the Kazakhstan entry into French and Arabic (``rapporteur.demo.translations``).
"""

import pytest
from django.test import Client
from wagtail.models import Locale

from rapporteur.reports.models import CountryEntryPage, EditionPage, HomePage, RegionPage
from tests.support.helpers import add_entry, approve

pytestmark = pytest.mark.django_db

KAZAKHSTAN = "/{}/2013/europe-and-central-asia/kazakhstan/"


def switcher(html):
    nav = html.select_one("nav.languages")
    return {item.get_text(): item.get("href") for item in nav.select("a, [aria-current]")} if nav else {}


def alternates(html):
    return {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')}


def test_the_french_entry_is_french_and_offers_the_other_languages(read):
    _, html = read(KAZAKHSTAN.format("fr"))
    assert html.html["lang"] == "fr" and html.html["dir"] == "ltr"
    assert html.select_one("h1").get_text(strip=True) == "Kazakhstan"
    assert "Janaozen" in html.select_one("main").get_text()
    assert switcher(html) == {
        "English": KAZAKHSTAN.format("en"),
        "Français": None,  # the page being read, not a link
        "العربية": KAZAKHSTAN.format("ar"),
    }
    assert alternates(html) == {code: "http://testserver" + KAZAKHSTAN.format(code) for code in ("en", "fr", "ar")}


def test_the_arabic_entry_reads_right_to_left(read):
    _, html = read(KAZAKHSTAN.format("ar"))
    assert html.html["lang"] == "ar" and html.html["dir"] == "rtl"
    assert html.select_one("h1").get_text(strip=True) == "كازاخستان"
    assert "جاناوزن" in html.select_one("main").get_text()


def test_an_english_page_without_translations_offers_no_switcher(read):
    _, html = read("/en/2013/africa/mali/")
    assert switcher(html) == {} and alternates(html) == {}
    _, kazakhstan = read(KAZAKHSTAN.format("en"))
    assert set(switcher(kazakhstan)) == {"English", "Français", "العربية"}


def test_a_page_not_yet_translated_offers_the_original_marked_as_such(client):
    response = client.get("/fr/2013/africa/mali/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pas encore traduite" in html and "Cette page n’a pas été publiée en français." in html
    assert 'href="/en/2013/africa/mali/"' in html and "Lire l’original en anglais" in html


def test_an_unpublished_translation_leaves_the_switcher_at_once(read, kazakhstan):
    kazakhstan.get_translation(Locale.objects.get(language_code="fr")).unpublish()
    _, html = read(KAZAKHSTAN.format("en"))
    assert set(switcher(html)) == {"English", "العربية"}
    assert "fr" not in alternates(html)
    response = Client().get(KAZAKHSTAN.format("fr"))
    assert response.status_code == 404 and f'href="{KAZAKHSTAN.format("en")}"' in response.content.decode()


def test_an_embargoed_original_is_not_offered_under_another_language(client, embargoed_edition):
    response = client.get("/fr/2014/africa/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "/en/2014/" not in html and "Pas encore traduite" not in html


def test_without_a_home_page_in_the_language_no_english_page_is_served_under_it(client):
    HomePage.objects.get(locale__language_code="ar").unpublish()
    response = client.get("/ar/2013/")
    assert response.status_code == 404, "Wagtail would otherwise route /ar/ through the English tree"
    assert 'href="/en/2013/"' in response.content.decode()


def test_editions_and_entries_exist_once_per_language():
    assert EditionPage.objects.filter(year=2013).count() == 3
    kazakhstan = CountryEntryPage.objects.filter(country__iso_code="KZ", url_path__contains="/2013/")
    assert sorted(kazakhstan.values_list("locale__language_code", flat=True)) == ["ar", "en", "fr"]
    assert len(set(kazakhstan.values_list("translation_key", flat=True))) == 1


def test_each_language_searches_and_browses_its_own_pages(read):
    _, french = read("/fr/search/?q=Janaozen")  # the French spelling of Zhanaozen
    links = {a["href"].split("#")[0] for a in french.select("main a[href*='/2013/']")}
    assert KAZAKHSTAN.format("fr") in links and KAZAKHSTAN.format("en") not in links
    _, english = read("/en/search/?q=Janaozen")
    assert not english.select(f"main a[href*='{KAZAKHSTAN.format('fr')}']")
    _, hub = read("/en/countries/kazakhstan/")
    entries = [a["href"] for a in hub.select("ul.hub-entries li > a:first-child")]
    assert entries and all(href.startswith("/en/") for href in entries), "English entries, other languages offered"


def test_the_sitemap_lists_every_language_with_its_alternates(client):
    import xml.etree.ElementTree as ET

    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {url.find("s:loc", namespaces).text: url for url in root.findall("s:url", namespaces)}
    for code in ("en", "fr", "ar"):
        location = "http://testserver" + KAZAKHSTAN.format(code)
        assert location in urls
        links = {link.get("hreflang"): link.get("href") for link in urls[location].findall("x:link", namespaces)}
        assert links == {other: "http://testserver" + KAZAKHSTAN.format(other) for other in ("en", "fr", "ar")}
    assert "http://testserver/fr/2013/africa/mali/" not in urls
    assert not urls["http://testserver/en/2013/africa/mali/"].findall("x:link", namespaces)


def test_an_unpublished_translation_leaves_the_sitemap(client, kazakhstan):
    kazakhstan.get_translation(Locale.objects.get(language_code="ar")).unpublish()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert KAZAKHSTAN.format("ar") not in sitemap and KAZAKHSTAN.format("fr") in sitemap


def test_the_country_page_says_which_languages_each_entry_is_in(read):
    _, html = read("/en/countries/kazakhstan/")
    entries = {item.a.get_text(): item for item in html.select("ul.hub-entries li")}
    in_2013 = {a.get_text(): a["href"] for a in entries["Annual Report 2013"].select(".hub-languages a")}
    assert in_2013 == {"Français": KAZAKHSTAN.format("fr"), "العربية": KAZAKHSTAN.format("ar")}
    assert not entries["Annual Report 2012"].select(".hub-languages"), "2012 exists in English only"


def jump_list(html):
    return {
        group["label"]: [option.get_text() for option in group.select("option")]
        for group in html.select("#jump-country optgroup")
    }


def test_a_translated_edition_names_and_sorts_countries_in_its_language(read):
    _, arabic = read("/ar/2013/")
    assert jump_list(arabic) == {"أوروبا وآسيا الوسطى": ["كازاخستان"]}
    _, french = read("/fr/2013/")
    assert jump_list(french) == {"Europe et Asie centrale": ["Kazakhstan"]}


def test_country_lists_follow_the_alphabet_not_the_code_points(read, edition, team):
    europe = RegionPage.objects.child_of(edition).get(region__slug="europe-and-central-asia")
    approve(add_entry(europe, "AX"), team["publisher"])  # Åland Islands: "Å" is far after "Z" in code points
    _, html = read("/en/2013/")
    names = jump_list(html)["Europe and Central Asia"]
    assert names[0] == "Åland Islands", names


def test_a_translated_entry_names_its_region_and_country_in_its_language(read):
    _, html = read(KAZAKHSTAN.format("ar"))
    breadcrumb = [a.get_text() for a in html.select("p.breadcrumb a")]
    assert breadcrumb[0] == "أوروبا وآسيا الوسطى"
    assert "كازاخستان" in breadcrumb[1] and "Kazakhstan" not in breadcrumb[1]
