"""Offering the generated files on the downloads page and on each country entry."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from rapporteur.reports.extensions import FileLink

from .models import GeneratedFile


def link(generated, title, description=""):
    return FileLink(
        title=title,
        url=reverse("edition_file", args=(generated.edition.year, generated.name)),
        format_label=generated.get_format_display(),
        size=generated.size,
        updated=generated.built_at,
        description=description,
    )


@hooks.register("rapporteur_edition_files")
def edition_files(edition):
    files = (
        GeneratedFile.objects.filter(edition=edition, key="edition").select_related("edition").order_by("-format")
    )  # PDF first
    return [
        link(
            f,
            f"{edition.title} ({f.get_format_display()})",
            _("The whole edition, to print or cite by page")
            if f.format == "pdf"
            else _("The whole edition, for e-readers"),
        )
        for f in files
    ]


@hooks.register("rapporteur_entry_files")
def entry_files(entry):
    files = GeneratedFile.objects.filter(entry=entry, format="pdf").select_related("edition")
    return [link(f, _("Download this entry (PDF)")) for f in files]
