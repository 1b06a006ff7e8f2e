"""Rendering reader views that are not pages (search, archive, the jump form).

The frame (header, navigation, sidebar, cookie notice) comes from the base template's
``{% reader_frame %}``, as on every page; what these views share is only the response:
it varies with the reader's one cookie, which decides whether the cookie notice shows.
"""

from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers


def render_reader(request, template, context, status=200):
    """A reader view outside the page tree, framed like a page (``reader_view`` asks the base template for the frame)."""
    response = TemplateResponse(request, template, {**context, "reader_view": True}, status=status)
    patch_vary_headers(response, ["Cookie"])
    return response
