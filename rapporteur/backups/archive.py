"""Backups that restore exactly: the database and every uploaded file, in one archive.

SQLite is copied with SQLite's online backup API, which gives a consistent snapshot while
the site keeps serving and editors keep saving; PostgreSQL with ``pg_dump``. Uploaded
files (documents, images) go in beside it, and a manifest records the checksum of
everything, so a restore can refuse a damaged or mismatched archive before touching
anything.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"


class BackupError(RuntimeError):
    pass


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def engine():
    return connection.vendor  # "sqlite" or "postgresql"


def pg_env_and_args():
    db = settings.DATABASES["default"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return env, args


def dump_database(target_dir):
    connection.ensure_connection()
    if engine() == "sqlite":
        target = target_dir / "database.sqlite3"
        destination = sqlite3.connect(target)
        with destination:
            connection.connection.backup(destination)  # online: safe while the site runs
        destination.close()
        return target
    if engine() == "postgresql":
        target = target_dir / "database.pgdump"
        env, args = pg_env_and_args()
        run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *args], env)
        return target
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine()}.")


def run(command, env):
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (Debian package postgresql-client).") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error


def media_files():
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def backup(destination=None):
    """Write a backup archive and return its path."""
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    destination = Path(destination or Path(settings.VAR_DIR) / "backups" / f"rapporteur-{stamp}.tar.gz")
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        database = dump_database(Path(workdir))
        media_root = Path(settings.MEDIA_ROOT)
        files = media_files()
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "engine": engine(),
            "database": {"name": database.name, "sha256": sha256(database)},
            "media": {str(path.relative_to(media_root)): sha256(path) for path in files},
        }
        manifest_path = Path(workdir) / MANIFEST
        manifest_path.write_text(json.dumps(manifest, indent=2))
        partial = destination.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(manifest_path, MANIFEST)
            archive.add(database, database.name)
            for path in files:
                archive.add(path, f"media/{path.relative_to(media_root)}")
        partial.replace(destination)  # never leave a half-written archive under the final name
    return destination


def read_archive(archive_path, workdir):
    """Unpack and verify an archive; return its manifest. Raises BackupError, changing nothing."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(workdir, filter="data")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{archive_path} is not a readable backup archive: {error}") from error
    try:
        manifest = json.loads((workdir / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{archive_path} has no valid {MANIFEST}; it is not a Rapporteur backup.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Backup format {manifest.get('format')} is not supported (expected {FORMAT}).")
    if manifest["engine"] != engine():
        raise BackupError(
            f"This backup is of a {manifest['engine']} database; the configured database is {engine()}. "
            "Restore it into the same kind of database."
        )
    files = {manifest["database"]["name"]: manifest["database"]["sha256"]}
    files.update({f"media/{name}": digest for name, digest in manifest["media"].items()})
    for name, digest in files.items():
        path = workdir / name
        if not path.is_file() or sha256(path) != digest:
            raise BackupError(f"{name} in the archive is missing or damaged (checksum mismatch); nothing was restored.")
    return manifest


def restore_database(workdir, manifest):
    database = workdir / manifest["database"]["name"]
    if engine() == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(database)
        with source:
            source.backup(connection.connection)  # replaces every page of the live database
        source.close()
        return
    env, args = pg_env_and_args()
    connection.close()
    run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *args, str(database)], env)


def stage_media(workdir):
    """Copy the archive's files next to MEDIA_ROOT, ready to swap in."""
    media_root = Path(settings.MEDIA_ROOT)
    staged = media_root.with_name(media_root.name + ".restoring")
    if staged.exists():
        shutil.rmtree(staged)
    incoming = workdir / "media"
    if incoming.exists():
        shutil.copytree(incoming, staged)
    else:
        staged.mkdir(parents=True)
    return staged


def swap_media(staged):
    """Put the staged files in place of MEDIA_ROOT (two renames, nothing copied at this point)."""
    media_root = Path(settings.MEDIA_ROOT)
    previous = media_root.with_name(media_root.name + ".before-restore")
    if previous.exists():
        shutil.rmtree(previous)
    if media_root.exists():
        media_root.rename(previous)
    staged.rename(media_root)
    if previous.exists():
        shutil.rmtree(previous)


def restore(archive_path):
    """Replace the database and uploaded files with the archive's. Returns the manifest."""
    from rapporteur.reports.cache import new_generation

    archive_path = Path(archive_path)
    if not archive_path.is_file():
        raise BackupError(f"{archive_path} does not exist.")
    with tempfile.TemporaryDirectory() as workdir:
        workdir = Path(workdir)
        manifest = read_archive(archive_path, workdir)
        staged = stage_media(workdir)  # the slow copy happens before anything is replaced
        try:
            restore_database(workdir, manifest)
        except Exception:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        swap_media(staged)
    new_generation()  # readers must not be served anything cached from before the restore
    return manifest
