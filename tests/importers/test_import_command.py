"""``manage.py import_report``: the preview, a dry run that writes nothing, and a whole book as drafts."""

import io
import time

import pytest
from django.core.management import CommandError, call_command

from rapporteur.reports.models import CountryEntryPage, EditionPage
from tests.importers.legacy_samples import require_samples

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("import_report", *args, stdout=out)
    return out.getvalue()


def test_a_whole_legacy_book_becomes_a_draft_edition():
    book = str(require_samples() / "books" / "2012.txt")
    preview = run(book, "--edition", "2011", "--dry-run")
    assert preview.splitlines()[0].startswith("Annual Report 2011 (a new draft edition): 155 to create")
    assert "Dry run: nothing was written." in preview
    assert not EditionPage.objects.filter(year=2011).exists()

    started = time.monotonic()
    run(book, "--edition", "2011")
    elapsed = time.monotonic() - started
    edition = EditionPage.objects.get(year=2011, locale__language_code="en")
    entries = CountryEntryPage.objects.descendant_of(edition)
    assert entries.count() == 155 and not entries.filter(live=True).exists()
    print(f"whole book imported in {elapsed:.1f} s")
    again = run(book, "--edition", "2011", "--dry-run")
    assert "0 to create, 0 to update, 155 unchanged" in again.splitlines()[0]


def test_bad_requests_are_refused_with_a_message(tmp_path):
    scan = tmp_path / "book.pdf"
    scan.write_bytes(b"%PDF-1.4")
    with pytest.raises(CommandError, match="book.pdf is not a readable PDF"):
        run(str(scan), "--edition", "2011")
    other = tmp_path / "notes.rtf"
    other.write_text("x")
    with pytest.raises(CommandError, match="an import reads"):
        run(str(other), "--edition", "2011")
    renamed = tmp_path / "entry.docx"
    renamed.write_text("not a word file")
    with pytest.raises(CommandError, match="entry.docx"):
        run(str(renamed), "--edition", "2011")
