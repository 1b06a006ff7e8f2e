"""A file the importer will not read is refused with a message a person can act on, and nothing is read from it."""

import io
import zipfile

import pytest

from rapporteur.importers.errors import ImportRefused
from rapporteur.importers.markdown import read_markdown
from rapporteur.importers.word import read_docx
from tests.importers.docx_files import as_macro_enabled, new_document, rewrite, to_bytes


@pytest.fixture
def good_docx():
    document = new_document()
    document.add_paragraph("A synthetic summary.")
    return to_bytes(document)


def refusal(read, data):
    with pytest.raises(ImportRefused) as refused:
        read(data)
    return refused.value.message


@pytest.mark.parametrize(
    "data, said",
    [
        (b"%PDF-1.7\n%synthetic", "not a Word .docx file (it looks like a PDF)"),
        (b"Just some words, renamed to .docx", "not a Word .docx file (it looks like plain text)"),
        (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "it looks like an HTML page"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Word 97–2003 (.doc) file"),
    ],
)
def test_a_renamed_file_is_refused_and_named_for_what_it_is(data, said):
    assert said in refusal(read_docx, data)


def test_an_encrypted_word_file_is_refused_with_how_to_remove_the_password():
    # Word's encrypted .docx is an OLE container holding an EncryptionInfo stream.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64
    message = refusal(read_docx, data)
    assert "protected with a password" in message and "Remove the password" in message


def test_a_damaged_word_file_is_refused(good_docx):
    assert "damaged" in refusal(read_docx, good_docx[: len(good_docx) // 2])


def test_a_word_file_whose_text_does_not_unpack_is_refused(good_docx):
    corrupted = bytearray(good_docx)
    start = good_docx.index(b"word/document.xml") + 40  # inside the compressed text of the body
    corrupted[start : start + 200] = b"\x00" * 200
    assert "damaged" in refusal(read_docx, bytes(corrupted))


def test_a_zip_that_is_not_a_word_document_is_refused(good_docx):
    assert "not a Word document" in refusal(read_docx, rewrite(good_docx, drop={"word/document.xml"}))


def test_an_opendocument_file_is_refused_with_what_to_do():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument (.odt)" in refusal(read_docx, out.getvalue())


def test_a_macro_enabled_document_is_refused(good_docx):
    assert "contains macros (.docm)" in refusal(read_docx, as_macro_enabled(good_docx))


def test_a_macro_content_type_alone_is_enough_to_refuse(good_docx):
    assert "macros" in refusal(read_docx, rewrite(as_macro_enabled(good_docx), drop={"word/vbaProject.bin"}))


def test_a_zip_bomb_is_refused_before_it_is_unpacked(good_docx):
    bomb = rewrite(good_docx, add={"word/media/filler.bin": b"\x00" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    assert "zip bomb" in refusal(read_docx, bomb)


def test_many_small_parts_that_unpack_past_the_limit_are_refused(settings, good_docx):
    settings.RAPPORTEUR_IMPORT_MAX_BYTES = 100_000
    parts = {f"word/media/part{number}.bin": b"\x00" * 900_000 for number in range(5)}  # each under the ratio check
    swollen = rewrite(good_docx, add=parts)
    assert len(swollen) < 100_000
    assert "would unpack to" in refusal(read_docx, swollen)


def test_a_file_over_the_configured_size_is_refused(settings, good_docx, tmp_path):
    settings.RAPPORTEUR_IMPORT_MAX_BYTES = len(good_docx) - 1
    assert "the limit for an import is" in refusal(read_docx, good_docx)
    path = tmp_path / "entry.docx"
    path.write_bytes(good_docx)
    assert "the limit for an import is" in refusal(read_docx, path)
    assert "the limit for an import is" in refusal(read_markdown, b"# x\n" * len(good_docx))


def test_the_default_size_limit_is_50_mb():
    from django.conf import settings

    assert settings.RAPPORTEUR_IMPORT_MAX_BYTES == 50 * 1024 * 1024


def test_a_missing_path_is_refused(tmp_path):
    assert "There is no file" in refusal(read_docx, tmp_path / "absent.docx")


@pytest.mark.parametrize(
    "data, said",
    [
        (b"\xff\xfe# n\x00o\x00t\x00", "not a Markdown text file"),
        (b"# Caf\xe9 in Latin-1\n", "not UTF-8"),
        (b"---\ncountry: [unclosed\n---\n# Body\n", "not valid YAML"),
        (b"---\n- a list\n- not a mapping\n---\n", "must be a list of"),
    ],
)
def test_markdown_that_cannot_be_read_is_refused(data, said):
    assert said in refusal(read_markdown, data)
