"""Offering the generated files on the downloads page and on each country entry; the mirror's
rebuilds in the scheduler's background turn."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from rapporteur.reports.extensions import FileLink

from .mirror.build import rendering_for_mirror
from .mirror.signing import public_key_line
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


@hooks.register("rapporteur_edition_files")
def mirror_file(edition):
    """The edition's mirror (one ZIP for all its languages), with the key that signs it.

    Left out of the pages a mirror is made from: a mirror cannot contain itself.
    """
    if rendering_for_mirror.get():
        return []
    mirror = (
        GeneratedFile.objects.filter(edition__year=edition.year, edition__live=True, key="mirror", format="zip")
        .select_related("edition__locale")
        .first()
    )
    if mirror is None:
        return []
    with translation.override(mirror.edition.locale.language_code):  # served under its edition's language
        url = reverse("edition_file", args=(mirror.edition.year, mirror.name))
    key = public_key_line(mirror.signing_key)
    return [
        FileLink(
            title=_("%(edition)s: static copy (ZIP)") % {"edition": edition.title},
            url=url,
            format_label=mirror.get_format_display(),
            size=mirror.size,
            updated=mirror.built_at,
            description=_(
                "Every page and file of this edition, to read offline or serve from anywhere; open index.html. "
                "Check it with SHA256SUMS and its Ed25519 signature against our public key: %(key)s"
            )
            % {"key": key},
        )
    ]


@hooks.register("rapporteur_background_work")
def build_requested_mirrors():
    """The scheduler's turn for the static mirrors (after the PDF and EPUB they carry)."""
    from .mirror.jobs import build_requested_mirrors

    return build_requested_mirrors()
