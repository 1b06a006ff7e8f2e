"""A clearly synthetic archive of realistic size, for scale tests and benchmarks.

Editions are titled "Synthetic Annual Report <year>" and every text is generated
pseudo-Latin, so nothing here can be mistaken for a finding about a real country.
Country records are real ISO 3166 entries because the archive is keyed on them.

Generation is deterministic for a given ``seed``: the same command gives the same archive.
"""

import datetime
import random
from dataclasses import dataclass

import pycountry
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from rapporteur.archive.indexing import index_subtree
from rapporteur.reports.models import (
    ArticlePage,
    Country,
    CountryEntryPage,
    DownloadsPage,
    EditionPage,
    GlossaryPage,
    HomePage,
    OfficeHolder,
    Person,
    Region,
    RegionPage,
    Theme,
    WorldByRegionPage,
)

from .content import vocabulary

SYNTHETIC_TITLE = "Synthetic Annual Report {year}"
SYNTHETIC_SUBTITLE = "Synthetic data for scale tests: not real findings"

WORDS = (
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore "
    "magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo "
    "consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint "
    "occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum curabitur pretium "
    "tincidunt lacus nulla gravida orci a odio nullam varius turpis et commodo pharetra est eros bibendum elit nec "
    "luctus magna felis sollicitudin mauris integer lectus vivamus aliquet blandit fermentum augue sapien "
    "porttitor vestibulum ante primis faucibus ultrices posuere cubilia praesent tristique senectus netus "
    "malesuada fames egestas morbi viverra accumsan quam pellentesque habitant scelerisque vehicula"
).split()
# A few report words, so that search benchmarks have realistic hits among the filler.
TOPIC_WORDS = (
    "detention trial court protest journalist lawyer prison police election refugee asylum border "
    "torture investigation sentence law media strike activist defender camp displacement"
).split()


def sentence(rng, low=8, high=18):
    words = [
        rng.choice(TOPIC_WORDS) if rng.random() < 0.08 else rng.choice(WORDS) for _ in range(rng.randint(low, high))
    ]
    return " ".join(words).capitalize() + "."


def paragraph(rng, words):
    """Generated sentences, cut to exactly ``words`` words."""
    sentences, count = [], 0
    while count < words:
        text = sentence(rng)
        sentences.append(text)
        count += len(text.split())
    return " ".join(" ".join(sentences).split()[:words]).rstrip(".") + "."


@dataclass
class ArchiveSize:
    editions: int
    countries: int
    sections: int = 10
    words: int = 1200
    seed: int = 2013


class ArchiveGenerator:
    def __init__(self, size, stdout=None):
        self.size = size
        self.rng = random.Random(size.seed)
        self.stdout = stdout

    def say(self, message):
        if self.stdout:
            self.stdout.write(message)

    # -- vocabulary ------------------------------------------------------------------

    def ensure_vocabulary(self):
        for order, (name, slug) in enumerate(vocabulary.REGIONS):
            Region.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
        for slug, name, description in vocabulary.THEMES:
            Theme.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})
        self.regions = list(Region.objects.order_by("sort_order"))
        self.themes = list(Theme.objects.order_by("slug"))
        if len(self.themes) < self.size.sections:
            raise ValueError(
                f"Only {len(self.themes)} themes exist; cannot make {self.size.sections} distinct sections per entry."
            )

        records = sorted(pycountry.countries, key=lambda record: record.alpha_2)
        if self.size.countries > len(records):
            raise ValueError(f"There are only {len(records)} ISO 3166 countries; asked for {self.size.countries}.")
        chosen = random.Random(self.size.seed).sample(records, self.size.countries)
        self.countries = []
        for index, record in enumerate(sorted(chosen, key=lambda r: r.alpha_2)):
            country = Country.objects.filter(iso_code=record.alpha_2).first()
            if country is None:
                country = Country(iso_code=record.alpha_2, default_region=self.regions[index % len(self.regions)])
                country.save()
            self.countries.append(country)

        # Two synthetic people per country; cases name them again year after year.
        self.people = {}
        for country in self.countries:
            people = []
            for n in (1, 2):
                slug = f"synthetic-person-{country.iso_code.lower()}-{n}"
                person, _ = Person.objects.get_or_create(
                    slug=slug,
                    defaults={
                        "name": f"Synthetic Person {country.iso_code}-{n}",
                        "country": country,
                        "description": "Synthetic.",
                    },
                )
                people.append(person)
            self.people[country.pk] = people

    # -- editions --------------------------------------------------------------------

    def edition_years(self):
        existing = list(EditionPage.objects.values_list("year", flat=True))
        last = (min(existing) - 1) if existing else timezone.now().year
        return list(range(last - self.size.editions + 1, last + 1))

    def publish(self, parent, page):
        now = timezone.now()
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        parent.add_child(instance=page)
        return page

    def entry_body(self, country):
        """Theme sections of paragraphs; about a third also carry a case naming a synthetic person."""
        per_section = max(20, (self.size.words - 60) // self.size.sections)
        stream = []
        for theme in self.rng.sample(self.themes, self.size.sections):
            content, remaining = [], per_section
            case = None
            if self.rng.random() < 0.35:
                person = self.rng.choice(self.people[country.pk])
                case_words = per_section // 3
                case = {
                    "type": "case",
                    "value": {"person": person.pk, "text": f"<p>{person.name}: {paragraph(self.rng, case_words)}</p>"},
                }
                remaining -= case_words
            while remaining > 0:
                words = min(remaining, self.rng.randint(50, 90))
                content.append({"type": "paragraph", "value": f"<p>{paragraph(self.rng, words)}</p>"})
                remaining -= words
            if case:
                content.insert(self.rng.randint(1, len(content)), case)
            stream.append({"type": "section", "value": {"theme": theme.pk, "heading": "", "content": content}})
        return stream

    @transaction.atomic
    def build_edition(self, home, year):
        edition = self.publish(
            home,
            EditionPage(
                title=SYNTHETIC_TITLE.format(year=year),
                slug=str(year),
                year=year,
                covers_year=year - 1,
                subtitle=SYNTHETIC_SUBTITLE,
                summary="Synthetic edition generated for scale tests.",
            ),
        )
        self.publish(
            edition,
            ArticlePage(
                title="Introduction (synthetic)",
                slug="introduction",
                kind="introduction",
                lead=paragraph(self.rng, 60),
                body=[{"type": "paragraph", "value": f"<p>{paragraph(self.rng, 300)}</p>"}],
            ),
        )
        self.publish(edition, WorldByRegionPage(title="World by region", slug="world-by-region"))
        self.publish(edition, DownloadsPage(title="Get your copy", slug="downloads"))
        self.publish(edition, GlossaryPage(title="Glossary", slug="glossary"))
        region_pages = {}
        for region in self.regions:
            region_pages[region.pk] = self.publish(
                edition,
                RegionPage(
                    title=region.name,
                    slug=region.slug,
                    region=region,
                    teaser=paragraph(self.rng, 40),
                    overview=[{"type": "paragraph", "value": f"<p>{paragraph(self.rng, 250)}</p>"}],
                ),
            )
        for country in self.countries:
            page = CountryEntryPage(
                title=country.name,
                slug=country.slug,
                country=country,
                summary=f"<p>{paragraph(self.rng, 60)}</p>",
                body=self.entry_body(country),
            )
            page.office_holders = [
                OfficeHolder(office="head_of_state", name=f"Synthetic Head of State {country.iso_code}-{year % 7}"),
                OfficeHolder(
                    office="head_of_government",
                    name=f"Synthetic Head of Government {country.iso_code}-{year % 5}",
                    replaced=f"Synthetic Head of Government {country.iso_code}-{(year - 1) % 5}"
                    if year % 3 == 0
                    else "",
                    replaced_on=datetime.date(year - 1, 1 + year % 12, 1) if year % 3 == 0 else None,
                ),
            ]
            region = country.default_region_id or self.regions[0].pk
            self.publish(region_pages[region], page)
        return edition

    def run(self):
        self.ensure_vocabulary()
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = site.root_page.specific if site else None
        if not isinstance(home, HomePage):
            raise ValueError("No HomePage found: run migrations first.")
        years = self.edition_years()
        for year in years:
            edition = self.build_edition(home, year)
            self.say(f"  {SYNTHETIC_TITLE.format(year=year)}: {len(self.countries)} entries")
            index_subtree(edition)  # pages made here bypass publishing, so index them explicitly
        return years
