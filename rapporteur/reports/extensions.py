"""Places where other apps add to reader pages, without ``reports`` depending on them.

An app registers a Wagtail hook (``rapporteur_edition_files``, ``rapporteur_entry_files``)
returning ``FileLink``s; the downloads page and country entries list what they return.
"""

from dataclasses import dataclass

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
