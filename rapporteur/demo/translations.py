"""The demo's French and Arabic pages: part of the 2013 edition, translated in our own words.

A newcomer should see, after ``make demo``, what a translated edition looks like: the language
switcher, a right-to-left page, pages that exist only in English offered as the original. So
the home page, the 2013 edition with its navigation pages (world by region, downloads,
glossary), the Europe and Central Asia overview and the Kazakhstan entry get a French and an
Arabic version (``content/translation_fr.py``, ``translation_ar.py``).

Each version is made as Wagtail makes a translation — ``copy_for_translation`` of the English
page into the language's locale, under the already translated parent, sharing the English
page's translation key — then its words are replaced and it is published. Idempotent: a page
that already has a version in the language is left alone (an edit in the admin is kept).
"""

import gettext

import pycountry
from wagtail.models import Locale

from rapporteur.reports.models import CountryEntryPage, EditionPage, RegionPage

from .content import translation_ar, translation_fr

TRANSLATIONS = (translation_fr, translation_ar)
EDITION_YEAR = 2013
REGION = "europe-and-central-asia"


def country_name(iso_code, language):
    """The country's short name in ``language``, from pycountry's own ISO 3166 translations."""
    english = pycountry.countries.get(alpha_2=iso_code)
    names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
    return names.gettext(getattr(english, "common_name", english.name))


class TranslationLoader:
    """Makes the translated pages of one language (``content`` is its translation module)."""

    def __init__(self, demo, content):
        self.demo = demo  # the DemoLoader: its vocabulary and helpers
        self.content = content
        self.locale, _ = Locale.objects.get_or_create(language_code=content.LANGUAGE)

    def translate(self, page, prepare=None, **fields):
        """The page's version in this language, made and published if missing."""
        existing = page.get_translation_or_none(self.locale)
        if existing is not None:
            return existing.specific
        version = page.copy_for_translation(self.locale)
        for name, value in fields.items():
            setattr(version, name, value)
        if "title" in fields:
            version.draft_title = fields["title"]
        if prepare:
            prepare(version)
        version.save_revision().publish()
        self.demo.note(f"page {version.url_path} ({self.content.LANGUAGE})")
        return version

    def run(self, home):
        from .loader import optional_paragraph, paragraph_html, prose_stream

        content = self.content
        self.translate(home, title=content.HOME["title"], intro=paragraph_html(content.HOME["intro"]))
        edition = EditionPage.objects.child_of(home).get(year=EDITION_YEAR)
        self.translate(edition, **content.EDITION)
        for info in (content.WORLD_PAGE, content.DOWNLOADS_PAGE, content.GLOSSARY_PAGE):
            page = edition.get_children().get(slug=info["slug"]).specific
            self.translate(page, title=info["title"], intro=optional_paragraph(info["intro"]))
        region_page = RegionPage.objects.child_of(edition).get(region__slug=REGION)
        overview = content.REGION_PAGES[REGION]
        self.translate(
            region_page,
            title=content.REGIONS[REGION],
            teaser=overview["teaser"],
            overview=prose_stream(overview["overview"]),
        )
        for iso_code, entry in content.ENTRIES.items():
            self.translate_entry(CountryEntryPage.objects.child_of(region_page).get(country__iso_code=iso_code), entry)

    def translate_entry(self, page, entry):
        from .loader import paragraph_html, section_stream

        if page.get_translation_or_none(self.locale) is not None:
            return
        body = section_stream(entry["sections"], self.demo.themes, self.demo.people)
        for section, (theme_slug, _items) in zip(body, entry["sections"], strict=True):
            # the theme's name in this language as the heading (themes are one list for every
            # language; their names per language are the next step)
            section["value"]["heading"] = self.content.THEMES[theme_slug]

        def names_in_language(version):
            holders = list(version.office_holders.all())
            for holder, translated in zip(holders, entry["office_holders"], strict=True):
                holder.name = translated[1]
                holder.replaced = translated[2] if len(translated) > 2 else ""
            version.office_holders = holders

        self.translate(
            page,
            prepare=names_in_language,
            title=country_name(page.country.iso_code, self.content.LANGUAGE),
            summary=paragraph_html(entry["summary"]),
            body=body,
        )


def load_translations(demo, home):
    for content in TRANSLATIONS:
        TranslationLoader(demo, content).run(home)
