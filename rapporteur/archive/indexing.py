"""Keeping archive records in step with what readers can see.

Records are built from the same document representation the pages render
(``reports.document``), only for pages a reader can see (``reports.visibility``), and
rebuilt after every change that could alter that: publishing, unpublishing, moving, a
change of address, a new or lifted privacy restriction, a renamed theme or country.
Rebuilding waits for the commit, so an embargoed launch is not slowed by it, and a
rolled-back change never reaches the archive; the pages one commit changed are reindexed
together (a launch publishing 170 pages rebuilds its edition's word index once).
"""

import threading
from functools import reduce
from html import unescape
from operator import or_

import nh3
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from rapporteur.reports.bidi import balanced
from rapporteur.reports.cache import new_generation
from rapporteur.reports.document import page_document
from rapporteur.reports.models import Country, EditionPage, Person, Theme
from rapporteur.reports.visibility import reader_visible

from . import wordindex
from .models import CaseRecord, SearchRecord


def indexed_types():
    """The page types that make a document (``ReaderPageMixin.document_kind``): those are searchable."""
    return tuple(model for model in get_page_models() if getattr(model, "document_kind", None))


def plain_text(html):
    """The words of stored (already sanitised) HTML, spaces collapsed.

    nh3 with no tags allowed keeps the text and drops every tag in one pass, three times as fast
    as Django's ``strip_tags`` (which reparses until nothing changes); a dataset build calls this
    for every paragraph of the archive.
    """
    return " ".join(unescape(nh3.clean(html, tags=set())).split())


def office_lines(document):
    """The entry's heads of state and government as the page shows them, one sentence each, so a
    president's name finds the entry and its excerpt says the office ("Head of state: ...").

    ``document`` is built from the published page, never a draft; names are ``balanced`` so a
    direction control in one ends with it in the excerpt.
    """
    lines = []
    for holder in document.office_holders:
        line = f"{holder.office_label}: {balanced(holder.name)}"
        if holder.replacements:
            chain = ", who replaced ".join(
                balanced(who) + (f" in {month}" if month else "") for who, month in holder.replacements
            )
            line += f" (replaced {chain})"
        lines.append(line + ".")
    return lines


class RecordBuilder:
    """Turns one visible page into its archive records."""

    def __init__(self, page, edition, themes, people):
        self.page = page
        self.edition = edition
        self.themes = themes  # slug -> id
        self.people = people  # slug -> id
        self.url = page.get_url()
        self.search = []
        self.cases = []

    def record(self, kind, heading, text, anchor="", **fields):
        self.search.append(
            SearchRecord(
                page_id=self.page.pk,
                path=self.page.path,
                url=self.url,
                anchor=anchor,
                kind=kind,
                edition_id=self.edition.pk,
                year=self.edition.year,
                position=len(self.search),
                title=self.page.title[:255],
                heading=heading[:255],
                text=text,
                language=self.page.locale.language_code if self.page.locale_id else "en",
                **fields,
            )
        )

    def entry(self, page, document):
        region = page.get_parent().specific.region_id
        place = {"country_id": page.country_id, "region_id": region}
        summary = " ".join(filter(None, [plain_text(document.summary_html), *office_lines(document)]))
        self.record(SearchRecord.Kind.SUMMARY, "Summary", summary, **place)
        for section in document.sections:
            text = " ".join(plain_text(block.html) for block in section.blocks)
            theme_id = self.themes.get(section.theme_slug)
            self.record(
                SearchRecord.Kind.SECTION, section.heading, text, anchor=section.anchor, theme_id=theme_id, **place
            )
            for block in section.blocks:
                if block.kind == "case" and block.person_slug:
                    self.cases.append(
                        CaseRecord(
                            page_id=page.pk,
                            path=page.path,
                            url=self.url,
                            anchor=section.anchor,
                            person_id=self.people[block.person_slug],
                            edition_id=self.edition.pk,
                            year=self.edition.year,
                            covers_year=self.edition.covers_year,
                            country_id=page.country_id,
                            theme_id=theme_id,
                            position=len(self.cases),
                            text=plain_text(block.html),
                        )
                    )

    def prose(self, kind, lead, items, **fields):
        """Long-form pages: one record for the opening, one per heading (linked to its anchor)."""
        heading, anchor, parts = self.page.title, "", [lead] if lead else []
        for item in items:
            if item.kind == "heading":
                if parts:
                    self.record(kind, heading, " ".join(parts), anchor=anchor, **fields)
                heading, anchor, parts = item.text, item.anchor, []
            elif item.kind == "paragraph":
                parts.append(plain_text(item.html))
            else:
                parts.append(item.text)
        if parts:
            self.record(kind, heading, " ".join(parts), anchor=anchor, **fields)

    def build(self):
        """Records from the page's document: an entry's summary, sections and cases, or a long-form
        page's opening and headed parts (the record kind is the page type's document kind)."""
        page, document = self.page, page_document(self.page)
        if page.document_kind == "entry":
            self.entry(page, document)
        elif page.document_kind == "overview":
            self.prose(SearchRecord.Kind.OVERVIEW, document.teaser, document.items, region_id=page.region_id)
        else:
            self.prose(SearchRecord.Kind(page.document_kind), document.lead, document.items)
        return self.search, self.cases


def records_of(edition_id):
    """An edition's records as the word index reads them: (id, heading, text, language)."""
    return (
        SearchRecord.objects.filter(edition_id=edition_id)
        .order_by("id")
        .values_list("id", "heading", "text", "language")
    )


def index_pages(pages, word_index=True):
    """(Re)build the records of ``pages``: drop the old ones, add new ones for visible pages.

    With ``word_index``, the word index of every edition whose records changed is rebuilt too.
    """
    page_ids = [page.pk for page in pages]
    old = SearchRecord.objects.filter(page_id__in=page_ids)
    editions_changed = set(old.values_list("edition_id", flat=True).distinct())
    old.delete()
    CaseRecord.objects.filter(page_id__in=page_ids).delete()
    visible = reader_visible(Page.objects.filter(pk__in=page_ids).type(*indexed_types())).specific()
    editions = {edition.path: edition for edition in EditionPage.objects.all()}
    themes = dict(Theme.objects.values_list("slug", "pk"))
    people = dict(Person.objects.values_list("slug", "pk"))
    search, cases = [], []
    for page in visible:
        edition = next((e for path, e in editions.items() if page.path.startswith(path)), None)
        if edition is None:
            continue
        new_search, new_cases = RecordBuilder(page, edition, themes, people).build()
        search += new_search
        cases += new_cases
    SearchRecord.objects.bulk_create(search, batch_size=500)
    CaseRecord.objects.bulk_create(cases, batch_size=500)
    if word_index:
        wordindex.rebuild(editions_changed | {record.edition_id for record in search}, records_of)
    return len(search)


def index_subtrees(paths):
    """Rebuild the records of the pages at ``paths`` and everything below them."""
    paths = sorted(set(paths))
    roots = [path for path in paths if not any(path != other and path.startswith(other) for other in paths)]
    if not roots:
        return 0
    below = reduce(or_, (Q(path__startswith=path) for path in roots))
    pages = list(Page.objects.filter(below).only("pk"))
    with transaction.atomic():
        count = index_pages(pages)
    new_generation()  # hubs and theme pages cached from the old records must not outlive them
    return count


def index_subtree(page):
    """Rebuild the records of a page and everything below it."""
    return index_subtrees([page.path])


def rebuild_all(batch=200):
    """Rebuild every record. Returns the number of search records."""
    with transaction.atomic():
        SearchRecord.objects.all().delete()
        CaseRecord.objects.all().delete()
    ids = list(Page.objects.type(*indexed_types()).values_list("pk", flat=True).order_by("path"))
    total = 0
    for start in range(0, len(ids), batch):
        with transaction.atomic():
            total += index_pages([Page(pk=pk) for pk in ids[start : start + batch]], word_index=False)
    with transaction.atomic():
        wordindex.rebuild(EditionPage.objects.values_list("pk", flat=True), records_of)
    new_generation()
    return total


# -- keeping in step -----------------------------------------------------------------------


_pending = threading.local()


def after_commit_index_subtree(page_id):
    """Reindex the page's subtree once the transaction commits, with every other page it changed."""
    if not hasattr(_pending, "page_ids"):
        _pending.page_ids = set()
    _pending.page_ids.add(page_id)
    transaction.on_commit(index_pending)


def index_pending():
    page_ids, _pending.page_ids = getattr(_pending, "page_ids", set()), set()
    if page_ids:  # the first callback of a commit does the work; the others find nothing left
        index_subtrees(Page.objects.filter(pk__in=page_ids).values_list("path", flat=True))


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(page_slug_changed)
def page_changed(sender, instance, **kwargs):
    after_commit_index_subtree(instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs):
    after_commit_index_subtree(instance.page_id)


@receiver(post_save, sender=Theme)
@receiver(post_save, sender=Country)
def vocabulary_changed(sender, instance, created=False, raw=False, **kwargs):
    if created or raw:
        return
    field = "theme" if sender is Theme else "country"
    page_ids = set(SearchRecord.objects.filter(**{field: instance}).values_list("page_id", flat=True))

    def run():
        with transaction.atomic():
            index_pages([Page(pk=pk) for pk in page_ids])
        new_generation()

    transaction.on_commit(run)
