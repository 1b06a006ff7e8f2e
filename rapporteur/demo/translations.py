"""The demo's French and Arabic pages: part of the 2013 edition, translated in our own words.

A newcomer should see, after ``make demo``, what a translated edition looks like: the language
switcher, a right-to-left page, pages that exist only in English offered as the original. So
the home page, the 2013 edition with its navigation pages (world by region, downloads,
glossary), the Europe and Central Asia overview and the Kazakhstan entry get a French and an
Arabic version (``content/translation_fr.py``, ``translation_ar.py``).

Each version is made as a page translated by hand would have been — ``copy_for_translation``
of the English page into the language's locale, its words replaced — and then brought under
wagtail-localize (``editorial.translating.adopt_translation``): its words become the
translation's segments, so the demo's translator finds them in the translation editor and in
the PO files, and "changed since translated" works on them. The page is then written from the
segments and published. Themes and people get their names in the language (``names``).
Idempotent: a page that already has a version in the language is left alone (an edit in the
admin is kept).

An entry's rows are translated too: office holders' names as the language writes them, the
titles of related reports, the descriptions of visits.
"""

import gettext

import pycountry
from django.conf import settings
from wagtail.models import Locale, Page

from rapporteur.editorial.translating import adopt_translation
from rapporteur.reports.models import CountryEntryPage, EditionPage, GlossaryTerm, Person, RegionPage, Theme

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
        version.save_revision()
        # written from the segments, then published at once (wagtail-localize's own publish waits
        # for the commit and would then save a page instance read before its children were added)
        adopt_translation(page, version).save_target(publish=False)
        version = Page.objects.get(pk=version.pk).specific
        version.get_latest_revision().publish()
        self.demo.note(f"page {version.url_path} ({self.content.LANGUAGE})")
        return version.specific_class.objects.get(pk=version.pk)

    def name_vocabulary(self):
        """Themes and people named in this language, unless an editor already named them."""
        language = self.content.LANGUAGE
        for model, names in ((Theme, self.content.THEMES), (Person, self.content.PEOPLE)):
            for item in model.objects.filter(slug__in=names):
                if language not in item.names:
                    item.names = {**item.names, language: names[item.slug]}
                    item.save(update_fields=["names"])

    def translate_glossary(self):
        """The glossary's terms in this language: translated snippets, as Wagtail makes them."""
        from .loader import paragraph_html

        for english in GlossaryTerm.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
            if english.term not in self.content.GLOSSARY or english.has_translation(self.locale):
                continue
            term, definition = self.content.GLOSSARY[english.term]
            version = english.copy_for_translation(self.locale)
            version.term, version.definition = term, paragraph_html(definition)
            version.save()
            self.demo.note(f"glossary term {term} ({self.content.LANGUAGE})")

    def run(self, home):
        from .loader import optional_paragraph, paragraph_html, prose_stream

        content = self.content
        self.name_vocabulary()
        self.translate_glossary()
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
        # the sections' headings stay empty, as in the English: readers see the theme's name in
        # the page's language (``name_vocabulary``)
        body = section_stream(entry["sections"], self.demo.themes, self.demo.people)

        def rows_in_language(version):
            """The entry's rows in this language: names as transliterated, visits and reports translated."""
            holders = list(version.office_holders.all())
            for holder, translated in zip(holders, entry["office_holders"], strict=True):
                holder.name = translated[1]
                holder.replaced = translated[2] if len(translated) > 2 else ""
            version.office_holders = holders
            reports = list(version.related_reports.all())
            for report, (title, _url) in zip(reports, entry["reports"], strict=True):
                report.title = title
            version.related_reports = reports
            visits = list(version.visits.all())
            for visit, (description, _date) in zip(visits, entry["visits"], strict=True):
                visit.description = description
            version.visits = visits

        self.translate(
            page,
            prepare=rows_in_language,
            title=country_name(page.country.iso_code, self.content.LANGUAGE),
            summary=paragraph_html(entry["summary"]),
            body=body,
        )


def load_translations(demo, home):
    for content in TRANSLATIONS:
        TranslationLoader(demo, content).run(home)
