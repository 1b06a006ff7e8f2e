"""Load the demo edition(s) into the database, idempotently.

Everything is matched by a natural key (slug, ISO code, year), and only what is missing
is created, so running the loader twice changes nothing and never overwrites an edit
made in the admin.
"""

import datetime
import secrets
from dataclasses import dataclass, field
from html import escape

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents.models import Document
from wagtail.models import Site

from rapporteur.editorial.roles import grant_role
from rapporteur.reports.models import (
    ArticlePage,
    Country,
    CountryEntryPage,
    CountryVisit,
    DownloadFile,
    DownloadsPage,
    EditionPage,
    GlossaryPage,
    GlossaryTerm,
    HomePage,
    InformationPage,
    OfficeHolder,
    OrganisationSettings,
    Person,
    PressReleasePage,
    Region,
    RegionPage,
    RelatedReport,
    SocialLink,
    Theme,
    WorldByRegionPage,
)

from .content import edition_2012, edition_2013, site, vocabulary
from .translations import load_translations

EDITIONS = (edition_2012, edition_2013)
ADMIN_USERNAME = "admin"
REVIEW_REGION = "europe-and-central-asia"
# The review team of one region, so the whole workflow (and its emails) can be tried:
# (username, role, region or None)
REVIEWERS = (
    ("demo-researcher", "researcher", REVIEW_REGION),
    ("demo-regional-editor", "regional_editor", REVIEW_REGION),
    ("demo-legal", "legal_reviewer", None),
    ("demo-publisher", "publisher", None),
)


@dataclass
class LoadResult:
    created: list = field(default_factory=list)
    admin_password: str | None = None  # set only when the admin account was created now
    reviewer_password: str | None = None  # the review team's shared password, set when (re)created


def paragraph_html(text):
    return f"<p>{escape(text, quote=False)}</p>"


def optional_paragraph(text):
    return paragraph_html(text) if text else ""


def prose_stream(items):
    """[("heading"|"paragraph"|"quote", value)] → raw StreamField data for ProseBlock."""
    stream = []
    for kind, value in items:
        if kind == "paragraph":
            value = paragraph_html(value)
        stream.append({"type": kind, "value": value})
    return stream


def section_stream(sections, themes, people):
    stream = []
    for theme_slug, items in sections:
        content = []
        for item in items:
            if item[0] == "p":
                content.append({"type": "paragraph", "value": paragraph_html(item[1])})
            else:
                _, person_slug, text = item
                content.append(
                    {
                        "type": "case",
                        "value": {
                            "person": people[person_slug].pk if person_slug else None,
                            "text": paragraph_html(text),
                        },
                    }
                )
        stream.append({"type": "section", "value": {"theme": themes[theme_slug].pk, "heading": "", "content": content}})
    return stream


def date(value):
    return datetime.date.fromisoformat(value) if value else None


class DemoLoader:
    def __init__(self):
        self.result = LoadResult()

    def note(self, what):
        self.result.created.append(what)

    # -- pages ---------------------------------------------------------------------

    def child(self, parent, model, slug, **fields):
        """Return the child page with this slug, creating and publishing it if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific, False
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.note(f"page {page.url_path}")
        return page, True

    def intro_page(self, edition, model, info):
        """A page with just a title and an optional introduction (world by region, downloads, glossary)."""
        return self.child(edition, model, info["slug"], title=info["title"], intro=optional_paragraph(info["intro"]))

    # -- vocabularies ----------------------------------------------------------------

    def load_vocabulary(self):
        self.regions = {}
        for order, (name, slug) in enumerate(vocabulary.REGIONS):
            self.regions[slug], created = Region.objects.get_or_create(
                slug=slug, defaults={"name": name, "sort_order": order}
            )
            created and self.note(f"region {name}")
        self.themes = {}
        for slug, name, description in vocabulary.THEMES:
            self.themes[slug], created = Theme.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description}
            )
            created and self.note(f"theme {name}")
        self.countries = {}
        for code, region_slug in vocabulary.COUNTRIES:
            self.countries[code], created = Country.objects.get_or_create(
                iso_code=code,
                defaults={"name": vocabulary.COUNTRY_NAMES.get(code, ""), "default_region": self.regions[region_slug]},
            )
            created and self.note(f"country {self.countries[code].name}")
        self.people = {}
        for slug, name, status, code, description in vocabulary.PEOPLE:
            self.people[slug], created = Person.objects.get_or_create(
                slug=slug,
                defaults={"name": name, "status": status, "country": self.countries[code], "description": description},
            )
            created and self.note(f"person {name}")
        for term, definition in vocabulary.GLOSSARY:
            _, created = GlossaryTerm.objects.get_or_create(
                term=term,
                locale__language_code=settings.LANGUAGE_CODE,
                defaults={"slug": term.lower().replace(" ", "-"), "definition": paragraph_html(definition)},
            )
            created and self.note(f"glossary term {term}")

    # -- site ------------------------------------------------------------------------

    def load_site(self):
        home_site = Site.objects.get(is_default_site=True)
        home = home_site.root_page.specific
        if not isinstance(home, HomePage):
            raise RuntimeError("The default site's root page is not a HomePage; run migrations on a fresh database.")
        if home.title != site.HOME["title"] and not home.intro:
            home.title = home.draft_title = site.HOME["title"]
            home.intro = paragraph_html(site.HOME["intro"])
            home.save_revision().publish()
        self.home = home
        pages = {}
        for info in (site.COOKIE_STATEMENT, site.ABOUT):
            pages[info["slug"]], _ = self.child(
                home, InformationPage, info["slug"], title=info["title"], body=prose_stream(info["body"])
            )

        settings = OrganisationSettings.for_site(home_site)
        if not settings.social_links.exists():
            org = site.ORGANISATION
            settings.name = org["name"]
            settings.short_name = org["short_name"]
            settings.contact_email = org["contact_email"]
            settings.cookie_statement_page = pages["cookies"]
            settings.social_links = [SocialLink(network=n, url=u) for n, u in org["social_links"]]
            settings.save()
            self.note("organisation settings")

    # -- editions ----------------------------------------------------------------------

    def load_edition(self, content):
        info = content.EDITION
        edition, _ = self.child(
            self.home,
            EditionPage,
            str(info["year"]),
            title=info["title"],
            year=info["year"],
            covers_year=info["covers_year"],
            subtitle=info["subtitle"],
            summary=info["summary"],
        )
        for article in content.ARTICLES:
            self.child(
                edition,
                ArticlePage,
                article["slug"],
                title=article["title"],
                kind=article["kind"],
                author=article["author"],
                lead=article["lead"],
                body=prose_stream(article["body"]),
            )
        self.intro_page(edition, WorldByRegionPage, content.WORLD_PAGE)
        if content.PRESS_RELEASE:
            release = content.PRESS_RELEASE
            self.child(
                edition,
                PressReleasePage,
                release["slug"],
                title=release["title"],
                release_date=date(release["release_date"]),
                lead=release["lead"],
                body=prose_stream(release["body"]),
                media_contact=paragraph_html(release["media_contact"]),
            )
        downloads, created = self.intro_page(edition, DownloadsPage, content.DOWNLOADS_PAGE)
        if created:
            self.add_key_facts_download(downloads, content)
        self.intro_page(edition, GlossaryPage, content.GLOSSARY_PAGE)

        region_pages = {}
        for _name, slug in vocabulary.REGIONS:
            region_content = content.REGION_PAGES[slug]
            region = self.regions[slug]
            region_pages[slug], _ = self.child(
                edition,
                RegionPage,
                slug,
                title=region.name,
                region=region,
                teaser=region_content["teaser"],
                overview=prose_stream(region_content["overview"]),
            )
        for entry in content.ENTRIES:
            self.load_entry(region_pages[entry["region"]], entry)

    def load_entry(self, region_page, entry):
        country = self.countries[entry["country"]]
        if region_page.get_children().filter(slug=country.slug).exists():
            return
        page = CountryEntryPage(
            title=country.name,
            slug=country.slug,
            country=country,
            summary=paragraph_html(entry["summary"]),
            body=section_stream(entry["sections"], self.themes, self.people),
        )
        page.office_holders = [
            OfficeHolder(
                office=h[0],
                name=h[1],
                replaced=h[2] if len(h) > 2 else "",
                replaced_on=date(h[3]) if len(h) > 3 else None,
            )
            for h in entry["office_holders"]
        ]
        page.related_reports = [RelatedReport(title=t, link_url=u) for t, u in entry.get("reports", [])]
        page.visits = [CountryVisit(description=d, visited_on=date(v)) for d, v in entry.get("visits", [])]
        region_page.add_child(instance=page)
        page.save_revision().publish()
        self.note(f"page {page.url_path}")

    def add_key_facts_download(self, downloads, content):
        """A small text file, so the Downloads page has something to offer before PDFs are generated."""
        info = content.EDITION
        lines = [f"{info['title']}: {info['subtitle']}", f"Covering {info['covers_year']}.", "", "Country entries:"]
        lines += [f"- {self.countries[entry['country']].name}" for entry in content.ENTRIES]
        lines += ["", "Demonstration content for the Rapporteur software."]
        document = Document(title=f"{info['title']} – key facts (plain text)")
        document.file.save(
            f"annual-report-{info['year']}-key-facts.txt", ContentFile("\n".join(lines).encode()), save=False
        )
        document._set_document_file_metadata()
        document.save()
        downloads.files = [
            DownloadFile(
                document=document,
                title=document.title,
                description="The edition's contents at a glance.",
                language="en",
            )
        ]
        downloads.save_revision().publish()

    # -- admin account -----------------------------------------------------------------

    def ensure_admin(self, reset_password=False):
        User = get_user_model()
        user = User.objects.filter(username=ADMIN_USERNAME).first()
        if user is not None and not reset_password:
            return
        password = secrets.token_urlsafe(12)
        if user is None:
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", password)
            self.note("admin account")
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        self.result.admin_password = password

    def ensure_reviewers(self, reset_password=False):
        """The demo's review team for one region, sharing one password printed once."""
        User = get_user_model()
        missing = [row for row in REVIEWERS if not User.objects.filter(username=row[0]).exists()]
        if not missing and not reset_password:
            return
        password = secrets.token_urlsafe(12)
        for username, role, region in REVIEWERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(username, f"{username}@example.org", password)
                grant_role(user, role, region)
                self.note(f"{role} account {username}")
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
        self.result.reviewer_password = password

    @transaction.atomic
    def run(self, reset_admin_password=False):
        self.load_vocabulary()
        self.load_site()
        for content in EDITIONS:
            self.load_edition(content)
        load_translations(self, self.home)
        self.ensure_admin(reset_password=reset_admin_password)
        self.ensure_reviewers(reset_password=reset_admin_password)
        return self.result


def load_demo(reset_admin_password=False):
    return DemoLoader().run(reset_admin_password=reset_admin_password)
