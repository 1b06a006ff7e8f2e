"""The admin's Import page, as a report team uses it: upload, preview, choose themes, confirm.

Files are built on the fly (the generated sample entry, and entries in our own placeholder
wording); the whole path runs through the Django test client against the real database.
"""

import io
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from rapporteur.importers.jobs import process_pending_imports
from rapporteur.importers.models import ImportJob
from rapporteur.importers.sample import sample_entry
from rapporteur.importers.word import read_docx
from rapporteur.reports.models import CountryEntryPage, Theme
from tests.importers.docx_files import new_document, to_bytes
from tests.support.helpers import soup

pytestmark = pytest.mark.django_db

IMPORT = "/admin/import/"
UNKNOWN = "Constitutional reform"  # the sample's heading that is not a demo theme
MAPPED_TO = "Legal and constitutional developments"


def upload(client, name, data, edition="2013", region="", **extra):
    return client.post(
        IMPORT, {"file": SimpleUploadedFile(name, data), "edition": edition, "region": region, **extra}, follow=True
    )


def only_job():
    return ImportJob.objects.get()


def iceland():
    return CountryEntryPage.objects.filter(
        country__iso_code="IS", url_path__startswith="/home/2013/", locale__language_code="en"
    ).first()


def placeholder_entry(country):
    """A short entry in our own placeholder words, under a theme heading."""
    document = new_document(country)
    document.add_paragraph("Head of state: A. Placeholder")
    document.add_paragraph("A placeholder summary for an import test.")
    document.add_heading("Unfair trials", level=1)
    document.add_paragraph("A placeholder paragraph.")
    return to_bytes(document)


def a_zip(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_upload_preview_map_a_heading_confirm_gives_a_draft_with_that_theme(signed_in, client):
    publisher = signed_in("publisher")
    page = soup(publisher.get(IMPORT))
    assert page.select_one("[data-import-form]") is not None

    response = upload(publisher, "iceland.docx", sample_entry())
    job = only_job()
    assert job.status == ImportJob.Status.READY  # a small .docx is read at once
    html = soup(response)
    entry = html.select_one('[data-entry="Iceland"]')
    assert entry["data-action"] == "create"
    assert "Europe and Central Asia" in entry.h3.text
    themes = {row.td.text: row.find_all("td")[1].text for row in entry.select("[data-sections] tbody tr")}
    assert themes["Discrimination"] == "Discrimination"
    assert themes[UNKNOWN].startswith("no theme")
    assert f"“{UNKNOWN}” is not a theme" in entry.select_one("[data-warnings]").text  # next to its entry
    choice = html.select_one(f'[data-unknown-heading="{UNKNOWN}"]')
    assert MAPPED_TO in choice.text  # the closest theme is offered
    assert iceland() is None  # the preview wrote nothing

    response = publisher.post(
        reverse("rapporteur_import_confirm", args=[job.pk]), {"heading-0": MAPPED_TO}, follow=True
    )
    page = iceland()
    assert page is not None and not page.live
    sections = {
        block.value["heading"] or block.value["theme"].name: block.value["theme"]
        for block in page.get_latest_revision_as_object().body
    }
    assert sections[UNKNOWN].name == MAPPED_TO
    assert sections["Discrimination"].name == "Discrimination"
    link = soup(response).select_one('[data-import-result] [data-draft="Iceland"]')
    assert link["href"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert PageLogEntry.objects.filter(page=page, action="rapporteur.import").count() == 1
    assert client.get("/en/2013/europe-and-central-asia/iceland/").status_code == 404  # nothing published

    # the same file again, with the same choice: nothing changes
    revisions = page.revisions.count()
    upload(publisher, "iceland.docx", sample_entry())
    second = ImportJob.objects.exclude(pk=job.pk).get()
    publisher.post(reverse("rapporteur_import_confirm", args=[second.pk]), {"heading-0": MAPPED_TO})
    second.refresh_from_db()
    assert second.result["counts"]["unchanged"] == 1 and second.result["pages"] == []
    assert page.revisions.count() == revisions


def test_a_publisher_may_create_a_theme_from_a_heading(signed_in):
    publisher = signed_in("publisher")
    upload(publisher, "iceland.docx", sample_entry())
    publisher.post(reverse("rapporteur_import_confirm", args=[only_job().pk]), {"heading-0": "+"})
    theme = Theme.objects.get(name=UNKNOWN)
    body = iceland().get_latest_revision_as_object().body
    assert [block.value["theme"] for block in body][0] == theme


def test_a_researcher_imports_only_into_their_own_region(signed_in):
    researcher = signed_in("researcher_africa")
    response = upload(researcher, "iceland.docx", sample_entry(), region="europe-and-central-asia")
    assert "You may import only into your own region(s) (Africa)" in response.content.decode()
    response = upload(researcher, "iceland.docx", sample_entry(), region="")
    assert "only a publisher imports whole editions" in response.content.decode()
    assert not ImportJob.objects.exists()
    form = soup(researcher.get(IMPORT)).select_one("[data-import-form]")
    assert [option["value"] for option in form.select("select[name=region] option")] == ["africa"]
    assert "+" not in {
        o["value"] for o in soup(upload(researcher, "iceland.docx", sample_entry(), region="africa")).select("option")
    }


def test_a_bad_file_is_refused_with_its_reason_and_nothing_is_written(signed_in):
    publisher = signed_in("publisher")
    pages, logs = CountryEntryPage.objects.count(), PageLogEntry.objects.filter(action="rapporteur.import").count()
    response = upload(publisher, "entry.docx", b"%PDF-1.4 a renamed PDF")
    job = only_job()
    assert job.status == ImportJob.Status.REFUSED
    error = soup(response).select_one("[data-import-error]").text
    assert "not a Word .docx file (it looks like a PDF)" in error and "Nothing was written" in error
    assert soup(response).select_one("[data-confirm-form]") is None
    response = upload(publisher, "entry.exe", b"MZ")
    assert "An import reads" in response.content.decode() and ImportJob.objects.count() == 1
    assert CountryEntryPage.objects.count() == pages
    assert PageLogEntry.objects.filter(action="rapporteur.import").count() == logs


def test_a_zip_is_read_and_written_in_the_background_by_the_scheduler(signed_in, settings):
    settings.RAPPORTEUR_IMPORT_AT_ONCE_ENTRIES = 0  # even two entries are written in the background
    publisher = signed_in("publisher")
    data = a_zip({"iceland.docx": sample_entry(), "norway.docx": placeholder_entry("Norway")})
    response = upload(publisher, "entries.zip", data)
    job = only_job()
    assert job.status == ImportJob.Status.PENDING
    assert soup(response).select_one('meta[http-equiv="refresh"]') is not None  # the page follows the job
    assert "waiting for the background process" in soup(response).select_one("[data-job-status]").text

    assert process_pending_imports() == [job]
    job.refresh_from_db()
    assert job.status == ImportJob.Status.READY
    assert (job.progress_done, job.progress_total) == (2, 2)
    assert job.preview["counts"]["create"] == 2

    publisher.post(reverse("rapporteur_import_confirm", args=[job.pk]), {"heading-0": ""})
    job.refresh_from_db()
    assert job.status == ImportJob.Status.QUEUED and iceland() is None
    process_pending_imports()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert sorted(page["country"] for page in job.result["pages"]) == ["Iceland", "Norway"]
    body = iceland().get_latest_revision_as_object().body
    assert body[0].value["theme"] is None and body[0].value["heading"] == UNKNOWN  # left without a theme


def test_uploads_are_stored_privately(signed_in, client):
    publisher = signed_in("publisher")
    upload(publisher, "iceland.docx", sample_entry())
    job = only_job()
    assert job.file.path.startswith(str(settings.RAPPORTEUR_IMPORT_ROOT))
    assert not job.file.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        job.file.url  # noqa: B018 — the storage has no public address
    assert client.get(settings.MEDIA_URL + job.file.name).status_code == 404


def test_only_the_uploader_or_an_administrator_sees_a_job(signed_in):
    upload(signed_in("publisher"), "iceland.docx", sample_entry())
    job = only_job()
    url = reverse("rapporteur_import_job", args=[job.pk])
    other = signed_in("researcher_asia")
    assert other.get(url, follow=True).status_code == 404  # as if there were no such job
    assert other.post(reverse("rapporteur_import_confirm", args=[job.pk]), follow=True).status_code == 404
    assert "iceland.docx" not in other.get(IMPORT).content.decode()
    assert signed_in("administrator").get(url).status_code == 200
    assert iceland() is None


def test_the_import_menu_and_page_are_for_those_who_add_entries(signed_in):
    refused = signed_in("legal").get(IMPORT)  # Wagtail sends a refused person back to the dashboard
    assert refused.status_code == 302 and refused.url == "/admin/"
    assert "/admin/import/" not in signed_in("legal").get("/admin/").content.decode()
    assert "/admin/import/" in signed_in("researcher_africa").get("/admin/").content.decode()


def test_the_template_and_the_sample_are_offered_for_download(signed_in):
    publisher = signed_in("publisher")
    links = {a["data-download"]: a["href"] for a in soup(publisher.get(IMPORT)).select("[data-download]")}
    sample = publisher.get(links["sample"])
    assert sample["Content-Type"].startswith("application/vnd.openxmlformats")
    assert read_docx(sample.content, name="sample.docx").iso_code == "IS"
    template = publisher.get(links["template"])
    assert "house-style-template.docx" in template["Content-Disposition"]


def test_an_article_is_previewed_and_confirmed_as_a_draft(signed_in):
    from rapporteur.reports.models import ArticlePage, EditionPage

    essay = b"""---
kind: essay
title: A placeholder essay for the import page
---
The lead of a placeholder essay.

# A headed part

A placeholder paragraph.
"""
    publisher = signed_in("publisher")
    html = soup(upload(publisher, "essay.md", essay))
    article = html.select_one("[data-articles] li")
    assert article["data-action"] in ("create", "update")
    assert "A placeholder essay for the import page" in article.text
    publisher.post(reverse("rapporteur_import_confirm", args=[only_job().pk]), {})
    edition = EditionPage.objects.get(year=2013, locale__language_code="en")
    page = ArticlePage.objects.child_of(edition).get(kind="essay")
    job = only_job()
    assert job.result["counts"][article["data-action"]] == 1, job.result
    assert page.get_latest_revision_as_object().title == "A placeholder essay for the import page"


def test_an_import_interrupted_by_a_stopped_scheduler_waits_again_then_gives_up(signed_in, settings):
    settings.RAPPORTEUR_IMPORT_AT_ONCE_ENTRIES = 0
    publisher = signed_in("publisher")
    upload(publisher, "entries.zip", a_zip({"iceland.docx": sample_entry()}))
    job = only_job()
    hours_ago = timezone.now() - timezone.timedelta(hours=2)
    # the scheduler was stopped while it was writing: the transaction rolled back, the job looks busy
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.WRITING, started_at=hours_ago, attempts=1)
    assert process_pending_imports() == [job]  # waits again, and is written
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.attempts == 2 and iceland() is not None

    # a file that keeps stopping the process fails with a message after three starts
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.READING, started_at=hours_ago, attempts=3)
    assert process_pending_imports() == []
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and "stopped 3 times" in job.error


def test_an_import_at_work_is_left_alone(signed_in, settings):
    publisher = signed_in("publisher")
    upload(publisher, "entries.zip", a_zip({"iceland.docx": sample_entry()}))
    job = only_job()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.READING, started_at=timezone.now())
    assert process_pending_imports() == []
    job.refresh_from_db()
    assert job.status == ImportJob.Status.READING
