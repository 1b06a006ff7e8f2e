"""The one rule for what a reader may see, shared by every channel that lists pages.

A page is visible to an anonymous reader only if it is live, not private, and no page
above it is unpublished: an edition that has not launched (or a region taken down) hides
everything inside it, even pages that are published on their own. Routing applies the same
rule (``HomePage.route``); listings, the sitemap and later the search, feeds and API must
take their pages from ``reader_visible``.
"""

from wagtail.models import Page


def reader_visible(queryset):
    queryset = queryset.live().public()
    # Only unpublished pages that have children can hide anything, and there are few of them.
    for path in Page.objects.filter(live=False, numchild__gt=0).values_list("path", flat=True):
        queryset = queryset.exclude(path__startswith=path)
    return queryset
