"""A Markdown country entry or article with YAML front matter, for teams that keep drafts in git.

    ---
    country: Country name
    head_of_state: A. Holder (replaced B. Holder in March 2024)
    head_of_government: C. Holder
    summary: One or two sentences on the year.
    reports:
      - {title: Title of a report, index_number: ABC 00/000/2025, url: https://example.org/report}
    visits:
      - Delegates visited in May.
    ---
    # Freedom of expression
    A paragraph, with **bold**, *italic* and [links](https://example.org).
    ## A subheading
    > A case. **The person's name** in bold names the person.

The body follows the same house style as Word (``assembly``): ``#`` a section, ``##`` a
subheading, a blockquote or a paragraph starting "Case:" a case. Articles say ``kind``,
``title``, ``author`` and ``lead`` instead. markdown-it renders the body; raw HTML in it is
parsed and then sanitised like everything else, never passed through.
"""

import re

import yaml
from markdown_it import MarkdownIt

from .assembly import Front, assemble
from .errors import ImportRefused
from .imported import OFFICES, Report, Warning
from .offices import parse_office_line
from .pieces import pieces_of
from .richtext import allowed_html, plain_text
from .uploads import decode_text, read_upload

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
KNOWN_KEYS = {"country", *OFFICES, "summary", "reports", "visits", "kind", "title", "author", "lead"}
LABELS = {office: office.replace("_", " ").capitalize() for office in OFFICES}


def markdown_renderer():
    """CommonMark with tables (so they can be reported as skipped) and raw HTML parsed, for the sanitiser."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def read_markdown(source, *, themes=None, name=""):
    """An ``ImportedEntry`` or ``ImportedArticle`` from Markdown (bytes, text, a path or a binary file)."""
    text = source if isinstance(source, str) and "\n" in source else decode_text(read_upload(source))
    metadata, body, first_line = split_front_matter(text)
    warnings = []
    front = front_of(metadata, warnings)
    pieces = pieces_of(render_with_lines(body, first_line))
    imported = assemble(pieces, source=name, themes=themes, front=front, warnings=warnings, unit="line")
    if hasattr(imported, "reports"):
        imported.reports[:0] = reports_of(metadata.get("reports"), imported.warnings, front.title)
        imported.visits[:0] = [
            plain_text(str(visit)) for visit in as_list(metadata.get("visits")) if str(visit).strip()
        ]
    return imported


def render_with_lines(body, first_line):
    """The body as HTML, each top-level element marked with the file line it starts on (for warnings)."""
    renderer = markdown_renderer()
    tokens = renderer.parse(body)
    for token in tokens:
        if token.level == 0 and token.nesting >= 0 and token.map and token.type != "inline":
            token.attrSet("data-line", str(first_line + token.map[0]))
    return renderer.renderer.render(tokens, renderer.options, {})


def split_front_matter(text):
    """(front matter as a dict, the Markdown body, the body's first line number in the file)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1
    try:
        metadata = yaml.safe_load(match[1] or "") or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" (line {mark.line + 2})" if mark else ""
        raise ImportRefused(f"The front matter between the --- lines is not valid YAML{line}: {error}") from error
    if not isinstance(metadata, dict):
        raise ImportRefused("The front matter between the --- lines must be a list of “key: value” lines.")
    return metadata, text[match.end() :], text[: match.end()].count("\n") + 1


def front_of(metadata, warnings):
    """The front matter as what the house style reads before the first section."""
    title = str(metadata.get("country") or metadata.get("title") or "").strip()
    front = Front(title=title, kind=str(metadata.get("kind") or ""), author=str(metadata.get("author") or ""))
    for key in sorted(set(metadata) - KNOWN_KEYS):
        warnings.append(
            Warning(f"{title or '(untitled)'}, front matter", f"The key “{key}” is not used and was ignored.")
        )
    for office in OFFICES:
        for value in as_list(metadata.get(office)):
            holder = parse_office_line(f"{LABELS[office]}: {value}")
            if holder:
                front.holders.append(holder)
    opening = metadata.get("lead") or metadata.get("summary")
    if opening:
        front.summary.append(allowed_html(markdown_renderer().render(str(opening))))
    return front


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def reports_of(value, warnings, title):
    """Front-matter reports: each a {title, index_number, url} mapping, or just a title."""
    reports = []
    for item in as_list(value):
        if isinstance(item, dict) and item.get("title"):
            url = str(item.get("url") or "")
            if url and not allowed_html(f'<a href="{url}">x</a>').startswith("<a href"):
                warnings.append(
                    Warning(f"{title}, front matter", f"The report address “{url}” is not a web address; dropped.")
                )
                url = ""
            reports.append(
                Report(title=plain_text(str(item["title"])), index_number=str(item.get("index_number") or ""), url=url)
            )
        elif isinstance(item, str) and item.strip():
            reports.append(Report(title=plain_text(item)))
        else:
            warnings.append(Warning(f"{title}, front matter", f"A report without a title was ignored: {item!r}."))
    return reports
