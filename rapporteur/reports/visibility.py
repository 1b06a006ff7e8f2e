"""The one rule for what a reader may see, shared by every channel that lists pages.

A page is visible to an anonymous reader only if it is live, not private, and no page
above it is unpublished: an edition that has not launched (or a region taken down) hides
everything inside it, even pages that are published on their own. Routing applies the same
rule (``HomePage.route``); listings, the sitemap and later the search, feeds and API must
take their pages from ``reader_visible``.
"""

from wagtail.models import Page, PageViewRestriction


def ancestor_paths(path):
    """The tree paths of the page at ``path`` and of every page above it."""
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def unpublished_roots():
    """Paths of unpublished pages with children: only they can hide live pages, and they are few."""
    return list(Page.objects.filter(live=False, numchild__gt=0).values_list("path", flat=True))


def hidden_paths():
    """Roots of every subtree a reader cannot see: under an unpublished page, or private."""
    private = PageViewRestriction.objects.values_list("page__path", flat=True)
    return sorted(set(unpublished_roots()) | set(private))


def reader_visible(queryset):
    queryset = queryset.live().public()
    for path in unpublished_roots():
        queryset = queryset.exclude(path__startswith=path)
    return queryset
