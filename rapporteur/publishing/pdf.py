"""The edition (or one entry) as a print-quality PDF, typeset by Typst.

The document is written as Typst *code*, never markup: every piece of report text goes in
as a string literal (``#"..."``), so no character in the report can be mistaken for Typst
syntax. Headings give the PDF its bookmarks (regions and countries), the contents with page
numbers, and — through invisible markers — the running headers.

The edition's language is Typst's ``lang`` (right-to-left paragraphs, columns and tables for
Arabic), every word of ours is in it (``language``), and the layout names sides by the text's
direction (``start``, ``end``, the page's outer edge), so a right-to-left book is bound on the
right and mirrors as a whole.
"""

from pathlib import Path

import typst
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _

from rapporteur.reports.bidi import balanced

from . import richtext
from .language import fill, in_its_language, replacements, right_to_left
from .links import LinkMap, absolute_url

FONTS = Path(__file__).resolve().parent / "fonts"

PREAMBLE = r"""
#set document(title: TITLE, author: AUTHOR)
// Noto Serif and Noto Sans have no Arabic letters: every font names the Arabic one after it.
#let sans = ("Noto Sans", "Noto Naskh Arabic")
#let rtl = RTL
#set text(font: ("Noto Serif", "Noto Naskh Arabic"), size: 9.5pt, lang: LANG, hyphenate: true)
#set par(justify: true, leading: 0.6em, spacing: 0.85em)
#set columns(gutter: 7mm)
#show heading: set text(font: sans, weight: "bold", hyphenate: false)
#show heading: set par(justify: false)
#show heading.where(level: 1): it => { v(1.2em); text(size: 20pt, it); v(0.5em) }
#show heading.where(level: 2): set text(size: 13pt)
#show heading.where(level: 3): set text(size: 10pt)
#show heading.where(level: 3): set block(above: 1.3em, below: 0.6em)
#show link: set text(fill: rgb("#0b4f85"))
#let accent = rgb("#7a1f1f")
#let running(kind, name) = [#metadata((kind: kind, name: name)) <running>]
// The part and the country a page belongs to: the last markers on or before it.
#let marks-at(page) = {
  let part = none
  let country = none
  for marker in query(<running>) {
    if marker.location().page() > page { break }
    if marker.value.kind == "part" { part = marker.value.name; country = none }
    else { country = marker.value.name }
  }
  (part, country)
}
// The page's outer edge: a right-to-left book is bound on the right (as Typst binds it), so
// its odd pages lie on the left.
#let outer-side(page) = if calc.odd(page) != rtl { right } else { left }
// The thumb index: the country's initial on the outer edge, lower down the later the letter,
// so the closed book's edge finds a country.
#let thumb-index(name) = {
  let initial = name.find(regex("\p{L}"))
  if initial == none { return }
  initial = upper(initial)
  let position = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".position(initial)
  if position == none { position = calc.rem(str.to-unicode(initial.first()), 26) }
  let step = (297mm - 6cm) / 26
  let tab = box(width: 9mm, height: step - 0.6mm, fill: luma(55),
    align(center + horizon, text(font: sans, weight: "bold", size: 11pt, fill: white, initial)))
  place(outer-side(here().page()) + top, dy: 3cm + position * step, tab)
}
// Country entries, regions and the glossary: two columns of about 50 characters a line.
#let two-columns = (columns: 2, margin: (inside: 2.2cm, outside: 2cm, top: 2.4cm, bottom: 2.6cm))
#let source-line = ATTRIBUTION
#set page(
  paper: "a4",
  ..two-columns,
  header: context {
    let (part, country) = marks-at(here().page())
    if part != none {
      set text(size: 8pt, fill: luma(90), font: sans)
      grid(columns: (1fr, 1fr), align(start, part), align(end, if country != none { country }))
      v(-0.3em)
      line(length: 100%, stroke: 0.4pt + luma(160))
    }
  },
  background: context {
    let (part, country) = marks-at(here().page())
    if country != none { thumb-index(country) }
  },
  footer: context {
    set text(size: 7pt, font: sans, fill: luma(80))
    set par(justify: false)
    let folio = text(size: 9pt, weight: "bold", fill: black, counter(page).display())
    line(length: 100%, stroke: 0.4pt + luma(160))
    v(-0.2em)
    // the folio on the outer edge; a grid lays its columns out from the text's start
    let outer = outer-side(here().page())
    let source = align(if outer == right { left } else { right }, source-line)
    if (outer == right) != rtl {
      grid(columns: (1fr, auto), column-gutter: 1em, source, align(outer, folio))
    } else {
      grid(columns: (auto, 1fr), column-gutter: 1em, align(outer, folio), source)
    }
  },
)
// Essays and other long prose stay in one column, narrowed to a readable measure.
#let one-column = (columns: 1, margin: (inside: 3.6cm, outside: 3.6cm, top: 2.4cm, bottom: 2.6cm))
// A country's name, set large; the heading keeps its bookmark and contents line.
#let country-heading(it) = block(above: 1.6em, below: 0.5em, sticky: true, {
  set text(font: sans, size: 22pt, weight: "bold", hyphenate: false)
  set par(justify: false)
  it.body
})
// The data box: one row a fact (office holders today; any fact the entry gains can join).
#let data-box(..rows) = block(fill: luma(235), inset: (x: 0.7em, y: 0.65em), width: 100%, breakable: false,
  above: 0.4em, below: 1em, sticky: true, {
    set text(font: sans, size: 7.5pt, hyphenate: false)
    set par(justify: false, leading: 0.45em)
    grid(columns: (auto, 1fr), column-gutter: 1em, row-gutter: 0.6em,
      ..rows.pos().map(((label, value)) => (text(weight: "bold", label), value)).flatten())
  })
#let summary(body) = {
  set text(font: sans, weight: "bold", size: 8.8pt)
  set par(justify: false)
  body
}
// A case: a rule down its start side (the right, in Arabic), a square on the rule.
#let case-block(body) = block(
  inset: if rtl { (right: 0.9em) } else { (left: 0.9em) },
  stroke: if rtl { (right: 1pt + luma(170)) } else { (left: 1pt + luma(170)) },
  width: 100%, {
  place(start + top, dx: (if rtl { 1 } else { -1 }) * (0.9em + 0.5pt + 0.32em), dy: 0.18em,
    text(size: 7pt, fill: accent, "■"))
  body
})
"""


def string(text):
    """A Typst string literal: only the backslash and the double quote need escaping.

    Every text set into the PDF passes here, so here its direction controls are made to end
    with it (``reports.bidi``).
    """
    return '"' + balanced(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("\r", " ") + '"'


def content(text):
    return f"#{string(text)}"


def isolated(text):
    """Editor text followed by words of ours on the same line, laid out in a box of its own.

    Typst sets a box apart from the words around it, so a right-to-left name (or a stray
    U+202E) cannot reorder them, and no invisible isolate characters end up in the text readers
    copy or search. A box does not break across lines: only for names and titles, never prose.
    """
    return f"#box[{content(text)}]"


class TypstWriter(richtext.Renderer):
    joiner = "\n"

    def add(self, *lines):
        self.out.extend(lines)

    # -- rich text, as Typst code ------------------------------------------------------------

    def text(self, text):
        return content(text)

    def line_break(self):
        return "#linebreak()"

    def strong(self, inner):
        return f"#strong[{inner}]"

    def emph(self, inner):
        return f"#emph[{inner}]"

    def link(self, target, url, inner):
        return f"#link({f'<{target}>' if target else string(url)})[{inner}]"

    def paragraph(self, inner):
        return f"#par[{inner}]\n"

    def list(self, ordered, items):
        return f"#{'enum' if ordered else 'list'}({', '.join(f'[{item}]' for item in items)})\n"

    def quote(self, inner):
        return f"#quote(block: true)[\n{inner}\n]\n"

    # -- report parts --------------------------------------------------------------------------

    def prose(self, items, where, level=2):
        for item in items:
            if item.kind == "heading":
                self.add(f"#heading(level: {level}, outlined: false)[{content(item.text)}]", "")
            elif item.kind == "paragraph":
                self.rich(item.html, where)
            elif item.kind == "quote":
                attribution = f", attribution: [{content(item.attribution)}]" if item.attribution else ""
                self.add(f"#quote(block: true{attribution})[{content(item.text)}]", "")

    # -- report parts -------------------------------------------------------------------

    def heading(self, level, text, label=None, outlined=True, new_page=False):
        options = "" if outlined else ", outlined: false"
        suffix = f" <{label}>" if label else ""
        if new_page:
            self.add("#pagebreak(weak: true)")
        self.add(f"#heading(level: {level}{options})[{content(text)}]{suffix}")

    def report(self, report):
        """A country report: its title (a link where it has an address), then its index number."""
        title = content(report.title)
        if report.url:
            title = f"#link({string(self.links.resolve(report.url)[1] or report.url)})[{title}]"
        return title + (content(f" ({report.index_number})") if report.index_number else "")

    def data_box(self, entry):
        """The entry's facts at a glance, one (label, value) row each, as Typst code.

        Office holders today; any other fact an entry gains (death penalty, population...)
        joins as another row.
        """
        rows = []
        for holder in entry.office_holders:
            value = isolated(holder.name) + replacements(holder, content, isolated)
            rows.append((content(str(holder.reader_label)), value))
        rows.extend((content(str(fact.reader_label)), content(fact.value)) for fact in entry.facts)
        if not rows:
            return []
        return ["#data-box(" + ", ".join(f"([{label}], [{value}])" for label, value in rows) + ")"]

    def entry(self, entry, edition_title, level=2, masthead=None):
        """A country entry: its head (name and data box), then the body in the page's two columns.

        In the edition the head sits in the column where the entry begins, as in a printed
        report; alone (``masthead``: lines set above the name) it spans the top of the page.
        The running heads name the country in the edition's language (``entry.country_name``).
        """
        where = f"{entry.title} ({edition_title})"
        self.add(f'#running("country", {string(entry.country_name)})')
        head = [
            f"#show heading.where(level: {level}): country-heading",
            f"#heading(level: {level})[{content(entry.title)}] <{entry_label(entry)}>",
            *self.data_box(entry),
        ]
        if masthead is not None:
            self.add('#place(top, float: true, scope: "parent", clearance: 1.4em)[', *masthead, *head, "]", "")
        else:
            self.add("#[", *head, "]", "")
        summary = TypstWriter(self.links, self.warnings)
        summary.rich(entry.summary_html, f"{where}, summary")
        self.add("#summary[", *summary.out, "]", "")
        for section in entry.sections:
            if section.heading:  # an imported section may have neither heading nor theme
                self.heading(level + 1, section.heading, outlined=False)
            for block in section.blocks:
                if block.kind == "subheading":
                    self.heading(level + 2, block.text, outlined=False)
                elif block.kind == "case":
                    inner = TypstWriter(self.links, self.warnings)
                    inner.rich(block.html, f"{where}, case in “{section.heading}”")
                    self.add("#case-block[", *inner.out, "]", "")
                else:
                    self.rich(block.html, f"{where}, “{section.heading}”")
        if entry.related_reports:
            self.heading(level + 1, _("Country reports"), outlined=False)
            items = ", ".join(f"[{self.report(r)}]" for r in entry.related_reports)
            self.add(f"#list({items})", "")
        if entry.visits:
            self.heading(level + 1, _("Country visits"), outlined=False)
            self.add("#list(" + ", ".join(f"[{content(v.description)}]" for v in entry.visits) + ")", "")
        if entry.corrections:
            self.heading(level + 1, _("Corrections"), outlined=False)
            items = ", ".join(
                f"[{content(format_date(c.corrected_on, 'j F Y') + ': ' + c.text)}]" for c in entry.corrections
            )
            self.add(f"#list({items})", "")

    def part(self, name, label, heading=None, lines=()):
        """A region or the glossary: on a new page, its heading (and ``lines``) across both columns."""
        self.add("#pagebreak(weak: true)", f'#running("part", {string(name)})')
        self.add('#place(top, float: true, scope: "parent", clearance: 1.4em)[')
        self.add(f"#heading(level: 1)[{content(heading or name)}] <{label}>", *lines, "]", "")

    def article(self, article):
        self.heading(1, article.title, label=f"article-{article.kind}", new_page=True)
        self.add(f'#running("part", {string(article.label)})', "")
        if article.author:
            self.add(
                f'#text(style: "italic")[{fill(_("By %(author)s"), content, author=isolated(article.author))}]', ""
            )
        self.add(f"#par[#text(size: 11.5pt)[{content(article.lead)}]]", "")
        self.prose(article.items, article.title)


def entry_label(entry):
    return f"entry-{entry.iso_code.lower()}"


def link_map(document):
    targets = {entry.url: entry_label(entry) for entry in document.entries if entry.url}
    targets.update({region.url: f"region-{region.slug}" for region in document.regions if region.url})
    targets.update({article.url: f"article-{article.kind}" for article in document.articles if article.url})
    return LinkMap(targets)


def preamble(title, author, language, attribution='""'):
    """Typst settings and helpers; ``attribution``: Typst code for the source line in the footer."""
    return (
        PREAMBLE.replace("RTL", "true" if right_to_left(language) else "false")
        .replace("TITLE", string(title))
        .replace("AUTHOR", string(author or title))
        .replace("LANG", string(language))
        .replace("ATTRIBUTION", attribution)
    )


def report_name(document):
    """The report as a reader would cite it: its title, with the year if the title lacks it."""
    year = str(document.year)
    return document.title if year in document.title else f"{document.title} ({year})"


def address(url, linked=True):
    """A web address, printed in full (so it survives printing and forwarding), and linked.

    Not linked in running heads and footers: PDF/UA makes those artifacts, which may hold no link.
    """
    url = absolute_url(url)
    if not url:
        return ""
    # left to right whatever the language: in an Arabic line, its final "/" would move to its front
    url_text = f"#box(text(dir: ltr, {string(url)}))"
    return f"#link({string(url)})[{url_text}]" if linked else url_text


def made_on(produced):
    return fill(_("PDF made on %(date)s"), content, date=content(format_date(produced, "j F Y")))


def source_line(document, url, produced=None):
    """Who published this, in which report, where it lives online (and, for an entry, when it was made)."""
    parts = [isolated(part) for part in (document.organisation, report_name(document)) if part]
    first = content(" · ").join(parts)
    second = [part for part in (address(url, linked=False), made_on(produced) if produced else "") if part]
    return "[" + first + (" \\ " if first and second else "") + content(" · ").join(second) + "]"


@in_its_language
def edition_source(document, produced=None):
    """(Typst source of the whole edition, conversion warnings)."""
    produced = produced or timezone.localdate()
    warnings = []
    writer = TypstWriter(link_map(document), warnings)
    writer.add(preamble(document.title, document.organisation, document.language, source_line(document, document.url)))
    front = "header: none, footer: none, background: none, columns: 1, margin: (x: 2.6cm, top: 3cm, bottom: 2.6cm)"
    covering = _("Covering events from January to December %(year)s.") % {"year": document.covers_year}
    writer.add(
        f"#page({front})[",
        "#v(28%)",
        f'#text(font: sans, size: 30pt, weight: "bold")[{content(document.title)}]',
        "#v(0.4em)",
        f"#text(size: 16pt)[{content(document.subtitle)}]",
        "#v(1.5em)",
        f"#text(size: 11pt)[{content(covering)}]",
        "#v(1fr)",
        f"#text(font: sans, size: 11pt)[{content(document.organisation)}]",
        "]",
        # the colophon, on the back of the title page: where this book comes from
        f"#page({front})[",
        "#v(1fr)",
        "#set text(font: sans, size: 8.5pt)",
        "#set par(justify: false, spacing: 1.1em)",
        f"#par[#strong[{isolated(report_name(document))}] \\ {content(document.subtitle)}]",
        f"#par[{fill(_('Published by %(organisation)s'), content, organisation=isolated(document.organisation))}]"
        if document.organisation
        else "",
        f"#par[{fill(_('This edition online: %(address)s'), content, address=address(document.url))}]"
        if document.url
        else "",
        f"#par[{content(_('Each country entry is also published on its own web page and as a PDF.'))}]",
        f"#par[{made_on(produced)}]",
        "]",
        "#set page(..one-column)",
        f"#outline(title: [{content(_('Contents'))}], depth: 2)",
        "",
    )
    for article in document.articles:
        writer.article(article)
    for index, region in enumerate(document.regions):
        if index == 0:
            writer.add("#set page(..two-columns)")
        name = region.name  # in the edition's language (``reports.languages.in_source_language``)
        writer.part(name, f"region-{region.slug}", lines=[f"#par[#emph[{content(region.teaser)}]]"])
        writer.prose(region.items, f"{name} overview")
        for entry in region.entries:
            writer.entry(entry, document.title)
    if document.glossary:
        if not document.regions:
            writer.add("#set page(..two-columns)")
        writer.part(_("Glossary"), "glossary")
        for item in document.glossary:
            inner = TypstWriter(writer.links, warnings)
            inner.rich(item.definition_html, f"Glossary, “{item.term}”")
            writer.add(f"#block(breakable: false)[#strong[{isolated(item.term)}] \\", *inner.out, "]")
    return "\n".join(writer.out), warnings


@in_its_language
def entry_source(document, entry, produced=None):
    """(Typst source of one country entry, conversion warnings).

    Every page names the organisation, the report, the entry's web address and the day the
    file was made: a page forwarded or printed on its own still says where it came from.
    """
    produced = produced or timezone.localdate()
    warnings = []
    writer = TypstWriter(link_map(document), warnings)
    attribution = source_line(document, entry.url, produced)
    writer.add(preamble(f"{entry.title}: {document.title}", document.organisation, document.language, attribution))
    writer.add(f'#running("part", {string(document.title)})')
    title = f"{isolated(document.title)}{content(': ' + document.subtitle)}"
    masthead = [f"#text(font: sans, fill: luma(80))[{title}]"]
    writer.entry(entry, document.title, level=1, masthead=masthead)
    return "\n".join(writer.out), warnings


def compile_pdf(source):
    return typst.compile(source.encode(), font_paths=[str(FONTS)], ignore_system_fonts=True, pdf_standards=["ua-1"])
