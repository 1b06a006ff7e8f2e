"""From what an import read to draft pages: first a plan (the preview), then one transaction.

``plan_import`` decides, for every imported entry, what would happen — create a draft, add a
revision to an existing entry, leave it (same content as its latest revision: importing the
same file twice changes nothing), or refuse it (unknown country, no region, a page in review or
locked, no permission) — without writing anything. ``write_import`` carries a plan out in one
transaction: everything is written as drafts, nothing is published, a published version is
never overwritten (an existing entry only gains a revision), and the import is audited.

Sections map to themes by name or by the book's own topic, case- and accent-insensitively;
a section whose heading matches no theme keeps its heading and no theme (legacy books have
hundreds of one-off headings; inventing a theme for each would flood the vocabulary), and the
preview says so. People named in cases are matched by name, or added.

A person who reads the preview may settle an unknown heading: ``headings`` maps a heading as
written to a Theme name — an existing theme, or a new one that ``write_import`` creates in the
same transaction. A ``progress(done, total)`` callback lets a background job say how far it is.
"""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.log_actions import log

from rapporteur.reports.models import (
    Country,
    CountryEntryPage,
    CountryVisit,
    EditionPage,
    EntryFact,
    HomePage,
    OfficeHolder,
    Person,
    Region,
    RegionPage,
    RelatedReport,
    Theme,
)
from rapporteur.reports.models.snippets import unique_slug

from .article_writer import plan_articles, write_articles
from .countries import name_for, normalise
from .imported import Warning
from .offices import holder_rows
from .regions import region_slug_for
from .richtext import plain_text
from .stored import without_ids
from .themes import key, theme_pairs, vocabulary


@dataclass
class PlannedEntry:
    """One line of the preview: what happens to one imported entry."""

    imported: object  # ImportedEntry
    action: str  # "create", "update", "unchanged" or "refused"
    reason: str = ""  # why it is refused
    region: Region | None = None
    page: CountryEntryPage | None = None  # the existing entry, for "update" and "unchanged"
    unthemed: list = field(default_factory=list)  # section headings that match no theme
    new_people: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def country(self):
        return name_for(self.imported.iso_code) or self.imported.country_name


@dataclass
class ImportPlan:
    year: int
    covers_year: int | None
    edition: EditionPage | None  # None: a draft edition will be created
    entries: list
    warnings: list  # the edition's own (duplicate countries...)
    articles: list = field(default_factory=list)  # article_writer.PlannedArticle
    headings: dict = field(default_factory=dict)  # heading as written → Theme name chosen for it

    @property
    def year_covered(self):
        """The year a month printed alone ("replaced X in December") falls in."""
        return (self.edition.covers_year if self.edition else None) or self.covers_year or self.year - 1

    def counts(self):
        found = {"create": 0, "update": 0, "unchanged": 0, "refused": 0}
        for item in (*self.entries, *self.articles):
            found[item.action] += 1
        return found

    def lines(self):
        """The preview as text, for the command line."""
        counts = self.counts()
        edition = f"Annual Report {self.year}" + ("" if self.edition else " (a new draft edition)")
        out = [
            f"{edition}: {counts['create']} to create, {counts['update']} to update, "
            f"{counts['unchanged']} unchanged, {counts['refused']} refused."
        ]
        out += [f"  ! {w.where}: {w.message}" for w in self.warnings]
        for entry in self.entries:
            sections = len(entry.imported.sections)
            cases = sum(1 for s in entry.imported.sections for b in s.blocks if b.kind == "case")
            detail = entry.reason or f"{sections} sections, {cases} cases"
            region = f" [{entry.region.name}]" if entry.region else ""
            out.append(f"{entry.action:>9}  {entry.country}{region}: {detail}")
            if entry.unthemed:
                out.append(f"           no theme for: {', '.join(entry.unthemed[:8])}")
            if entry.new_people:
                out.append(f"           new people: {', '.join(entry.new_people[:8])}")
            out += [f"           ! {w.where}: {w.message}" for w in entry.warnings]
        for article in self.articles:
            out.append(article.line())
            out += [f"           ! {w.where}: {w.message}" for w in article.warnings]
        return out


class Vocabulary:
    """Themes and people, read once per plan; a section's theme found as the readers find it."""

    def __init__(self, headings=None):
        self.themes = {theme.name: theme for theme in Theme.objects.all()}
        self.theme_keys = vocabulary(theme_pairs(self.themes.values()))
        self.people = {normalise(person.name): person for person in Person.objects.all()}
        self.chosen = {key(heading): name for heading, name in (headings or {}).items() if name}

    def theme(self, section):
        """The Theme the section's theme (a reader's match, or a book's topic), heading, or the
        person's choice for that heading names."""
        for name in (section.theme, section.heading):
            if name and key(name) in self.theme_keys:
                return self.themes[self.theme_keys[key(name)]]
        return self.themes.get(self.chosen.get(key(section.heading or "")))

    def has_theme(self, section):
        """Whether the section will have a theme once written (a chosen theme may not exist yet)."""
        return self.theme(section) is not None or key(section.heading or "") in self.chosen


def home_page():
    return HomePage.objects.order_by("path").first()


def edition_for(year):
    return EditionPage.objects.filter(year=year).order_by("path").first()


def region_page_for(edition, region):
    if edition is None:
        return None
    return RegionPage.objects.child_of(edition).filter(region=region).first()


def existing_entry(edition, iso_code):
    if edition is None:
        return None
    return CountryEntryPage.objects.descendant_of(edition).filter(country__iso_code=iso_code).first()


def may_write(user, page, creating):
    """Whether ``user`` may add below ``page`` (creating) or edit ``page``; no user: the command line."""
    if user is None:
        return True
    permissions = page.permissions_for_user(user)
    return permissions.can_add_subpage() if creating else permissions.can_edit()


def plan_import(imported, year, region_slug=None, user=None, headings=None, progress=None):
    """What importing ``imported`` into the edition of ``year`` would do. Writes nothing."""
    edition = edition_for(year)
    chosen_region = Region.objects.filter(slug=region_slug).first() if region_slug else None
    vocabulary = Vocabulary(headings)
    plan = ImportPlan(year, imported.covers_year, edition, [], list(imported.warnings), headings=dict(headings or {}))
    if region_slug and chosen_region is None:
        plan.warnings.append(Warning("import", f"There is no region “{region_slug}”."))
    if edition is None and user is not None and not may_write(user, home_page(), creating=True):
        plan.warnings.append(Warning("import", f"Only a publisher may create the edition {year}."))
    seen = {}
    for number, item in enumerate(imported.entries, start=1):
        if progress:
            progress(number - 1, len(imported.entries))
        planned = PlannedEntry(item, "create", warnings=list(item.warnings))
        plan.entries.append(planned)
        if not item.iso_code:
            planned.action, planned.reason = "refused", f"the country “{item.country_name}” is not known"
            continue
        if item.iso_code in seen:
            planned.action, planned.reason = (
                "refused",
                f"{planned.country} appears twice (first at {seen[item.iso_code]})",
            )
            continue
        seen[item.iso_code] = item.source or "an earlier entry"
        country = Country.objects.filter(iso_code=item.iso_code).first()
        planned.page = existing_entry(edition, item.iso_code)
        if planned.page is not None:
            planned.region = planned.page.get_parent().specific.region
        else:
            planned.region = (
                chosen_region
                or (country.default_region if country else None)
                or Region.objects.filter(slug=region_slug_for(item.iso_code)).first()
            )
        if planned.region is None:
            planned.action, planned.reason = "refused", "no region: choose one for the import"
            continue
        if chosen_region and planned.region != chosen_region:
            planned.action, planned.reason = (
                "refused",
                f"its entry is in {planned.region.name}, not {chosen_region.name}",
            )
            continue
        planned.unthemed = [s.heading for s in item.sections if not vocabulary.has_theme(s)]
        planned.new_people = sorted(
            {
                b.person
                for s in item.sections
                for b in s.blocks
                if b.person and normalise(b.person) not in vocabulary.people
            }
        )
        if planned.page is not None:
            page = planned.page
            if page.locked or page.workflow_in_progress:
                planned.action, planned.reason = "refused", "the entry is locked or in review: finish that first"
            elif not may_write(user, page, creating=False):
                planned.action, planned.reason = "refused", "you may not edit this entry"
            elif entry_content(page.get_latest_revision_as_object()) == imported_content(
                item, vocabulary, covers_year=plan.year_covered
            ):
                planned.action = "unchanged"
            else:
                planned.action = "update"
            continue
        region_page = region_page_for(edition, planned.region)
        target = region_page or edition or home_page()
        if not may_write(user, target, creating=True):
            planned.action, planned.reason = "refused", f"you may not add entries to {planned.region.name}"
    plan.articles = plan_articles(
        imported.articles, edition, lambda page, creating: may_write(user, page, creating), home_page()
    )
    return plan


# -- content, as pages store it (also to compare with what an entry already has) -------------


def entry_content(page):
    """An entry's importable content, comparable with ``imported_content``."""
    return {
        "summary": page.summary,
        "body": without_ids(list(page.body.raw_data)),
        "office_holders": [(h.office, h.name, h.replaced, h.replaced_on, h.former) for h in page.office_holders.all()],
        "facts": [(f.kind, f.value) for f in page.facts.all()],
        "reports": [(r.title, r.index_number, r.link_url) for r in page.related_reports.all()],
        "visits": [v.description for v in page.visits.all()],
    }


def imported_content(item, vocabulary, people=None, covers_year=None):
    people = people or vocabulary.people
    return {
        "summary": item.summary_html or "<p></p>",
        "body": section_stream(item.sections, vocabulary, people),
        "office_holders": [row for holder in item.office_holders for row in holder_rows(holder, covers_year)],
        "facts": [(kind, value) for kind, value in item.facts.items() if kind in EntryFact.Kind.values],
        "reports": [(r.title[:400], r.index_number[:40], r.url) for r in item.reports],
        "visits": [visit[:400] for visit in item.visits],
    }


def section_stream(sections, vocabulary, people):
    stream = []
    for section in sections:
        theme = vocabulary.theme(section)
        content = []
        for block in section.blocks:
            if block.kind == "subheading":
                content.append({"type": "subheading", "value": plain_text(block.html)[:200]})
            elif block.kind == "case":
                person = people.get(normalise(block.person)) if block.person else None
                content.append({"type": "case", "value": {"person": person.pk if person else None, "text": block.html}})
            else:
                content.append({"type": "paragraph", "value": block.html})
        if not content:
            content.append({"type": "paragraph", "value": "<p></p>"})
        heading = "" if theme and normalise(section.heading) == normalise(theme.name) else section.heading[:200]
        stream.append(
            {"type": "section", "value": {"theme": theme.pk if theme else None, "heading": heading, "content": content}}
        )
    return stream


# -- writing ---------------------------------------------------------------------------------


def write_import(plan, user=None, source="", progress=None):
    """Carry out ``plan`` in one transaction: drafts only. Returns the plan's counts."""
    to_write = [planned for planned in plan.entries if planned.action in ("create", "update")]
    articles = [planned for planned in plan.articles if planned.action in ("create", "update")]
    if not to_write and not articles:  # nothing to write: not even an empty edition
        return plan.counts()
    with transaction.atomic():
        edition = plan.edition or create_edition(plan.year, plan.covers_year, user)
        for name in set(plan.headings.values()) - {""}:
            if not Theme.objects.filter(name=name).exists():
                theme = Theme.objects.create(name=name[:150], slug=unique_slug(Theme, name))
                log(instance=theme, action="wagtail.create", user=user, data={"source": source})
        vocabulary = Vocabulary(plan.headings)
        people = dict(vocabulary.people)
        for number, planned in enumerate(to_write, start=1):
            if progress:
                progress(number - 1, len(to_write))
            for name in planned.new_people:
                if normalise(name) not in people:
                    person = Person.objects.create(name=name[:200], slug=unique_slug(Person, name))
                    people[normalise(name)] = person
            if planned.action == "update":
                draft = planned.page.get_latest_revision_as_object()
                fill(draft, planned.imported, vocabulary, people, plan.year_covered)
                draft.save_revision(user=user)
                page = planned.page
            else:
                region_page = region_page_for(edition, planned.region) or create_region_page(
                    edition, planned.region, user
                )
                page = new_entry(region_page, planned.imported, vocabulary, people, user, plan.year_covered)
            log(
                instance=page,
                action="rapporteur.import",
                user=user,
                data={"source": source, "action": planned.action, "warnings": len(planned.warnings)},
            )
        write_articles(plan.articles, edition, user=user, source=source)
    return plan.counts()


def create_edition(year, covers_year, user):
    edition = EditionPage(title=f"Annual Report {year}", slug=str(year), year=year, covers_year=covers_year, live=False)
    home_page().add_child(instance=edition)
    edition.save_revision(user=user)
    return edition


def create_region_page(edition, region, user):
    page = RegionPage(
        title=region.name,
        slug=region.slug,
        region=region,
        teaser="Overview to be written.",
        overview=[],
        live=False,
    )
    edition.add_child(instance=page)
    page.save_revision(user=user)
    return page


def new_entry(region_page, item, vocabulary, people, user, covers_year=None):
    country = Country.objects.filter(iso_code=item.iso_code).first()
    if country is None:
        country = Country(iso_code=item.iso_code, default_region=region_page.region)
        country.full_clean()
        country.save()
    page = CountryEntryPage(title=country.name, slug=country.slug, country=country, live=False)
    fill(page, item, vocabulary, people, covers_year)
    region_page.add_child(instance=page)
    page.save_revision(user=user)
    return page


def fill(page, item, vocabulary, people, covers_year=None):
    content = imported_content(item, vocabulary, people, covers_year)
    page.summary = content["summary"]
    page.body = content["body"]
    # Every row gets its place explicitly: rows without a sort order come back from PostgreSQL in
    # any order, which would scramble a chain of office holders and make a re-import an "update".
    page.office_holders = [
        OfficeHolder(
            office=office, name=name, replaced=replaced, replaced_on=replaced_on, former=former, sort_order=number
        )
        for number, (office, name, replaced, replaced_on, former) in enumerate(content["office_holders"])
    ]
    page.facts = [
        EntryFact(kind=kind, value=value[:300], sort_order=number)
        for number, (kind, value) in enumerate(content["facts"])
    ]
    page.related_reports = [
        RelatedReport(title=title, index_number=index_number, link_url=url, sort_order=number)
        for number, (title, index_number, url) in enumerate(content["reports"])
    ]
    page.visits = [
        CountryVisit(description=description, sort_order=number) for number, description in enumerate(content["visits"])
    ]
