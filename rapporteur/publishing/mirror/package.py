"""The mirror as one ZIP file, offered on the Downloads page like the PDF and the e-book.

The archive is reproducible — files in name order, one fixed date, fixed permissions — so the
same mirror always makes the same bytes, and an unchanged mirror is not stored again.
"""

import io
import zipfile

FIXED_DATE = (2000, 1, 1, 0, 0, 0)


def zip_name(year):
    return f"annual-report-{year}-mirror.zip"


def zip_bytes(files, folder):
    """A ZIP holding ``files`` ({relative path: bytes}) under one top folder ``folder``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=FIXED_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()
