"""Any set of input files, read into one ``ImportedEdition`` by the reader each file needs.

``.docx`` and ``.md`` files are entries or articles (several may come together, or in a
``.zip``); a ``.txt`` is a whole legacy book, or — several of them — one file per country; a
``.pdf`` is a whole legacy book, read from its typography (``legacy.pdf``). Every file is checked
by ``uploads`` before a library opens it, and a refusal names the file.
"""

import io
import zipfile
from pathlib import Path

from rapporteur.reports.models import Theme

from .errors import ImportRefused
from .imported import ImportedArticle, ImportedEdition
from .legacy.book import read_book, read_country_files
from .legacy.pdf import read_pdf
from .markdown import read_markdown
from .themes import theme_pairs
from .uploads import check_sizes, read_upload
from .word import read_docx

DOCUMENT_KINDS = (".docx", ".md", ".markdown")
ACCEPTED = (*DOCUMENT_KINDS, ".docm", ".txt", ".zip", ".pdf")


def read_document(name, data, themes):
    """One Word or Markdown file: an entry or an article."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix in (".docx", ".docm"):
            return read_docx(data, themes=themes, name=name)
        return read_markdown(data, themes=themes, name=name)
    except ImportRefused as refusal:
        raise ImportRefused(f"{name}: {refusal.message}") from None


def read_zip(name, data, themes):
    """The Word and Markdown files of a ``.zip`` (sizes checked before anything is unpacked)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ImportRefused(f"{name} is not a readable .zip file.") from None
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir() and not m.filename.startswith("__MACOSX/")]
        check_sizes(members, len(data))
        for member in members:
            if Path(member.filename).suffix.lower() in (*DOCUMENT_KINDS, ".docm"):
                yield read_document(member.filename, archive.read(member), themes)


def read_paths(paths):
    """An ``ImportedEdition`` from files on disk (the command line). Raises ``ImportRefused``."""
    paths = [Path(path) for path in paths]
    for path in paths:
        if path.suffix.lower() not in ACCEPTED:
            raise ImportRefused(f"{path.name}: an import reads {', '.join(ACCEPTED)} files.")
        if path.suffix.lower() == ".pdf" and len(paths) > 1:
            raise ImportRefused(f"{path.name}: a PDF is a whole book; import it on its own.")
    if len(paths) == 1 and paths[0].suffix.lower() == ".pdf":
        return read_pdf(read_upload(paths[0]), source=paths[0].name)
    texts = [path for path in paths if path.suffix.lower() == ".txt"]
    if len(texts) == 1 and len(paths) == 1:
        read_upload(texts[0])  # the size limit
        return read_book(texts[0], source=texts[0].name)
    edition = read_country_files(texts) if texts else ImportedEdition()
    themes = theme_pairs(Theme.objects.all())
    for path in paths:
        suffix = path.suffix.lower()
        if suffix == ".zip":
            items = list(read_zip(path.name, read_upload(path), themes))
        elif suffix in (*DOCUMENT_KINDS, ".docm"):
            items = [read_document(path.name, read_upload(path), themes)]
        else:
            continue
        for item in items:
            (edition.articles if isinstance(item, ImportedArticle) else edition.entries).append(item)
    return edition
