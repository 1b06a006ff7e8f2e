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
import zlib
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connection
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"


class BackupError(RuntimeError):
    pass


def sha256(path):
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


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
    destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
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
        # owner only from the first byte: a backup holds password hashes and second-factor keys
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descriptor, 0o600)  # also when an older partial file was there with wider rights
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            archive.add(manifest_path, MANIFEST)
            archive.add(database, database.name)
            for path in files:
                archive.add(path, f"media/{path.relative_to(media_root)}")
        partial.replace(destination)  # never leave a half-written archive under the final name
    return destination


DATABASE_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
HEX = set("0123456789abcdef")


def is_digest(value):
    return isinstance(value, str) and len(value) == 64 and set(value) <= HEX


def is_safe_media_name(name):
    """A relative path inside the media folder: no absolute path, no "..", nothing odd."""
    if not isinstance(name, str) or not name or "\\" in name or "\x00" in name:
        return False
    parts = PurePosixPath(name).parts
    return not PurePosixPath(name).is_absolute() and ".." not in parts and "." not in parts and bool(parts)


def checked_manifest(raw, archive_path):
    """The manifest, if every field is present and well formed; otherwise one clear refusal.

    Nothing from an archive is trusted before this: the database's name must be the one
    this engine writes (never a path), and every media name must stay inside the media folder.
    """
    refuse = f"{archive_path} has a damaged or foreign {MANIFEST}"
    try:
        manifest = json.loads(raw)
    except ValueError as error:
        raise BackupError(f"{refuse} (not JSON); nothing was restored.") from error
    if not isinstance(manifest, dict):
        raise BackupError(f"{refuse}; nothing was restored.")
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Backup format {manifest.get('format')!r} is not supported (expected {FORMAT}).")
    kind = manifest.get("engine")
    if kind not in DATABASE_NAMES:
        raise BackupError(f"{refuse}: unknown database engine {kind!r}; nothing was restored.")
    if kind != engine():
        raise BackupError(
            f"This backup is of a {kind} database; the configured database is {engine()}. "
            "Restore it into the same kind of database."
        )
    database, media = manifest.get("database"), manifest.get("media")
    if (
        not isinstance(database, dict)
        or database.get("name") != DATABASE_NAMES[kind]
        or not is_digest(database.get("sha256"))
    ):
        raise BackupError(f"{refuse}: its database entry is not {DATABASE_NAMES[kind]} with a checksum.")
    if not isinstance(media, dict) or not all(is_safe_media_name(n) and is_digest(d) for n, d in media.items()):
        raise BackupError(f"{refuse}: a media entry names a path outside the media folder or has no checksum.")
    if not isinstance(manifest.get("created_at"), str):
        raise BackupError(f"{refuse}: it does not say when it was made.")
    return manifest


def read_archive(archive_path, workdir):
    """Unpack and verify an archive; return its manifest. Raises BackupError, changing nothing.

    Only the members the manifest lists are unpacked, each a plain file, and each must match
    its checksum; an archive holding anything else is refused as a whole.
    """
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            members = archive.getmembers()  # reads the whole archive: a cut-short file fails here
            by_name = {member.name: member for member in members}
            if MANIFEST not in by_name or not by_name[MANIFEST].isfile():
                raise BackupError(f"{archive_path} has no {MANIFEST}; it is not a Rapporteur backup.")
            manifest = checked_manifest(archive.extractfile(by_name[MANIFEST]).read(), archive_path)
            expected = {manifest["database"]["name"]: manifest["database"]["sha256"]}
            expected.update({f"media/{name}": digest for name, digest in manifest["media"].items()})
            unlisted = sorted(set(by_name) - set(expected) - {MANIFEST})
            if unlisted or len(members) != len(by_name):
                raise BackupError(
                    f"{archive_path} holds files its manifest does not list ({', '.join(unlisted[:3]) or 'duplicates'}); "
                    "nothing was restored."
                )
            for name in expected:
                member = by_name.get(name)
                if member is None or not member.isfile():
                    raise BackupError(f"{name} is missing from the archive; nothing was restored.")
                archive.extract(member, workdir, filter="data")
    except (OSError, EOFError, zlib.error, tarfile.TarError) as error:
        raise BackupError(f"{archive_path} is not a readable backup archive: {error}") from error
    for name, digest in expected.items():
        if sha256(workdir / name) != digest:
            raise BackupError(f"{name} in the archive is missing or damaged (checksum mismatch); nothing was restored.")
    if manifest["engine"] == "sqlite":
        check_sqlite(workdir / manifest["database"]["name"])
    else:
        check_pgdump(workdir / manifest["database"]["name"])
    return manifest


def check_pgdump(path):
    """A pg_dump archive that pg_restore can read, before anything is dropped."""
    try:
        run(["pg_restore", "--list", str(path)], {**os.environ})
    except BackupError as error:
        raise BackupError(
            f"The archive's database is not a usable PostgreSQL dump ({error}); nothing was restored."
        ) from error


def check_sqlite(path):
    """A SQLite file that is whole and holds a Django database, before it replaces the live one."""
    try:
        candidate = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = candidate.execute("PRAGMA integrity_check").fetchone()
            tables = candidate.execute("SELECT 1 FROM sqlite_master WHERE name = 'django_migrations'").fetchone()
        finally:
            candidate.close()
    except sqlite3.Error as error:
        raise BackupError(
            f"The archive's database is not a usable SQLite database ({error}); nothing was restored."
        ) from error
    if result != ("ok",) or tables is None:
        raise BackupError("The archive's database is damaged or not a Rapporteur database; nothing was restored.")


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
        except sqlite3.Error as error:
            shutil.rmtree(staged, ignore_errors=True)
            raise BackupError(f"The database could not be restored ({error}); nothing was replaced.") from error
        except Exception:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        swap_media(staged)
    new_generation()  # readers must not be served anything cached from before the restore
    return manifest
