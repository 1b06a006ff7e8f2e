""" "Cite this entry": how to cite a country entry or one of its sections, three ways.

A lawyer pastes a line into a brief, a researcher imports a reference into Zotero or a
bibliography: the same facts — organisation, report, year, entry (and section), the address
with its anchor, the day it was read — as a plain line, as BibTeX and as CSL-JSON. Shown on
every entry and section (a ``<details>``: no script needed), and served at stable addresses
named by the open-data identifiers (``/en/cite/2013-KZ.bib``,
``/en/cite/2013-KZ-torture-and-other-ill-treatment.json``), which never change when a slug does.

Only what readers can see is cited: the files answer 404 for an entry of an edition under
embargo, a draft, a private or withdrawn entry, exactly as its page would.

Editor strings (organisation, titles, headings) may carry direction controls; in the HTML
they are isolated in ``<bdi>``, everywhere else (BibTeX, JSON, the plain line) their controls
are closed where they end (``reports.bidi.balanced``).
"""

import datetime
import json
import re
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.html import conditional_escape, format_html
from django.utils.text import slugify
from django.utils.translation import gettext, pgettext

from rapporteur.reports.bidi import balanced
from rapporteur.reports.cache import cached
from rapporteur.reports.chrome import edition_chrome, organisation_for_request
from rapporteur.reports.document import entry_document
from rapporteur.reports.extensions import EntryAddons
from rapporteur.reports.frame import edition_id_for
from rapporteur.reports.models import CountryEntryPage, EditionPage
from rapporteur.reports.visibility import reader_visible

from .identifiers import entry_id, parse_entry_id, parse_section_id, section_id

# -- the citation ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CitedReport:
    """The edition being cited from, as its cover names it."""

    organisation: str
    title: str  # "Annual Report 2013"
    subtitle: str  # "The state of the world's human rights"
    year: int
    covers_year: int
    language: str

    @property
    def full_title(self):
        return f"{self.title}: {self.subtitle}" if self.subtitle else self.title


@dataclass(frozen=True)
class Citation:
    identifier: str
    report: CitedReport
    entry_title: str  # the country, as the entry's title gives it
    section_heading: str  # "" when the whole entry is cited
    url: str  # absolute, with the section's anchor
    accessed: datetime.date

    @property
    def title(self):
        if self.section_heading:
            return f"{balanced(self.entry_title)}: {balanced(self.section_heading)}"
        return balanced(self.entry_title)

    @property
    def accessed_text(self):
        return format_date(self.accessed, "j F Y")

    @staticmethod
    def line():
        """The citation's words in the active language, with ``%(name)s`` where its parts go."""
        return pgettext(
            "citation line", "%(organisation)s, “%(title)s”, in %(report)s, %(year)s, %(url)s (accessed %(accessed)s)."
        )

    @property
    def text(self):
        """The plain line: organisation, report title, year, entry (and section), URL, date accessed."""
        report = self.report
        return self.line() % {
            "organisation": balanced(report.organisation),
            "title": self.title,
            "report": balanced(report.full_title),
            "year": report.year,
            "url": self.url,
            "accessed": self.accessed_text,
        }

    @property
    def html(self):
        """The same line for the page: editor strings isolated, the report's title as a title."""
        report = self.report
        heading = format_html(": <bdi>{}</bdi>", self.section_heading) if self.section_heading else ""
        # The same words as the plain line; only the editor strings get markup.
        return format_html(
            conditional_escape(self.line())
            .replace("{", "{{")
            .replace("}", "}}")
            .replace("%(organisation)s", "<bdi>{organisation}</bdi>")
            .replace("%(title)s", "<bdi>{title}</bdi>{heading}")
            .replace("%(report)s", "<cite><bdi>{report}</bdi></cite>")
            .replace("%(year)s", "{year}")
            .replace("%(url)s", "{url}")
            .replace("%(accessed)s", "{accessed}"),
            organisation=report.organisation,
            title=self.entry_title,
            heading=heading,
            report=report.full_title,
            year=report.year,
            url=self.url,
            accessed=self.accessed_text,
        )

    @property
    def bibtex_key(self):
        organisation = slugify(balanced(self.report.organisation)).replace("-", "")
        return f"{organisation or 'report'}-{self.identifier}"

    @property
    def bibtex(self):
        report = self.report
        fields = [
            ("author", "{" + bibtex_text(report.organisation) + "}"),  # braced twice: a body, not a person
            ("title", "{" + bibtex_text(self.title) + "}"),  # braced twice: styles must not lower-case names
            ("booktitle", bibtex_text(report.full_title)),
            ("publisher", bibtex_text(report.organisation)),
            ("year", str(report.year)),
            ("url", bibtex_url(self.url)),
            ("urldate", self.accessed.isoformat()),
            ("language", report.language),
            (
                "note",
                bibtex_text(
                    gettext("Covers events of %(year)s. Accessed %(accessed)s")
                    % {"year": report.covers_year, "accessed": self.accessed_text}
                ),
            ),
        ]
        body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
        return f"@incollection{{{self.bibtex_key},\n{body}}}\n"

    @property
    def csl(self):
        """One CSL-JSON item (citeproc, Zotero, pandoc): ``id`` and ``type`` are all CSL requires."""
        report = self.report
        organisation = balanced(report.organisation)
        return {
            "id": self.identifier,
            "type": "chapter",
            "title": self.title,
            "container-title": balanced(report.full_title),
            "author": [{"literal": organisation}],
            "publisher": organisation,
            "issued": {"date-parts": [[report.year]]},
            "accessed": {"date-parts": [[self.accessed.year, self.accessed.month, self.accessed.day]]},
            "URL": self.url,
            "language": report.language,
            "note": gettext("Covers events of %(year)s.") % {"year": report.covers_year},
        }

    @property
    def csl_json(self):
        """A CSL-JSON file is a list of items, even for one; one field a line, so people can read it."""
        fields = ",\n".join(
            f"    {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}" for name, value in self.csl.items()
        )
        return f"[\n  {{\n{fields}\n  }}\n]"


BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_text(text):
    """Editor text inside a braced BibTeX field: LaTeX's special characters escaped, braces balanced,
    direction controls closed."""
    return "".join(BIBTEX_SPECIAL.get(char, char) for char in " ".join(balanced(str(text)).split()))


def bibtex_url(url):
    """A URL field is read verbatim by biblatex; only a brace or a space could break the entry."""
    return re.sub(r"[{}\s]", lambda match: f"%{ord(match.group()):02X}", url)


# -- citing what a page shows ------------------------------------------------------------------


def cited_report(edition, organisation):
    return CitedReport(
        organisation=organisation.name if organisation else "Rapporteur",
        title=edition.title,
        subtitle=edition.subtitle,
        year=edition.year,
        covers_year=edition.covers_year,
        language=edition.locale.language_code,
    )


def citations_of(request, report, entry):
    """The entry's citation, then one per section (keyed by anchor)."""
    accessed = timezone.localdate()
    page_url = request.build_absolute_uri(entry.url)
    whole = Citation(
        identifier=entry_id(report.year, entry.iso_code),
        report=report,
        entry_title=entry.title,
        section_heading="",
        url=page_url,
        accessed=accessed,
    )
    sections = {
        section.anchor: Citation(
            identifier=section_id(report.year, entry.iso_code, section.anchor),
            report=report,
            entry_title=entry.title,
            section_heading=section.heading,
            url=f"{page_url}#{section.anchor}",
            accessed=accessed,
        )
        for section in entry.sections
    }
    return whole, sections


def disclosure(citation, label, context="", show_csl=True):
    """The ``<details>`` on the page. A section's shows the line and BibTeX and offers its CSL-JSON as
    a file only: printed for every section, the JSON weighed a sixth of the entry page."""
    return render_to_string(
        "opendata/cite.html",
        {
            "citation": citation,
            "label": label,
            "context": context,
            "show_csl": show_csl,
            "bib_url": reverse("opendata_citation", args=(citation.identifier, "bib")),
            "json_url": reverse("opendata_citation", args=(citation.identifier, "json")),
        },
    )


def entry_citation_addons(request, page, entry):
    """ "Cite this entry" under the entry's title and "Cite this section" at the end of each section."""
    edition_id = edition_id_for(page)
    if request is None or edition_id is None or not entry.url:
        return EntryAddons()
    if getattr(request, "is_preview", False):
        return build_citation_addons(request, edition_id, entry)  # a draft's headings are not cached
    # The boxes name the host, the language and today's date, and are the same for every reader
    # who shares them: cached with the content generation they cost about a seventh of the render.
    return cached(
        "entry-citations",
        page.pk,
        request.scheme,
        request.get_host(),
        translation.get_language() or "",
        timezone.localdate().isoformat(),
        build=lambda: build_citation_addons(request, edition_id, entry),
    )


def build_citation_addons(request, edition_id, entry):
    chrome = edition_chrome(edition_id)  # cached, and already read by the page's frame: no query
    organisation = organisation_for_request(request)
    report = CitedReport(
        organisation=organisation.name if organisation else "Rapporteur",
        title=chrome.title,
        subtitle=chrome.subtitle,
        year=chrome.year,
        covers_year=chrome.covers_year,
        language=translation.get_language() or "",
    )
    whole, sections = citations_of(request, report, entry)
    return EntryAddons(
        header_html=disclosure(whole, gettext("Cite this entry")),
        section_html={
            anchor: disclosure(citation, gettext("Cite this section"), citation.section_heading, show_csl=False)
            for anchor, citation in sections.items()
        },
    )


# -- the files ---------------------------------------------------------------------------------

FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", lambda citation: citation.bibtex),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", lambda citation: citation.csl_json + "\n"),
}


def citation_for(request, identifier):
    """The citation an identifier names, if readers can see what it names; else 404."""
    named = parse_entry_id(identifier) or parse_section_id(identifier)
    if named is None:
        raise Http404("Not a citation identifier.")
    year, iso_code, anchor = named.year, named.iso_code, getattr(named, "anchor", None)
    if identifier != (section_id(year, iso_code, anchor) if anchor else entry_id(year, iso_code)):
        raise Http404("Not a citation identifier.")  # one address per citation: the ISO code in capitals
    language = translation.get_language()
    edition = reader_visible(EditionPage.objects.filter(year=year, locale__language_code=language)).first()
    if edition is None:
        raise Http404("No such entry.")
    page = (
        reader_visible(CountryEntryPage.objects.descendant_of(edition))
        .filter(country__iso_code=iso_code, locale__language_code=language)
        .first()
    )
    if page is None:
        raise Http404("No such entry.")
    entry = entry_document(page)
    whole, sections = citations_of(request, cited_report(edition, organisation_for_request(request)), entry)
    if anchor is None:
        return whole
    if anchor not in sections:
        raise Http404("No such section.")
    return sections[anchor]


def citation_file(request, identifier, format):
    if format not in FORMATS:
        raise Http404("No such format.")
    citation = citation_for(request, identifier)
    content_type, render = FORMATS[format]
    response = HttpResponse(render(citation), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{citation.identifier}.{format}"'
    return response
