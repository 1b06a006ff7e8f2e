"""Links that readers follow: never to a page they cannot see, never through a redirect into one.

Rich text stores internal links by page id; Wagtail renders them to the page's address
whatever its state. A link from a published entry to an entry of an edition still under
embargo would print the hidden page's address in the HTML, the PDF and the e-book. Here
such a link keeps its text and loses its target (``<a>`` without ``href``, as Wagtail
writes a link to a deleted page); once the page is visible, the link is back, since every
rendering is cached by content generation.

Wagtail also creates a redirect when a page's slug changes. For a hidden page, following
it would answer the old address with a 301 naming the new one — telling a reader the page
exists. Redirects into pages readers cannot see behave as if they did not exist.
"""

from urllib.parse import urlparse

from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from .visibility import reader_visible


def visible_ids(page_ids):
    return set(reader_visible(Page.objects.filter(pk__in=page_ids)).values_list("pk", flat=True))


class ReaderPageLinkHandler(PageLinkHandler):
    """Rich-text page links, rendered only to pages a reader can see."""

    @classmethod
    def get_many(cls, attrs_list):
        pages = super().get_many(attrs_list)
        visible = visible_ids([page.pk for page in pages if page is not None])
        return [page if page is not None and page.pk in visible else None for page in pages]


class ReaderRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, except those that lead to a page readers cannot see."""

    def process_response(self, request, response):
        if response.status_code == 404 and self.leads_to_hidden_page(request):
            return response
        return super().process_response(request, response)

    def leads_to_hidden_page(self, request):
        path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
        redirect = get_redirect(request, path) or get_redirect(request, urlparse(path).path)
        page_id = redirect.redirect_page_id if redirect is not None else None
        return page_id is not None and page_id not in visible_ids([page_id])
