"""Rewriting a rendered page for the mirror, with an HTML parser rather than patterns over text.

The page passes through the standard library's tokenizer and is written back token by token,
unchanged except where the mirror needs it:

- every link and asset reference (``href``, ``src``, ``srcset``, ``action``, ``poster``) goes
  through ``link``: relative within the tree, absolute to the live site outside it;
- the "Jump to a country" form (``form[data-jump]``) becomes a disclosure of plain links, region
  by region — the form needs the site's redirect, a file needs none and works without JavaScript;
- the cookie notice (``[data-cookie-notice]``) goes: a mirror sets no cookie and its form posts
  to the live site;
- ``<main>`` is marked ``data-pagefind-body`` so that search indexes the content, not the chrome;
- ``head_extra`` (the mirror's own stylesheet) is added at the end of ``<head>``.

Anything the parser does not touch is written back byte for byte, so a page's markup, escaping
and direction attributes are those of the live site.
"""

import re
from html import escape
from html.parser import HTMLParser

LINK_ATTRIBUTES = {"href", "src", "action", "poster"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")\s]+)\1\s*\)""")


def rewrite_css(text, link):
    """A stylesheet's ``url(...)`` references, each through ``link``."""

    def replace(match):
        quote, url = match.group(1), match.group(2)
        new = url if url.startswith("data:") else link(url)
        return f"url({quote}{new}{quote})"

    return CSS_URL.sub(replace, text)


def rewrite_srcset(value, link):
    candidates = []
    for candidate in value.split(","):
        url, _, descriptor = candidate.strip().partition(" ")
        candidates.append(f"{link(url)} {descriptor}".strip() if url else "")
    return ", ".join(c for c in candidates if c)


class _JumpForm:
    """What a jump form offers: its label and the countries under each region."""

    def __init__(self, action):
        self.action = action
        self.label = []
        self.groups = []  # [(region label, [(value, raw option text)])]
        self.in_label = False
        self.option = None  # [value, raw text parts] while inside <option>

    def start(self, tag, attrs):
        if tag == "label":
            self.in_label = True
        elif tag == "optgroup":
            self.groups.append((attrs.get("label") or "", []))
        elif tag == "option":
            self.option = [attrs.get("value") or "", []]

    def end(self, tag):
        if tag == "label":
            self.in_label = False
        elif tag == "option" and self.option is not None:
            value, text = self.option
            if value:
                if not self.groups:
                    self.groups.append(("", []))
                self.groups[-1][1].append((value, "".join(text).strip()))
            self.option = None

    def text(self, raw):
        if self.option is not None:
            self.option[1].append(raw)
        elif self.in_label:
            self.label.append(raw)

    def as_links(self, jump_link):
        """A ``<details>`` of links; option texts are kept as they were escaped in the page."""
        parts = [f'<details class="jump jump--mirror"><summary>{"".join(self.label).strip()}</summary>']
        parts.append('<ul class="jump__regions">')
        for region, options in self.groups:
            links = [
                f'<li><a href="{escape(href)}">{text}</a></li>'
                for value, text in options
                if (href := jump_link(self.action, value))
            ]
            if links:
                heading = f'<span class="jump__region">{escape(region)}</span>' if region else ""
                parts.append(f"<li>{heading}<ul>{''.join(links)}</ul></li>")
        parts.append("</ul></details>")
        return "".join(parts)


class PageRewriter(HTMLParser):
    def __init__(self, link, jump_link, head_extra=""):
        super().__init__(convert_charrefs=False)
        self.link = link
        self.jump_link = jump_link
        self.head_extra = head_extra
        self.out = []
        self.skipping = None  # [tag, depth] inside an element the mirror leaves out
        self.jump = None  # a _JumpForm being read

    # -- start and end tags ------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, self.get_starttag_text(), closed=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, self.get_starttag_text(), closed=True)

    def _start(self, tag, attrs, raw, closed):
        if self.skipping is not None:
            if tag == self.skipping[0] and not closed:
                self.skipping[1] += 1
            return
        if self.jump is not None:
            self.jump.start(tag, dict(attrs))
            return
        names = {name for name, _ in attrs}
        if "data-cookie-notice" in names:
            if not closed:
                self.skipping = [tag, 1]
            return
        if tag == "form" and "data-jump" in names:
            self.jump = _JumpForm(dict(attrs).get("action") or "")
            return
        changed, new_attrs = False, []
        for name, value in attrs:
            if value is not None and name in LINK_ATTRIBUTES:
                new = self.link(value)
            elif value is not None and name == "srcset":
                new = rewrite_srcset(value, self.link)
            else:
                new = value
            changed |= new != value
            new_attrs.append((name, new))
        if tag == "main" and "data-pagefind-body" not in names:
            new_attrs.append(("data-pagefind-body", None))
            changed = True
        if not changed:
            self.out.append(raw)
            return
        rendered = "".join(f" {n}" if v is None else f' {n}="{escape(v, quote=True)}"' for n, v in new_attrs)
        self.out.append(f"<{tag}{rendered}{' /' if closed and raw.endswith('/>') else ''}>")

    def handle_endtag(self, tag):
        if self.skipping is not None:
            if tag == self.skipping[0]:
                self.skipping[1] -= 1
                if self.skipping[1] == 0:
                    self.skipping = None
            return
        if self.jump is not None:
            if tag == "form":
                self.out.append(self.jump.as_links(self.jump_link))
                self.jump = None
            else:
                self.jump.end(tag)
            return
        if tag == "head" and self.head_extra:
            self.out.append(self.head_extra)
        self.out.append(f"</{tag}>")

    # -- everything else, written back as it came --------------------------------------------

    def _raw(self, text):
        if self.skipping is not None:
            return
        if self.jump is not None:
            self.jump.text(text)
            return
        self.out.append(text)

    def handle_data(self, data):
        self._raw(data)

    def handle_entityref(self, name):
        self._raw(f"&{name};")

    def handle_charref(self, name):
        self._raw(f"&#{name};")

    def handle_comment(self, data):
        self._raw(f"<!--{data}-->")

    def handle_decl(self, decl):
        self._raw(f"<!{decl}>")

    def handle_pi(self, data):
        self._raw(f"<?{data}>")

    def unknown_decl(self, data):
        self._raw(f"<![{data}]>")


def rewrite_page(html, link, jump_link, head_extra=""):
    rewriter = PageRewriter(link, jump_link, head_extra)
    rewriter.feed(html)
    rewriter.close()
    return "".join(rewriter.out)
