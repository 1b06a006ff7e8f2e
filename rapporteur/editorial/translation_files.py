"""Offline translation: an edition's pages as PO or XLIFF files in one ZIP, and the ZIP (or one file) back.

wagtail-localize already offers one page's PO file in its editor. A translator taking a whole
edition offline — 160 entries — wants one download: the ZIP holds one ``.po`` per page started
for translation, named after the page's address (``2013/europe-and-central-asia/kazakhstan.po``),
each carrying its translation's id, so the upload finds its page whatever the file is called.

XLIFF 1.1 is offered too, for tools that do not read PO (written and parsed by translate-toolkit):
one ``<file>`` per page whose ``original`` is the translation's id, one ``<trans-unit>`` per
segment whose ``resname`` is the segment's place in the page — what PO keeps in ``msgctxt``.

An upload is read and checked whole before anything is written: a file that is not a PO file,
belongs to another language or to no translation we know is refused by name, and nothing of
the upload is kept. Strings are stored as the translator's; the pages themselves are written
only when the translation is saved or submitted for review.
"""

import io
import zipfile
from dataclasses import dataclass

import polib
from django.db import transaction
from translate.storage import xliff
from wagtail.models import Page
from wagtail_localize.models import Translation

from .translating import TranslationRefused, source_page, translations_into

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_FILES = 2000


def edition_translations(edition, locale):
    """The translations into ``locale`` of the (source-language) edition page and the pages under it."""
    keys = Page.objects.descendant_of(edition, inclusive=True).values_list("translation_key", flat=True)
    return translations_into(locale).filter(source__object_id__in=keys, source__locale_id=edition.locale_id)


XLIFF_SUFFIX = ".xlf"


def xliff_of(translation):
    """The translation's segments as XLIFF 1.1 bytes, the translated ones with their target."""
    store = xliff.xlifffile(
        sourcelanguage=translation.source.locale.language_code, targetlanguage=translation.target_locale.language_code
    )
    original = str(translation.uuid)
    for entry in translation.export_po():
        if entry.obsolete:
            continue
        unit = store.addsourceunit(entry.msgid, filename=original, createifmissing=True)
        unit.xmlelement.set("resname", entry.msgctxt)
        if entry.msgstr:
            unit.target = entry.msgstr
    return bytes(store)


def po_from_xliff(file_name, content):
    """A PO file (as wagtail-localize imports them) from an XLIFF file we wrote and a translator filled."""
    try:
        store = xliff.xlifffile.parsestring(content)
    except Exception as error:  # noqa: BLE001 — lxml and translate-toolkit raise several kinds
        raise TranslationRefused(f"{file_name} is not a readable XLIFF file: {error}") from None
    originals = store.getfilenames()
    if len(originals) != 1:
        raise TranslationRefused(f"{file_name} should hold one page (one <file>), not {len(originals)}.")
    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": originals[0]}
    for unit in store.unit_iter():
        context = unit.xmlelement.get("resname")
        if context:
            po.append(polib.POEntry(msgid=unit.source or "", msgctxt=context, msgstr=unit.target or ""))
    return po


def po_name(translation, edition):
    page = source_page(translation.source)
    base = edition.get_parent().url_path if edition.get_parent() else "/"
    relative = page.url_path[len(base) :].strip("/") if page else str(translation.uuid)
    return f"{relative or 'home'}.po"


def edition_po_zip(edition, locale, file_format="po"):
    """(file name, bytes) of a ZIP with one PO (or XLIFF) file per translation of the edition into ``locale``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in edition_translations(edition, locale).order_by("source__object_repr"):
            name = po_name(translation, edition)
            if file_format == "xliff":
                archive.writestr(name.removesuffix(".po") + XLIFF_SUFFIX, xliff_of(translation))
            else:
                archive.writestr(name, str(translation.export_po()))
    suffix = "" if file_format == "po" else f"-{file_format}"
    return f"{edition.slug}-{locale.language_code}{suffix}.zip", buffer.getvalue()


def is_xliff(name):
    return name.lower().endswith((".xlf", ".xliff"))


@dataclass
class UploadResult:
    files: int
    pages: list  # titles of the pages whose strings were read
    warnings: int  # strings the PO file had but the page no longer uses


def _po_files(name, data):
    if len(data) > MAX_UPLOAD_BYTES:
        raise TranslationRefused(f"{name} is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    if name.lower().endswith(".po") or is_xliff(name):
        return [(name, data)]
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TranslationRefused(f"{name} is neither a PO or XLIFF file nor a ZIP of them.")
    files = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > MAX_FILES or sum(info.file_size for info in members) > MAX_UPLOAD_BYTES * 5:
            raise TranslationRefused(f"{name} holds too many or too large files to be an edition's PO files.")
        for info in members:
            if not (info.filename.lower().endswith(".po") or is_xliff(info.filename)):
                raise TranslationRefused(f"{info.filename} in {name} is not a PO or XLIFF file.")
            files.append((info.filename, archive.read(info)))
    if not files:
        raise TranslationRefused(f"{name} holds no PO file.")
    return files


def read_upload(name, data, locale):
    """[(file name, translation, POFile)], all checked; raises TranslationRefused naming the first bad file."""
    checked = []
    for file_name, content in _po_files(name, data):
        if is_xliff(file_name):
            po = po_from_xliff(file_name, content)
        else:
            try:
                po = polib.pofile(content.decode("utf-8"))
            except (UnicodeDecodeError, OSError, ValueError) as error:
                raise TranslationRefused(f"{file_name} is not a readable PO file: {error}") from None
        translation_id = po.metadata.get("X-WagtailLocalize-TranslationID")
        translation = (
            Translation.objects.filter(uuid=translation_id).select_related("target_locale").first()
            if translation_id
            else None
        )
        if translation is None:
            raise TranslationRefused(
                f"{file_name} does not belong to a translation here (download the PO files again)."
            )
        if translation.target_locale_id != locale.pk:
            raise TranslationRefused(
                f"{file_name} is a translation into {translation.target_locale.get_display_name()}, "
                f"not {locale.get_display_name()}."
            )
        checked.append((file_name, translation, po))
    return checked


@transaction.atomic
def import_upload(name, data, locale, user):
    """Read a PO file or a ZIP of them into the translations of ``locale``; all or nothing."""
    checked = read_upload(name, data, locale)
    pages, warnings = [], 0
    for _file_name, translation, po in checked:
        tool = "XLIFF file" if is_xliff(_file_name) else "PO file"
        warnings += len(translation.import_po(po, user=user, tool_name=tool))
        pages.append(translation.source.object_repr)
    return UploadResult(files=len(checked), pages=pages, warnings=warnings)
