"""Places where other apps add to reader pages, without ``reports`` depending on them.

An app registers a Wagtail hook (``rapporteur_edition_files``, ``rapporteur_entry_files``)
returning ``FileLink``s; the downloads page and country entries list what they return.
A hook ``rapporteur_entry_addons`` returns ``EntryAddons``: HTML set under an entry's title and
at the end of each of its sections (open data's "Cite this entry").
"""

from dataclasses import dataclass, field

from django.utils.safestring import mark_safe
from wagtail import hooks

from .cache import cached


@dataclass(frozen=True)
class FileLink:
    title: str
    url: str
    format_label: str
    size: int
    updated: object
    description: str = ""


def edition_file_links(edition):
    return [link for hook in hooks.get_hooks("rapporteur_edition_files") for link in hook(edition)]


def entry_file_links(entry):
    """Files offered on a country entry (cached with the content generation: the entry page is hot)."""
    return cached(
        "entry-files",
        entry.pk,
        build=lambda: [link for hook in hooks.get_hooks("rapporteur_entry_files") for link in hook(entry)],
    )


@dataclass(frozen=True)
class EntryAddons:
    """HTML another app adds to a country entry: under its title, and per section (by anchor)."""

    header_html: str = ""
    section_html: dict = field(default_factory=dict)

    def for_section(self, anchor):
        return self.section_html.get(anchor, "")


def entry_addons(request, page, entry):
    """Every app's additions to an entry, for this request (they may name the reader's date or host)."""
    header, sections = [], {}
    for hook in hooks.get_hooks("rapporteur_entry_addons"):
        addons = hook(request, page, entry)
        header.append(addons.header_html)
        for anchor, html in addons.section_html.items():
            sections[anchor] = sections.get(anchor, "") + html
    # Each hook's HTML comes from its own template, escaped there.
    return EntryAddons(mark_safe("".join(header)), {anchor: mark_safe(html) for anchor, html in sections.items()})
