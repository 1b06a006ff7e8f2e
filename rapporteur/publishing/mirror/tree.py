"""Writing the mirror's files to a folder: only those whose content changed.

A rebuild after one publish renders every page again, but rewrites only the files whose bytes
differ (compared by SHA-256), and removes the files that are no longer part of the mirror —
an entry unpublished since the last build disappears from the folder, not only from the links.
Unchanged files keep their modification time, so a sync to a static host (rsync, a bucket,
IPFS) sends only what changed.
"""

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

CHECKSUMS = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.sig"


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def file_sha256(path):
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


@dataclass
class TreeReport:
    written: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    removed: list = field(default_factory=list)


def checksums(files):
    """``SHA256SUMS`` of every file, in the format ``sha256sum -c`` reads (two spaces, text mode)."""
    lines = []
    for name in sorted(files):
        if any(c in name for c in "\n\r\\"):
            raise ValueError(f"A mirror file name sha256sum cannot list: {name!r}")
        lines.append(f"{sha256(files[name])}  {name}\n")
    return "".join(lines).encode()


def write_tree(root, files):
    """Make the folder ``root`` hold exactly ``files`` ({relative path: bytes})."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    report = TreeReport()
    for name, data in sorted(files.items()):
        target = root / name
        if target.is_file() and target.stat().st_size == len(data) and file_sha256(target) == sha256(data):
            report.unchanged.append(name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        # written beside the target and renamed over it: a reader of the folder never sees half a file
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".mirror-")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
        report.written.append(name)
    for path in sorted(root.rglob("*"), reverse=True):  # deepest first, so emptied folders go too
        name = path.relative_to(root).as_posix()
        if path.is_file() and name not in files:
            path.unlink()
            report.removed.append(name)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return report


def read_tree(root):
    """{relative path: bytes} of every file under ``root``."""
    root = Path(root)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
