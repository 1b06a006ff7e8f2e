"""Every reader page type shows what a reader of the report expects (see the seed capture)."""

import re

import pytest

from rapporteur.reports.models import CountryEntryPage, GlossaryTerm, RegionPage

NAV_LABELS = ["Introduction", "Essay", "Global update", "World by region", "Press release", "Downloads", "Glossary"]
EDITION_PAGES = [
    "/en/2013/",
    "/en/2013/introduction/",
    "/en/2013/essay/",
    "/en/2013/global-update/",
    "/en/2013/world-by-region/",
    "/en/2013/press-release/",
    "/en/2013/downloads/",
    "/en/2013/glossary/",
    "/en/2013/europe-and-central-asia/",
    "/en/2013/europe-and-central-asia/kazakhstan/",
    # pages outside an edition are framed by the latest one
    "/en/",
    "/en/cookies/",
]


def text(node):
    return " ".join(node.get_text(" ").split())


def assert_headings_in_order(html):
    levels = [int(h.name[1]) for h in html.find_all(re.compile(r"^h[1-6]$"))]
    assert levels.count(1) == 1, f"expected one h1, got levels {levels}"
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, f"heading level jumps from h{previous} to h{current}: {levels}"


def assert_edition_chrome(html):
    assert html.html["lang"] == "en"
    skip = html.find("a", class_="skip-link")
    assert skip["href"] == "#main" and html.find("main", id="main")
    header = html.find("header", class_="site-header")
    assert "Annual Report 2013" in text(header)
    assert "The state of the world's human rights" in text(header)
    nav = header.find("nav", class_="edition-nav")
    assert [text(a) for a in nav.find_all("a")] == NAV_LABELS
    sidebar = html.find("aside", class_="sidebar")
    assert sidebar.find("h2", string="Human rights by region")
    assert sidebar.find("h2", string="Jump to a Country Report")
    assert sidebar.find("h2", string="Get your copy")
    assert html.find("footer")
    assert_headings_in_order(html)


@pytest.mark.parametrize("url", EDITION_PAGES)
def test_every_edition_page_has_header_navigation_and_sidebar(read, url):
    _, html = read(url)
    assert_edition_chrome(html)


def test_navigation_links_are_real_pages(read, client):
    _, html = read("/en/2013/")
    for link in html.select("nav.edition-nav a"):
        assert client.get(link["href"]).status_code == 200, link["href"]


def test_current_section_is_marked_in_navigation(read):
    _, html = read("/en/2013/essay/")
    assert [text(a) for a in html.select('nav.edition-nav a[aria-current="page"]')] == ["Essay"]
    _, html = read("/en/2013/europe-and-central-asia/kazakhstan/")
    assert [text(a) for a in html.select('nav.edition-nav a[aria-current="page"]')] == ["World by region"]


def test_country_entry_shows_office_holders_with_replacement(read):
    _, html = read("/en/2013/europe-and-central-asia/kazakhstan/")
    holders = {text(div.dt): text(div.dd) for div in html.select("dl.office-holders > div")}
    assert holders == {
        "Head of state": "Nursultan Nazarbayev",
        "Head of government": "Serik Akhmetov (replaced Karim Massimov in September 2012)",
    }
    assert html.find("h1").get_text() == "Kazakhstan"


def test_country_entry_contents_list_links_to_every_section(read):
    _, html = read("/en/2013/europe-and-central-asia/kazakhstan/")
    contents = html.find("nav", class_="entry__contents")
    labels = [text(a) for a in contents.find_all("a")]
    assert labels == [
        "Excessive use of force",
        "Torture and other ill-treatment",
        "Unfair trials",
        "Freedom of expression",
        "Refugees and asylum-seekers",
        "Country reports",
        "Country visits",
    ]
    for link in contents.find_all("a"):
        target = html.find(id=link["href"][1:])
        assert target is not None, f"{link['href']} has no target"
        assert text(target.find("h2")) == text(link)


def test_each_theme_section_has_paragraphs_cases_and_a_top_of_page_link(read):
    _, html = read("/en/2013/europe-and-central-asia/kazakhstan/")
    sections = html.select("section.entry__section")
    theme_sections = [s for s in sections if s["id"] not in ("country-reports", "country-visits")]
    assert len(theme_sections) == 5
    for section in theme_sections:
        assert section.find("p"), section["id"]
        assert section.select(".case"), f"{section['id']} has no case block"
        last_paragraph = section.find_all("p")[-1]
        assert last_paragraph.a["href"] == "#top" and text(last_paragraph) == "Top of page"
    assert html.find(id="top") is not None
    cases = {case.get("data-person") for case in html.select(".case")}
    assert {"vladimir-kozlov", "roza-tuletaeva", "natalia-sokolova", "sobir-nosirov"} <= cases


def test_country_entry_lists_related_reports_and_visits(read):
    _, html = read("/en/2013/europe-and-central-asia/kazakhstan/")
    reports = html.find(id="country-reports")
    assert reports.find("a")["href"].startswith("https://")
    assert "Zhanaozen" in text(reports)
    assert text(html.find(id="country-visits").find("li")) == "Delegates visited Kazakhstan in December."


def test_sidebar_lists_regions_with_short_teasers(read, edition):
    _, html = read("/en/2013/europe-and-central-asia/kazakhstan/")
    links = html.select("ul.region-teasers a")
    regions = RegionPage.objects.child_of(edition).live().order_by("region__sort_order")
    assert [text(a.strong) for a in links] == [r.region.name for r in regions]
    for link, region in zip(links, regions, strict=True):
        assert link["href"] == region.url
        teaser = text(link.span)
        assert teaser.endswith("…"), teaser
        assert len(teaser) <= 112
        assert region.teaser.startswith(teaser[:-2])


def test_jump_select_offers_every_published_entry_of_the_edition(read, edition):
    _, html = read("/en/2013/")
    form = html.find("form", class_="jump")
    assert form["method"] == "get" and form["action"] == "/en/2013/jump/"
    options = [o["value"] for o in form.find_all("option") if o["value"]]
    expected = CountryEntryPage.objects.descendant_of(edition).live().values_list("country__slug", flat=True)
    assert sorted(options) == sorted(expected)
    assert len(options) >= 12
    assert form.find("button", type="submit")
    groups = [g["label"] for g in form.find_all("optgroup")]
    assert groups == ["Africa", "Americas", "Asia Pacific", "Europe and Central Asia", "Middle East and North Africa"]


def test_share_links_are_plain_links_to_the_page(read):
    response, html = read("/en/2013/europe-and-central-asia/kazakhstan/")
    share = html.find("section", class_="share")
    links = {text(a): a["href"] for a in share.find_all("a")}
    assert links["Email"].startswith("mailto:")
    assert "kazakhstan" in links["Facebook"] and links["Facebook"].startswith("https://www.facebook.com/")
    assert {"X (Twitter)", "LinkedIn", "WhatsApp", "Telegram", "Bluesky"} <= set(links)
    assert not html.find("script", src=re.compile(r"^https?://")), "no third-party scripts"
    assert not html.find("iframe")


def test_social_links_and_get_your_copy(read):
    _, html = read("/en/2013/europe-and-central-asia/kazakhstan/")
    social = html.find(id="sidebar-social").find_next("ul")
    assert text(html.find(id="sidebar-social")) == "Rapporteur Demo on social networks"
    assert [text(a) for a in social.find_all("a")] == ["Mastodon", "YouTube", "Photos"]
    copy = html.find("h2", string="Get your copy").find_next("a")
    assert copy["href"] == "/en/2013/downloads/"


def test_edition_home_shows_introduction_lead_and_regions_with_countries(read):
    _, html = read("/en/2013/")
    assert "people across the world kept demanding their rights" in text(html.find("main"))
    assert html.find("a", string="Read the introduction")["href"] == "/en/2013/introduction/"
    regions = html.select("main .region-card")
    assert len(regions) == 5
    europe = next(r for r in regions if "Europe and Central Asia" in text(r.find(["h2", "h3"])))
    assert [text(a) for a in europe.select(".country-list a")] == ["Kazakhstan", "Russian Federation"]


def test_world_by_region_page_lists_regions_teasers_and_countries(read):
    _, html = read("/en/2013/world-by-region/")
    cards = html.select("main .region-card")
    assert len(cards) == 5
    for card in cards:
        assert card.find("p"), "teaser"
        assert card.select(".country-list a")


def test_region_page_shows_overview_and_only_its_countries(read):
    _, html = read("/en/2013/africa/")
    main = html.find("main")
    assert "Marikana" in text(main)
    countries = [text(a) for a in main.select(".country-list a")]
    assert countries == ["Mali", "Nigeria", "South Africa"]


def test_glossary_is_alphabetical_with_anchors(read):
    _, html = read("/en/2013/glossary/")
    letters = html.select("nav.az a")
    assert len(letters) >= 5
    for link in letters:
        assert html.find(id=link["href"][1:]), link["href"]
    terms = [text(dt) for dt in html.select("dl.glossary dt")]
    assert terms == sorted(terms, key=str.lower)
    assert len(terms) == GlossaryTerm.objects.filter(locale__language_code="en").count() >= 10
    assert html.find("dt", id="prisoner-of-conscience")


def test_press_release_page(read):
    _, html = read("/en/2013/press-release/")
    main = html.find("main")
    assert "Press release" in text(main.find(class_="kicker"))
    assert main.find("time")["datetime"] == "2013-05-23"
    assert main.find("h2", string="Media contact")


def test_downloads_page_lists_files_with_size_and_date(read, client):
    _, html = read("/en/2013/downloads/")
    items = html.select("ul.downloads li")
    assert len(items) == 1
    meta = text(items[0].find(class_="downloads__meta"))
    assert re.search(r"TXT, \d+(\.\d+)?\s(bytes|KB), updated \d{1,2} \w+ \d{4}", meta), meta
    assert client.get(items[0].a["href"]).status_code == 200


@pytest.mark.parametrize(
    "url,kicker",
    [
        ("/en/2013/introduction/", "Introduction"),
        ("/en/2013/essay/", "Essay"),
        ("/en/2013/global-update/", "Global update"),
    ],
)
def test_article_pages(read, url, kicker):
    _, html = read(url)
    article = html.find("main").find("article")
    assert text(article.find(class_="kicker")) == kicker
    assert article.find("h1") and article.find(class_="lead")


def test_home_page_presents_latest_edition_and_archive(read, client):
    assert client.get("/").url == "/en/"
    _, html = read("/en/")
    main = html.find("main")
    assert main.find("a", string="Annual Report 2013")["href"] == "/en/2013/"
    assert [text(a) for a in main.select("#editions-h + ul a")] == ["Annual Report 2012"]


def test_earlier_edition_has_its_own_chrome(read):
    _, html = read("/en/2012/europe-and-central-asia/kazakhstan/")
    assert "Annual Report 2012" in text(html.find("header"))
    holders = {text(div.dt): text(div.dd) for div in html.select("dl.office-holders > div")}
    assert holders["Head of government"] == "Karim Massimov"
    options = [o["value"] for o in html.select("form.jump option") if o["value"]]
    assert "russian-federation" not in options and "kazakhstan" in options


def test_page_has_print_stylesheet_and_no_framework(client):
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/reader.css")).read()
    assert "@media print" in css
    assert ":focus-visible" in css
