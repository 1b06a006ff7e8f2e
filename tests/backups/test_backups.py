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
HomePage.objects.get(locale__language_code="en").add_child(instance=InformationPage(title="Added after the backup", slug="added"))
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


def rewrite(good, out, manifest_change=None, extra=None, replace=None):
    """A copy of ``good`` with its manifest changed, members replaced (name → bytes) or added."""
    with tarfile.open(good) as source, tarfile.open(out, "w:gz") as target:
        manifest = json.loads(source.extractfile("manifest.json").read())
        if manifest_change:
            manifest_change(manifest)
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                data = json.dumps(manifest).encode()
            data = (replace or {}).get(member.name, data)
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
        for name, data in (extra or {}).items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            target.addfile(info, io.BytesIO(data))
    return out


def test_crafted_archives_are_refused_with_one_clear_message(demo, tmp_path):
    good = tmp_path / "good.tar.gz"
    demo.manage("backup", "--output", str(good))
    assert oct(good.stat().st_mode & 0o777) == "0o600", "a backup holds password hashes: owner only"
    with tarfile.open(good) as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
    database = manifest["database"]["name"]
    garbage = b"this is not a database at all " * 100

    def set_database_checksum_of_garbage(m):
        import hashlib

        m["database"]["sha256"] = hashlib.sha256(garbage).hexdigest()

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    crafted = {
        truncated: "is not a readable backup archive",
        rewrite(good, tmp_path / "no-engine.tar.gz", lambda m: m.pop("engine")): "unknown database engine",
        rewrite(
            good, tmp_path / "garbage-db.tar.gz", set_database_checksum_of_garbage, replace={database: garbage}
        ): "database",
        rewrite(
            good, tmp_path / "path.tar.gz", lambda m: m["database"].update(name="/etc/hostname")
        ): "its database entry is not",
        rewrite(good, tmp_path / "unlisted.tar.gz", extra={"media/planted.html": b"<script>"}): "does not list",
        rewrite(
            good,
            tmp_path / "escape.tar.gz",
            lambda m: m["media"].update({"../outside.txt": "0" * 64}),
            extra={"media/../outside.txt": b"x"},
        ): "outside the media folder",
    }
    before = fingerprint(demo)
    for archive, message in crafted.items():
        result = demo.manage("restore", str(archive), "--yes", check=False)
        assert result.returncode != 0, archive.name
        assert "Traceback" not in result.stderr, (archive.name, result.stderr[-2000:])
        assert message in result.stderr, (archive.name, result.stderr[-500:])
    assert fingerprint(demo) == before
    assert "planted.html" not in json.dumps(fingerprint(demo)["files"])
