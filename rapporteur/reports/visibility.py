"""The one rule for what a reader may see, shared by every channel that lists pages.

A page is visible to an anonymous reader only if it is live, not private, and no page
above it is unpublished: an edition that has not launched (or a region taken down) hides
everything inside it, even pages that are published on their own. Serving applies the same
rule once, in a ``before_serve_page`` hook (``reports.wagtail_hooks``) on top of Wagtail's own
checks (the page live, no view restriction on it or above); listings, the sitemap, the
search, files, feeds and API take their pages from ``reader_visible``.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction, ReferenceIndex

from .cache import cached


def ancestor_paths(path):
    """The tree paths of the page at ``path`` and of every page above it."""
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def under_unpublished_page(page):
    """Whether a page above ``page`` (below the tree's root) is not live.

    Wagtail's routing leaves each page's parent on it, so for a page being served this reads
    no database; for any other page it costs one query per level.
    """
    node = page
    while node.depth > 2:  # the tree's root (depth 1) is not a reader page
        node = node.get_parent()
        if not node.live:
            return True
    return False


def unpublished_roots():
    """Paths of unpublished pages with children: only they can hide live pages, and they are few."""
    return list(Page.objects.filter(live=False, numchild__gt=0).values_list("path", flat=True))


def hidden_paths():
    """Roots of every subtree a reader cannot see: under an unpublished page, or private."""
    private = PageViewRestriction.objects.values_list("page__path", flat=True)
    return sorted(set(unpublished_roots()) | set(private))


def restricted_paths():
    """Paths of the pages that carry a view restriction (private pages), from the content cache."""
    return cached(
        "restricted-paths", build=lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


def invisible_page_ids():
    """Ids of every page a reader cannot see: not live, private, or under such a page.

    Few in practice (the drafts of the edition being written); used to drop records of pages
    that became invisible since they were recorded.
    """
    hidden = Q(live=False)
    for path in hidden_paths():
        hidden |= Q(path__startswith=path)
    return list(Page.objects.filter(hidden).values_list("pk", flat=True))


def reader_visible(queryset):
    queryset = queryset.live().public()
    for path in unpublished_roots():
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def used_on_visible_page(obj):
    """Whether a page a reader can see uses ``obj`` (a document, a person, a theme, a country...).

    From Wagtail's reference index, which records every foreign key, chooser block and rich-text
    link of a page's stored content: for a live page that is the published version.
    """
    page_ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return reader_visible(Page.objects.filter(pk__in=[int(pk) for pk in page_ids])).exists()
