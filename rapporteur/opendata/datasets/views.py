"""The /en/data/ page and the dataset files, served only while every edition they hold can be read."""

from django.http import FileResponse, Http404
from django.urls import reverse
from wagtail.models import Site

from rapporteur.reports.chrome import build_organisation
from rapporteur.reports.models import EditionPage
from rapporteur.reports.rendering import render_reader
from rapporteur.reports.visibility import reader_visible

from ..models import DatasetFile, OpenDataSettings
from .schema import TABLES


def servable(dataset):
    """True while a reader can see every edition the file holds (an edition withdrawn since the
    build must not leak through a file made before it was withdrawn)."""
    if not dataset.file or not dataset.editions:
        return False
    visible = reader_visible(EditionPage.objects.filter(pk__in=dataset.editions)).count()
    return visible == len(set(dataset.editions))


def servable_files(edition=None, archive=False):
    files = DatasetFile.objects.filter(edition=None) if archive else DatasetFile.objects.filter(edition=edition)
    found = [dataset for dataset in files.order_by("format") if servable(dataset)]
    for dataset in found:
        dataset.url = reverse("dataset_file", args=(dataset.name,))
    return found


def data_page(request):
    site = Site.find_for_request(request)
    settings = OpenDataSettings.for_site(site)
    organisation = build_organisation(site).name
    editions = []
    for edition in reader_visible(EditionPage.objects.all()).order_by("-year"):
        files = servable_files(edition)
        if files:
            editions.append((edition, files))
    return render_reader(
        request,
        "opendata/data_page.html",
        {
            "page_title": "Open data",
            "page_description": "Every published edition as open data: a Data Package of CSV tables, a "
            "spreadsheet, JSON Lines and an SQLite database of the whole archive.",
            "archive_files": servable_files(archive=True),
            "editions": editions,
            "tables": TABLES,
            "settings": settings,
            "organisation": organisation,
        },
    )


def dataset_file(request, name):
    dataset = DatasetFile.objects.filter(name=name).first()
    if dataset is None or not servable(dataset):
        raise Http404("No such file.")
    response = FileResponse(dataset.file.open("rb"), content_type=dataset.content_type)
    response["Content-Disposition"] = f'attachment; filename="{dataset.name}"'
    response["Cache-Control"] = "public, max-age=300"
    return response
