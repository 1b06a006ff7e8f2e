"""Imported articles — introduction, essay, global update, press release — as draft pages.

An edition has at most one article of each kind (``ArticlePage`` is unique by kind in an
edition, and there is one press release), so an imported article is matched to its page by
kind: it becomes a new draft page, or a new revision of the page that kind already has. As for
entries (``writer``), a published version is never overwritten, a page in review or locked is
refused with a message, the same file imported twice changes nothing, and every write is
audited. Kept apart from ``writer`` so the entry route and the article route can grow
independently; ``writer`` only calls ``plan_articles`` and ``write_articles``.
"""

from dataclasses import dataclass, field

from django.utils.text import slugify
from wagtail.log_actions import log

from rapporteur.reports.models import ArticlePage, PressReleasePage

from .imported import Warning
from .richtext import plain_text
from .stored import without_ids

KIND_LABELS = {
    "introduction": "Introduction",
    "essay": "Essay",
    "global_update": "Global update",
    "press_release": "Press release",
}


@dataclass
class PlannedArticle:
    """One line of the preview: what happens to one imported article."""

    imported: object  # ImportedArticle
    action: str  # "create", "update", "unchanged" or "refused"
    reason: str = ""
    page: object = None  # the edition's existing page of that kind, for "update" and "unchanged"
    warnings: list = field(default_factory=list)

    @property
    def label(self):
        return KIND_LABELS.get(self.imported.kind, self.imported.kind)

    def line(self):
        """The preview's line for this article."""
        detail = self.reason or f"“{self.imported.title}”, {len(self.imported.blocks)} blocks"
        return f"{self.action:>9}  {self.label}: {detail}"


def page_type(kind):
    return PressReleasePage if kind == "press_release" else ArticlePage


def existing_article(edition, kind):
    """The edition's page of this kind (its latest state is compared and revised), or None."""
    if edition is None or kind not in KIND_LABELS:
        return None
    pages = page_type(kind).objects.child_of(edition)
    if kind != "press_release":
        pages = pages.filter(kind=kind)
    return pages.order_by("path").first()


def plan_articles(articles, edition, may_write, parent):
    """A ``PlannedArticle`` per imported article; writes nothing.

    ``may_write(user-bound)(page, creating)`` is the writer's permission check; ``parent`` is
    the page a new article would go under when the edition itself is still to be created.
    """
    planned_list, seen = [], {}
    for item in articles:
        planned = PlannedArticle(item, "create", warnings=list(item.warnings))
        planned_list.append(planned)
        if item.kind not in KIND_LABELS:
            planned.action, planned.reason = "refused", f"“{item.kind}” is not a kind of article"
            continue
        if not item.title.strip():
            planned.action, planned.reason = "refused", "it has no title: give it a Title line"
            continue
        if not item.lead.strip():
            planned.action, planned.reason = "refused", "it has no text: the first paragraph is its lead"
            continue
        if item.kind in seen:
            planned.action = "refused"
            planned.reason = f"a second {planned.label.lower()} (the first is {seen[item.kind]}): an edition has one"
            continue
        seen[item.kind] = item.source or f"“{item.title}”"
        if item.kind == "press_release" and item.author:
            planned.warnings.append(
                Warning(item.title, "A press release has no byline; the “Author:” line was not used.")
            )
        planned.page = existing_article(edition, item.kind)
        if planned.page is None:
            if not may_write(edition or parent, creating=True):
                planned.action, planned.reason = "refused", "you may not add articles to this edition"
            continue
        page = planned.page
        if page.locked or page.workflow_in_progress:
            planned.action, planned.reason = "refused", f"the {planned.label.lower()} is locked or in review"
        elif not may_write(page, creating=False):
            planned.action, planned.reason = "refused", f"you may not edit the {planned.label.lower()}"
        elif article_content(page.get_latest_revision_as_object()) == imported_article_content(item):
            planned.action = "unchanged"
        else:
            planned.action = "update"
    return planned_list


# -- content, as the pages store it ----------------------------------------------------------


def prose_stream(blocks):
    """The article's blocks as a ``ProseBlock`` stream: headed parts, paragraphs and quotes."""
    stream = []
    for block in blocks:
        if block.kind == "subheading":
            stream.append({"type": "heading", "value": plain_text(block.html)[:200]})
        elif block.kind in ("quote", "case"):
            stream.append({"type": "quote", "value": {"quote": plain_text(block.html), "attribution": ""}})
        else:
            stream.append({"type": "paragraph", "value": block.html})
    return stream


def imported_article_content(item):
    content = {"title": item.title[:255], "lead": item.lead, "body": prose_stream(item.blocks)}
    if item.kind != "press_release":
        content["author"] = item.author[:200]
    return content


def article_content(page):
    """A page's importable content, comparable with ``imported_article_content``."""
    content = {
        "title": page.title,
        "lead": page.lead,
        "body": [without_ids(block) for block in page.body.raw_data],
    }
    if not isinstance(page, PressReleasePage):
        content["author"] = page.author
    return content


# -- writing ----------------------------------------------------------------------------------


def write_articles(planned_articles, edition, user=None, source=""):
    """Carry out the planned articles under ``edition`` (inside the writer's transaction)."""
    for planned in planned_articles:
        if planned.action not in ("create", "update"):
            continue
        content = imported_article_content(planned.imported)
        if planned.action == "update":
            page = planned.page
            draft = page.get_latest_revision_as_object()
            for name, value in content.items():
                setattr(draft, name, value)
            draft.save_revision(user=user)
        else:
            page = new_article(edition, planned.imported.kind, content, user)
        log(
            instance=page,
            action="rapporteur.import",
            user=user,
            data={"source": source, "action": planned.action, "warnings": len(planned.warnings)},
        )


def new_article(edition, kind, content, user):
    model = page_type(kind)
    fields = dict(content)
    if model is ArticlePage:
        fields["kind"] = kind
    page = model(slug=free_slug(edition, kind, content["title"]), live=False, **fields)
    edition.add_child(instance=page)
    page.save_revision(user=user)
    return page


def free_slug(edition, kind, title):
    """The kind's usual address ("essay", "press-release"), or the title's when that is taken."""
    taken = set(edition.get_children().values_list("slug", flat=True))
    for candidate in (slugify(KIND_LABELS[kind]), slugify(title)[:60] or kind):
        if candidate not in taken:
            return candidate
    number = 2
    while f"{slugify(KIND_LABELS[kind])}-{number}" in taken:
        number += 1
    return f"{slugify(KIND_LABELS[kind])}-{number}"
