"""What an uploaded file must be before any library reads it.

mammoth and python-docx trust the ZIP they are given: a renamed PDF gives a stack trace, a
``.docm`` carries macros into our storage, and a few kilobytes that unpack to gigabytes (a zip
bomb) exhaust the server's memory. So every upload is measured and sniffed here first, from its
bytes rather than its name, and refused with a message a person can act on. The ZIP's own
directory declares each member's unpacked size, and Python's ``zipfile`` never unpacks more than
a member declares, so checking the declared sizes before reading is enough.
"""

import io
import os
import zipfile
import zlib
from pathlib import Path

from django.conf import settings

from .errors import ImportRefused

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# A Word file unpacks to a few times its size (XML compresses ~10:1, images not at all).
UNPACKED_PER_PACKED_BYTE = 4
MAX_MEMBER_RATIO = 100  # unpacked ÷ packed for one member; text XML stays far below
RATIO_CHECKED_FROM = 1024 * 1024  # small members may compress well without harm
MAX_MEMBERS = 10_000

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the 97–2003 container, also used for encrypted files
MACRO_CONTENT_TYPE = b"macroEnabled"
SIGNATURES = {  # what a renamed file usually is, to say so
    b"%PDF": "a PDF",
    b"{\\rtf": "an RTF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}


def max_bytes():
    """The configured upload limit (``RAPPORTEUR_IMPORT_MAX_BYTES``)."""
    if settings.configured:
        return int(getattr(settings, "RAPPORTEUR_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))
    return DEFAULT_MAX_BYTES


def megabytes(size):
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def too_large(size):
    return ImportRefused(f"The file is {megabytes(size)}; the limit for an import is {megabytes(max_bytes())}.")


def read_upload(source):
    """The bytes of ``source`` (bytes, a path, or an open binary file), refused above the size limit.

    A path's size is checked before it is read, and a file object is read one byte past the
    limit at most, so an oversized upload never sits whole in memory.
    """
    limit = max_bytes()
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > limit:
            raise too_large(len(data))
        return data
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if not path.is_file():
            raise ImportRefused(f"There is no file at {path}.")
        size = path.stat().st_size
        if size > limit:
            raise too_large(size)
        return path.read_bytes()
    data = source.read(limit + 1)
    if len(data) > limit:
        raise too_large(len(data))
    return data


def what_it_looks_like(data):
    """A short description of a file that is not what it claims to be, from its first bytes."""
    for signature, description in SIGNATURES.items():
        if data.startswith(signature):
            return description
    head = data[:512].lstrip().lower()
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        return "an HTML page"
    if b"\x00" not in data[:4096]:
        return "plain text"
    return "not a Word document"


def open_word_package(data):
    """The ``.docx`` in ``data`` as an open ZIP, once it is known to be safe to hand to mammoth."""
    if data.startswith(OLE_SIGNATURE):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise ImportRefused(
                "This Word file is protected with a password (encrypted), so it cannot be read. "
                "Remove the password in Word (File › Info › Protect Document) and upload it again."
            )
        raise ImportRefused(
            "This is an old Word 97–2003 (.doc) file. Open it in Word, save it as .docx, and upload that."
        )
    if not data.startswith(b"PK"):
        raise ImportRefused(f"This file is not a Word .docx file (it looks like {what_it_looks_like(data)}).")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise ImportRefused(f"This Word file is damaged and cannot be opened ({error}).") from error
    check_sizes(members, len(data))
    names = {member.filename for member in members}
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        if "mimetype" in names and b"opendocument" in package.read("mimetype"):
            raise ImportRefused("This is an OpenDocument (.odt) file. Save it as Word .docx and upload that.")
        raise ImportRefused("This file is a ZIP archive but not a Word document (it has no word/document.xml).")
    if any(name.lower().endswith("vbaproject.bin") for name in names) or MACRO_CONTENT_TYPE in read_member(
        package, "[Content_Types].xml"
    ):
        raise ImportRefused(
            "This Word file contains macros (.docm). Macros are never imported: "
            "save it in Word as “Word Document (.docx)” and upload that."
        )
    try:
        damaged = package.testzip()
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError, NotImplementedError):
        damaged = True
    if damaged is not None:
        raise ImportRefused("This Word file is damaged: part of it does not unpack correctly.")
    return package


def check_sizes(members, packed_size):
    """Refuse a zip bomb from the sizes the archive declares, before anything is unpacked."""
    if len(members) > MAX_MEMBERS:
        raise ImportRefused(f"This file holds {len(members):,} parts; a Word document has far fewer. It was not read.")
    unpacked = sum(member.file_size for member in members)
    allowed = max(max_bytes(), packed_size) * UNPACKED_PER_PACKED_BYTE
    if unpacked > allowed:
        raise ImportRefused(
            f"This file would unpack to {megabytes(unpacked)} (more than {megabytes(allowed)}); "
            "it looks like a zip bomb and was not read."
        )
    for member in members:
        if member.file_size >= RATIO_CHECKED_FROM and member.file_size > MAX_MEMBER_RATIO * max(
            member.compress_size, 1
        ):
            raise ImportRefused(
                f"Part {member.filename} of this file is compressed {member.file_size // max(member.compress_size, 1):,} "
                "to 1; it looks like a zip bomb and was not read."
            )


def read_member(package, name):
    try:
        return package.read(name)
    except (KeyError, zipfile.BadZipFile, ValueError, EOFError) as error:
        raise ImportRefused(f"This Word file is damaged: its part {name} cannot be read.") from error


def decode_text(data):
    """A Markdown upload as text: UTF-8 (with or without a byte-order mark), never binary."""
    if b"\x00" in data[:4096] or data.startswith(b"PK"):
        raise ImportRefused(f"This is not a Markdown text file (it looks like {what_it_looks_like(data)}).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(
            f"This text file is not UTF-8 (byte {error.start + 1:,} cannot be read). Save it as UTF-8 and upload it again."
        ) from error
