"""Every uploaded and generated file goes through ``STORAGES``, so several app servers can share
them: with a storage that has no local paths (as a bucket has none), the PDF and the datasets are
built and served, and an uploaded import file is read; the storage is chosen by environment."""

import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, storages
from django.db.models.fields.files import FieldFile
from django.urls import reverse

from rapporteur.importers.jobs import local_path
from rapporteur.importers.models import ImportJob
from rapporteur.importers.reading import read_paths
from rapporteur.importers.sample import sample_entry
from rapporteur.opendata.datasets.build import build_all
from rapporteur.opendata.models import DatasetFile
from rapporteur.publishing.builds import build_edition
from rapporteur.publishing.models import GeneratedFile
from rapporteur.settings.base import storage_from_env


class BucketLikeStorage(InMemoryStorage):
    """Django's in-memory storage, without the local paths object storage (S3 and the like) lacks."""

    def path(self, name):
        raise NotImplementedError("This backend doesn't support absolute paths.")

    def _relative_path(self, name):  # how the in-memory storage files things inside itself
        return os.path.relpath(super().path(name), self.location)


PATHLESS = {
    "default": {"BACKEND": "tests.cluster.test_shared_storage.BucketLikeStorage"},
    "imports": {"BACKEND": "rapporteur.importers.private_storage.PrivateStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


@pytest.fixture
def pathless_storage(settings):
    """Files kept where they have no path on this machine, as with a bucket shared by several."""
    settings.STORAGES = PATHLESS
    assert isinstance(storages["default"], BucketLikeStorage)
    return storages["default"]


@pytest.mark.django_db
def test_the_edition_pdf_is_built_into_the_storage_and_served_from_it(pathless_storage, edition, client):
    report = build_edition(edition, only="pdf")
    assert report.built == ["annual-report-2013.pdf"]
    generated = GeneratedFile.objects.get(edition=edition, name="annual-report-2013.pdf")
    assert pathless_storage.exists(generated.file.name)
    response = client.get("/en/2013/files/annual-report-2013.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_the_datasets_are_stored_and_served_from_the_storage(pathless_storage, client):
    assert build_all()
    archive = DatasetFile.objects.get(edition=None, format="zip")
    assert pathless_storage.exists(archive.file.name)
    response = client.get(reverse("dataset_file", args=(archive.name,)))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"PK")


@pytest.mark.django_db  # the reader matches headings against the themes
def test_an_import_file_without_a_local_path_is_read_from_a_private_copy_then_forgotten():
    field = ImportJob._meta.get_field("file")
    stored = FieldFile(ImportJob(token="t"), field, None)
    stored.storage = BucketLikeStorage()
    stored.save("iceland.docx", ContentFile(sample_entry()), save=False)
    with local_path(stored) as path:
        assert path.endswith("/iceland.docx") and (os.stat(path).st_mode & 0o077) == 0
        assert os.stat(os.path.dirname(path)).st_mode & 0o077 == 0, "the copy's folder is its owner's only"
        imported = read_paths([path])
    assert [entry.country_name for entry in imported.entries] == ["Iceland"]
    assert not os.path.exists(path)


def test_uploaded_import_files_stay_private_in_the_default_storage():
    with pytest.raises(ValueError, match="private and have no address"):
        storages["imports"].url("t/iceland.docx")


def test_the_media_storage_is_chosen_by_environment(monkeypatch):
    monkeypatch.setenv("MEDIA_STORAGE", "storages.backends.s3.S3Storage")
    monkeypatch.setenv("MEDIA_STORAGE_OPTIONS", '{"bucket_name": "report-files", "default_acl": "private"}')
    assert storage_from_env("MEDIA_STORAGE", "MEDIA_STORAGE_OPTIONS", "unused") == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": "report-files", "default_acl": "private"},
    }
    monkeypatch.delenv("MEDIA_STORAGE")
    monkeypatch.delenv("MEDIA_STORAGE_OPTIONS")
    assert storage_from_env("MEDIA_STORAGE", "MEDIA_STORAGE_OPTIONS", "the.Default") == {
        "BACKEND": "the.Default",
        "OPTIONS": {},
    }


@pytest.mark.parametrize("options", ['{"bucket_name": report-files}', '["report-files"]'])
def test_storage_options_that_are_not_a_json_object_are_refused_with_the_reason(monkeypatch, options):
    monkeypatch.setenv("MEDIA_STORAGE_OPTIONS", options)
    with pytest.raises(Exception, match="MEDIA_STORAGE_OPTIONS must be a JSON object"):
        storage_from_env("MEDIA_STORAGE", "MEDIA_STORAGE_OPTIONS", "unused")
