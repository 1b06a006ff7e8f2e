"""The edition (or one entry) as a print-quality PDF, typeset by Typst.

The document is written as Typst *code*, never markup: every piece of report text goes in
as a string literal (``#"..."``), so no character in the report can be mistaken for Typst
syntax. Headings give the PDF its bookmarks (regions and countries), the contents with page
numbers, and — through invisible markers — the running headers.
"""

from pathlib import Path

import typst
from django.utils.dateformat import format as format_date

from rapporteur.reports.bidi import balanced

from . import richtext
from .links import LinkMap

FONTS = Path(__file__).resolve().parent / "fonts"

PREAMBLE = r"""
#set document(title: TITLE, author: AUTHOR)
#set text(font: ("Noto Serif", "Noto Naskh Arabic"), size: 10pt, lang: LANG, hyphenate: true)
#set par(justify: true, leading: 0.62em, spacing: 0.9em)
#show heading: set text(font: "Noto Sans", weight: "bold")
#show heading.where(level: 1): it => { v(1.5em); text(size: 20pt, it); v(0.6em) }
#show heading.where(level: 2): set text(size: 14pt)
#show heading.where(level: 3): set text(size: 11.5pt)
#show link: set text(fill: rgb("#0b4f85"))
#let running(kind, name) = [#metadata((kind: kind, name: name)) <running>]
#set page(
  paper: "a4",
  margin: (inside: 2.4cm, outside: 2cm, top: 2.6cm, bottom: 2.4cm),
  header: context {
    let here-page = here().page()
    let part = none
    let country = none
    for marker in query(<running>) {
      if marker.location().page() > here-page { break }
      if marker.value.kind == "part" { part = marker.value.name; country = none }
      else { country = marker.value.name }
    }
    if part != none {
      set text(size: 8.5pt, fill: luma(90), font: "Noto Sans")
      grid(columns: (1fr, 1fr), align(left, part), align(right, if country != none { country }))
      line(length: 100%, stroke: 0.4pt + luma(160))
    }
  },
  footer: context {
    if counter(page).get().first() > 1 {
      set text(size: 8.5pt, font: "Noto Sans")
      align(center, counter(page).display())
    }
  },
)
#let case-block(body) = block(inset: (left: 0.9em, y: 0.2em), stroke: (left: 1.5pt + luma(170)), width: 100%, body)
#let office(label, body) = [#text(fill: luma(80), label) #body \ ]
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

    def entry(self, entry, edition_title, level=2):
        where = f"{entry.title} ({edition_title})"
        self.heading(level, entry.title, label=entry_label(entry))
        self.add(f'#running("country", {string(entry.country_name)})', "")
        for holder in entry.office_holders:
            name = isolated(holder.name)
            replaced = (
                f"{content(' (replaced ')}{isolated(holder.replaced)}{content(f' in {holder.replaced_month})')}"
                if holder.replaced
                else ""
            )
            self.add(f"#office({string(holder.office_label)}, [#strong[{name}]{replaced}])")
        self.add("")
        self.rich(entry.summary_html, f"{where}, summary")
        for section in entry.sections:
            self.heading(level + 1, section.heading, outlined=False)
            for block in section.blocks:
                if block.kind == "case":
                    inner = TypstWriter(self.links, self.warnings)
                    inner.rich(block.html, f"{where}, case in “{section.heading}”")
                    self.add("#case-block[", *inner.out, "]", "")
                else:
                    self.rich(block.html, f"{where}, “{section.heading}”")
        if entry.related_reports:
            self.heading(level + 1, "Country reports", outlined=False)
            items = ", ".join(
                f"[#link({string(self.links.resolve(r.url)[1] or r.url)})[{content(r.title)}]]"
                for r in entry.related_reports
            )
            self.add(f"#list({items})", "")
        if entry.visits:
            self.heading(level + 1, "Country visits", outlined=False)
            self.add("#list(" + ", ".join(f"[{content(v.description)}]" for v in entry.visits) + ")", "")
        if entry.corrections:
            self.heading(level + 1, "Corrections", outlined=False)
            items = ", ".join(
                f"[{content(format_date(c.corrected_on, 'j F Y') + ': ' + c.text)}]" for c in entry.corrections
            )
            self.add(f"#list({items})", "")

    def article(self, article):
        self.heading(1, article.title, label=f"article-{article.kind}", new_page=True)
        self.add(f'#running("part", {string(article.label)})', "")
        if article.author:
            self.add(f'#text(style: "italic")[{content("By ")}{isolated(article.author)}]', "")
        self.add(f"#par[#text(size: 11.5pt)[{content(article.lead)}]]", "")
        self.prose(article.items, article.title)


def entry_label(entry):
    return f"entry-{entry.iso_code.lower()}"


def link_map(document):
    targets = {entry.url: entry_label(entry) for entry in document.entries if entry.url}
    targets.update({region.url: f"region-{region.slug}" for region in document.regions if region.url})
    targets.update({article.url: f"article-{article.kind}" for article in document.articles if article.url})
    return LinkMap(targets)


def preamble(title, author, language):
    return (
        PREAMBLE.replace("TITLE", string(title))
        .replace("AUTHOR", string(author or title))
        .replace("LANG", string(language))
    )


def edition_source(document):
    """(Typst source of the whole edition, conversion warnings)."""
    warnings = []
    writer = TypstWriter(link_map(document), warnings)
    writer.add(preamble(document.title, document.organisation, document.language))
    writer.add(
        "#page(header: none, footer: none)[",
        "#v(28%)",
        f'#text(font: "Noto Sans", size: 30pt, weight: "bold")[{content(document.title)}]',
        "#v(0.4em)",
        f"#text(size: 16pt)[{content(document.subtitle)}]",
        "#v(1.5em)",
        f"#text(size: 11pt)[{content(f'Covering events from January to December {document.covers_year}')}]",
        "#v(1fr)",
        f'#text(font: "Noto Sans", size: 11pt)[{content(document.organisation)}]',
        "]",
        "#outline(title: [Contents], depth: 2)",
        "",
    )
    for article in document.articles:
        writer.article(article)
    for region in document.regions:
        writer.heading(1, region.name, label=f"region-{region.slug}", new_page=True)
        writer.add(f'#running("part", {string(region.name)})', "")
        writer.add(f"#par[#emph[{content(region.teaser)}]]", "")
        writer.prose(region.items, f"{region.name} overview")
        for entry in region.entries:
            writer.entry(entry, document.title)
    if document.glossary:
        writer.heading(1, "Glossary", label="glossary", new_page=True)
        writer.add('#running("part", "Glossary")', "")
        for item in document.glossary:
            inner = TypstWriter(writer.links, warnings)
            inner.rich(item.definition_html, f"Glossary, “{item.term}”")
            writer.add(f"#block(breakable: false)[#strong[{isolated(item.term)}] \\", *inner.out, "]")
    return "\n".join(writer.out), warnings


def entry_source(document, entry):
    """(Typst source of one country entry, conversion warnings)."""
    warnings = []
    writer = TypstWriter(link_map(document), warnings)
    writer.add(preamble(f"{entry.title}: {document.title}", document.organisation, document.language))
    writer.add(f'#running("part", {string(document.title)})')
    title = f"{isolated(document.title)}{content(': ' + document.subtitle)}"
    writer.add(f'#text(font: "Noto Sans", fill: luma(80))[{title}]', "")
    writer.entry(entry, document.title, level=1)
    return "\n".join(writer.out), warnings


def compile_pdf(source):
    return typst.compile(source.encode(), font_paths=[str(FONTS)], ignore_system_fonts=True, pdf_standards=["ua-1"])
