"""Backup → change → restore gives back exactly what was backed up (database and files).

Runs the real commands against a scratch copy of the demo, on whichever database
DATABASE_URL names (SQLite by default, PostgreSQL in CI's second run).
"""

import io
import json
import os
import tarfile

import pytest

from rapporteur.demo.instance import prepared_demo
from tests.support.helpers import require_tool

FINGERPRINT = """
import hashlib, json, pathlib
from django.conf import settings
from wagtail.models import Page, Revision
from wagtail.documents.models import Document
from django.contrib.auth import get_user_model
media = pathlib.Path(settings.MEDIA_ROOT)
print(json.dumps({
    "pages": list(Page.objects.order_by("path").values_list("path", "title", "slug", "live")),
    "revisions": Revision.objects.count(),
    "documents": list(Document.objects.order_by("id").values_list("id", "title", "file")),
    "users": list(get_user_model().objects.order_by("id").values_list("username", "password")),
    "files": {str(p.relative_to(media)): hashlib.sha256(p.read_bytes()).hexdigest()
              for p in sorted(media.rglob("*")) if p.is_file()},
}))
"""

CHANGE_EVERYTHING = """
from wagtail.models import Page
from wagtail.documents.models import Document
from rapporteur.reports.models import InformationPage, HomePage
page = Page.objects.get(url_path="/home/2013/europe-and-central-asia/kazakhstan/").specific
page.title = "Changed after the backup"
page.save_revision().publish()
HomePage.objects.get().add_child(instance=InformationPage(title="Added after the backup", slug="added"))
import pathlib
from django.core.files.base import ContentFile
pathlib.Path(Document.objects.first().file.path).write_bytes(b"overwritten after the backup")
Document.objects.create(title="Added after the backup", file=ContentFile(b"new", name="added.txt"))
"""


@pytest.fixture(scope="module")
def demo():
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        require_tool("pg_dump", "needed to back up PostgreSQL; apt-get install postgresql-client")
    with prepared_demo() as instance:
        yield instance


def fingerprint(instance):
    return json.loads(instance.shell(FINGERPRINT).strip().splitlines()[-1])


def test_backup_change_restore_round_trip(demo, tmp_path):
    before = fingerprint(demo)
    assert before["files"], "the demo has uploaded files to back up"
    archive = tmp_path / "backup.tar.gz"
    assert "Backup written to" in demo.manage("backup", "--output", str(archive)).stdout

    demo.shell(CHANGE_EVERYTHING)
    changed = fingerprint(demo)
    assert changed["pages"] != before["pages"] and changed["files"] != before["files"]

    assert "Restored the backup" in demo.manage("restore", str(archive), "--yes").stdout
    assert fingerprint(demo) == before


def test_a_damaged_archive_is_refused_and_changes_nothing(demo, tmp_path):
    archive = tmp_path / "good.tar.gz"
    demo.manage("backup", "--output", str(archive))
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as good, tarfile.open(damaged, "w:gz") as bad:
        for member in good.getmembers():
            data = good.extractfile(member).read()
            if member.name.startswith("media/"):
                data = data + b" tampered"
                member.size = len(data)
            bad.addfile(member, io.BytesIO(data))
    before = fingerprint(demo)
    result = demo.manage("restore", str(damaged), "--yes", check=False)
    assert result.returncode != 0
    assert "damaged (checksum mismatch); nothing was restored" in result.stderr
    assert fingerprint(demo) == before

    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    result = demo.manage("restore", str(not_a_backup), "--yes", check=False)
    assert "is not a readable backup archive" in result.stderr
