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


def visible_edition_ids():
    return set(reader_visible(EditionPage.objects.all()).values_list("pk", flat=True))


def servable(dataset, visible):
    """True while a reader can see every edition the file holds (``visible``: the ids of the
    editions readers can see). An edition withdrawn since the build must not leak through a
    file made before it was withdrawn."""
    return bool(dataset.file and dataset.editions) and set(dataset.editions) <= visible


def with_urls(datasets):
    for dataset in datasets:
        dataset.url = reverse("dataset_file", args=(dataset.name,))
    return datasets


def servable_files(edition=None, archive=False):
    """The files of one edition (or of the whole archive) a reader may download, with their URLs."""
    files = DatasetFile.objects.filter(edition=None) if archive else DatasetFile.objects.filter(edition=edition)
    visible = visible_edition_ids()
    return with_urls([dataset for dataset in files.order_by("format") if servable(dataset, visible)])


def data_page(request):
    site = Site.find_for_request(request)
    settings = OpenDataSettings.for_site(site)
    organisation = build_organisation(site).name
    visible = visible_edition_ids()  # once for every file on the page, not once a file
    by_edition = {}
    for dataset in DatasetFile.objects.exclude(edition=None).order_by("format"):
        if servable(dataset, visible):
            by_edition.setdefault(dataset.edition_id, []).append(dataset)
    editions = [
        (edition, with_urls(by_edition[edition.pk]))
        for edition in reader_visible(EditionPage.objects.select_related("locale")).order_by(
            "-year", "locale__language_code"
        )
        if edition.pk in by_edition
    ]
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
    if dataset is None or not servable(dataset, visible_edition_ids()):
        raise Http404("No such file.")
    response = FileResponse(dataset.file.open("rb"), content_type=dataset.content_type)
    response["Content-Disposition"] = f'attachment; filename="{dataset.name}"'
    response["Cache-Control"] = "public, max-age=300"
    return response
