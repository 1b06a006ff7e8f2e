"""Serving generated files: only while their edition (and entry) can be read."""

from django.http import FileResponse, Http404
from django.utils import translation

from rapporteur.reports.models import CountryEntryPage, EditionPage
from rapporteur.reports.visibility import reader_visible

from .models import GeneratedFile


def edition_file(request, year, name):
    edition = reader_visible(
        EditionPage.objects.filter(year=year, locale__language_code=translation.get_language())
    ).first()
    if edition is None:
        raise Http404("No such file.")
    generated = GeneratedFile.objects.filter(edition=edition, name=name).first()
    if generated is None or not generated.file:
        raise Http404("No such file.")
    if generated.entry_id and not reader_visible(CountryEntryPage.objects.filter(pk=generated.entry_id)).exists():
        raise Http404("No such file.")
    response = FileResponse(generated.file.open("rb"), content_type=generated.content_type)
    response["Content-Disposition"] = f'inline; filename="{generated.name}"'
    response["Cache-Control"] = "public, max-age=300"
    return response
