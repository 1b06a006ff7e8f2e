"""Open data on reader pages: dataset files on the Downloads page, the data page in the sitemap,
citations on entries (``reports.extensions``), and the datasets' turn in the scheduler."""

from django.urls import reverse
from wagtail import hooks

from rapporteur.reports.extensions import FileLink

from .citation import entry_citation_addons
from .datasets.views import servable_files

hooks.register("rapporteur_entry_addons", entry_citation_addons)


@hooks.register("rapporteur_edition_files")
def edition_dataset_files(edition):
    return [
        FileLink(
            title=f"{edition.title}: data ({dataset.get_format_display()})",
            url=dataset.url,
            format_label=dataset.get_format_display(),
            size=dataset.size,
            updated=dataset.built_at,
            description="Entries, sections, cases and data-box facts as tables; see the open data page.",
        )
        for dataset in servable_files(edition)
    ]


@hooks.register("rapporteur_sitemap_urls")
def data_page_in_sitemap():
    yield reverse("open_data"), None


@hooks.register("rapporteur_background_work")
def build_requested_datasets():
    """The scheduler's turn for the datasets: rebuild them if published content changed."""
    from .datasets.build import build_requested

    written = build_requested()
    return [f"Made {len(written)} dataset files."] if written else []
