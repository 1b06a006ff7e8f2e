"""The edition as an EPUB 3 e-book: one chapter per article, region and country, with a navigation document.

Every chapter is written as XHTML from the same rich-text tree as the PDF, so both files
say exactly the same thing — in the edition's language (``language``): its words, ``lang`` on
every document and, for Arabic, ``dir="rtl"`` and a spine read from right to left.
"""

import io
from html import escape

from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from ebooklib import epub

from rapporteur.reports.bidi import balanced

from . import richtext
from .language import fill, in_its_language, replacements, right_to_left
from .links import LinkMap

STYLE = """
body { font-family: serif; line-height: 1.5; }
h1, h2, h3 { font-family: sans-serif; line-height: 1.2; }
.office { color: #444; margin: 0; }
.case { border-left: 3px solid #bbb; padding-left: 0.8em; margin: 1em 0; }
[dir="rtl"] .case { border-left: none; padding-left: 0; border-right: 3px solid #bbb; padding-right: 0.8em; }
.lead { font-size: 1.1em; }
.cover { text-align: center; margin-top: 30%; }
"""


def e(text):
    """Escaped editor text whose direction controls end with it (``reports.bidi``)."""
    return escape(balanced(text or ""), quote=True)


def bdi(text):
    """Editor text followed by words of ours on the same line: isolated in its own direction run."""
    return f"<bdi>{e(text)}</bdi>"


class XhtmlWriter(richtext.Renderer):
    def text(self, text):
        return e(text)

    def line_break(self):
        return "<br/>"

    def strong(self, inner):
        return f"<strong>{inner}</strong>"

    def emph(self, inner):
        return f"<em>{inner}</em>"

    def link(self, target, url, inner):
        return f'<a href="{e(target or url)}">{inner}</a>'

    def paragraph(self, inner):
        return f"<p>{inner}</p>"

    def list(self, ordered, items):
        tag = "ol" if ordered else "ul"
        return f"<{tag}>{''.join(f'<li>{item}</li>' for item in items)}</{tag}>"

    def quote(self, inner):
        return f"<blockquote>{inner}</blockquote>"

    def prose(self, items, where):
        for item in items:
            if item.kind == "heading":
                self.out.append(f"<h2>{e(item.text)}</h2>")
            elif item.kind == "paragraph":
                self.rich(item.html, where)
            elif item.kind == "quote":
                footer = f"<p>— {e(item.attribution)}</p>" if item.attribution else ""
                self.out.append(f"<blockquote><p>{e(item.text)}</p>{footer}</blockquote>")

    def entry(self, entry, edition_title):
        where = f"{entry.title} ({edition_title})"
        self.out.append(f"<h1>{e(entry.title)}</h1>")
        for holder in entry.office_holders:
            replaced = replacements(holder, e, bdi)
            self.out.append(
                f'<p class="office">{e(str(holder.reader_label))} <strong>{bdi(holder.name)}</strong>{replaced}</p>'
            )
        for fact in entry.facts:
            self.out.append(f'<p class="office">{e(str(fact.reader_label))}: {e(fact.value)}</p>')
        self.rich(entry.summary_html, f"{where}, summary")
        for section in entry.sections:
            if section.heading:  # an imported section may have neither heading nor theme
                self.out.append(f'<h2 id="{e(section.anchor)}">{e(section.heading)}</h2>')
            for block in section.blocks:
                if block.kind == "subheading":
                    self.out.append(f"<h3>{e(block.text)}</h3>")
                elif block.kind == "case":
                    inner = XhtmlWriter(self.links, self.warnings)
                    inner.rich(block.html, f"{where}, case in “{section.heading}”")
                    self.out.append(f'<div class="case">{"".join(inner.out)}</div>')
                else:
                    self.rich(block.html, f"{where}, “{section.heading}”")
        if entry.related_reports:
            self.out.append(f"<h2>{e(_('Country reports'))}</h2><ul>")
            for report in entry.related_reports:
                title = e(report.title)
                if report.url:
                    title = f'<a href="{e(self.links.resolve(report.url)[1] or report.url)}">{title}</a>'
                number = f" ({e(report.index_number)})" if report.index_number else ""
                self.out.append(f"<li>{title}{number}</li>")
            self.out.append("</ul>")
        if entry.visits:
            self.out.append(
                f"<h2>{e(_('Country visits'))}</h2><ul>"
                + "".join(f"<li>{e(v.description)}</li>" for v in entry.visits)
                + "</ul>"
            )
        if entry.corrections:
            self.out.append(
                f"<h2>{e(_('Corrections'))}</h2><ul>"
                + "".join(f"<li>{e(format_date(c.corrected_on, 'j F Y'))}: {e(c.text)}</li>" for c in entry.corrections)
                + "</ul>"
            )


def chapter(file_name, title, body, language):
    item = epub.EpubHtml(title=balanced(title), file_name=file_name, lang=language, direction=direction(language))
    item.content = f"<h1>{e(title)}</h1>{body}" if not body.startswith("<h1") else body
    item.add_link(href="style.css", rel="stylesheet", type="text/css")
    return item


def direction(language):
    """``rtl`` for a right-to-left language; None leaves the reading system's default (left to right)."""
    return "rtl" if right_to_left(language) else None


def entry_file(entry):
    return f"entry-{entry.iso_code.lower()}.xhtml"


@in_its_language
def build_epub(document, identifier):
    """(EPUB bytes, conversion warnings)."""
    warnings = []
    targets = {entry.url: entry_file(entry) for entry in document.entries if entry.url}
    targets.update({region.url: f"region-{region.slug}.xhtml" for region in document.regions if region.url})
    targets.update({article.url: f"{article.kind}.xhtml" for article in document.articles if article.url})
    links = LinkMap(targets)
    lang = document.language

    book = epub.EpubBook()
    book.set_identifier(identifier)
    book.set_title(balanced(document.title))
    book.set_language(lang)
    if direction(lang):
        book.set_direction(direction(lang))  # the spine's page-progression-direction
    book.add_author(balanced(document.organisation or document.title))
    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=STYLE)
    book.add_item(style)

    covering = _("Covering events from January to December %(year)s.") % {"year": document.covers_year}
    title_page = chapter(
        "title.xhtml",
        document.title,
        f'<div class="cover"><h1>{e(document.title)}</h1><p>{e(document.subtitle)}</p>'
        f"<p>{e(covering)}</p><p>{e(document.organisation)}</p></div>",
        lang,
    )
    chapters, toc = [title_page], []
    for article in document.articles:
        writer = XhtmlWriter(links, warnings)
        if article.author:
            writer.out.append(f"<p><em>{fill(_('By %(author)s'), e, author=bdi(article.author))}</em></p>")
        writer.out.append(f'<p class="lead">{e(article.lead)}</p>')
        writer.prose(article.items, article.title)
        item = chapter(f"{article.kind}.xhtml", article.title, "".join(writer.out), lang)
        chapters.append(item)
        toc.append(item)
    for region in document.regions:
        writer = XhtmlWriter(links, warnings)
        writer.out.append(f'<p class="lead"><em>{e(region.teaser)}</em></p>')
        writer.prose(region.items, f"{region.name} overview")
        name = region.name  # in the edition's language (``reports.languages.in_source_language``)
        overview = chapter(f"region-{region.slug}.xhtml", name, "".join(writer.out), lang)
        chapters.append(overview)
        entries = []
        for entry in region.entries:
            writer = XhtmlWriter(links, warnings)
            writer.entry(entry, document.title)
            item = chapter(entry_file(entry), entry.title, "".join(writer.out), lang)
            chapters.append(item)
            entries.append(item)
        toc.append((epub.Section(balanced(name), href=overview.file_name), [overview, *entries]))
    if document.glossary:
        writer = XhtmlWriter(links, warnings)
        writer.out.append("<dl>")
        for term in document.glossary:
            inner = XhtmlWriter(links, warnings)
            inner.rich(term.definition_html, f"Glossary, “{term.term}”")
            writer.out.append(f'<dt id="{e(term.slug)}">{e(term.term)}</dt><dd>{"".join(inner.out)}</dd>')
        writer.out.append("</dl>")
        glossary = chapter("glossary.xhtml", _("Glossary"), "".join(writer.out), lang)
        chapters.append(glossary)
        toc.append(glossary)

    for item in chapters:
        book.add_item(item)
    book.toc = toc
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav(title=_("Contents"), direction=direction(lang)))
    book.spine = ["nav", *chapters]
    buffer = io.BytesIO()
    epub.write_epub(buffer, book)
    return buffer.getvalue(), warnings
