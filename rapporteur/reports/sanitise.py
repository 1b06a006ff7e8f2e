"""Rich text is cleaned again on its way out, whatever path stored it.

The admin's editor only produces a few tags, but rich text also arrives by import, by
migration, and later by an API: stored as it came, it would be rendered verbatim — a
``<script>`` kept, a ``javascript:`` link carried into the EPUB and the PDF. Every output
reads rich text through ``reports.document.rich_text_html``, which passes it through here:
only the tags the editor's features make (see ``models.richtext``), links only to the web,
mail or this site, nothing else. nh3 (the Rust ammonia sanitiser) does the work.
"""

import nh3

TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ol", "ul", "li", "blockquote", "sup", "sub"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}  # and relative addresses: this site's pages and documents


def clean_html(html):
    return nh3.clean(html or "", tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)
