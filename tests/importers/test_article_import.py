"""Articles from Word and Markdown: drafts under the edition, one page per kind, never over a
published version, nothing the second time. The wording is placeholder text written for these tests."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import PageLogEntry

from rapporteur.importers.imported import ImportedEdition
from rapporteur.importers.markdown import read_markdown
from rapporteur.importers.word import read_docx
from rapporteur.importers.writer import plan_import, write_import
from rapporteur.reports.models import ArticlePage, EditionPage, PressReleasePage
from tests.importers.docx_files import new_document, to_bytes

pytestmark = pytest.mark.django_db

ESSAY_MARKDOWN = """---
kind: essay
title: A placeholder essay on quiet courage
author: A. Placeholder Writer
---
The lead paragraph of the placeholder essay.

# First headed part

Body text with **bold**, *italic* and [a link](https://example.org/).

> A placeholder quotation.
"""


def essay_docx(title="A placeholder essay in Word", lead="The essay's lead, in Word."):
    document = new_document(title)
    document.add_paragraph("Kind: essay")
    document.add_paragraph("Author: A. Placeholder Writer")
    document.add_paragraph(lead)
    document.add_heading("A headed part", level=1)
    document.add_paragraph("The body of the headed part.")
    return read_docx(to_bytes(document), name="essay.docx")


def test_a_markdown_essay_becomes_a_draft_revision_and_readers_keep_the_published_essay(client):
    essay = ArticlePage.objects.get(kind="essay", url_path__startswith="/home/2013/", locale__language_code="en")
    published_title = essay.title
    plan = plan_import(ImportedEdition(articles=[read_markdown(ESSAY_MARKDOWN.encode(), name="essay.md")]), 2013)
    assert [(a.action, a.page) for a in plan.articles] == [("update", essay)]
    assert "   update  Essay: “A placeholder essay on quiet courage”, 3 blocks" in plan.lines()

    write_import(plan, source="essay.md")
    essay.refresh_from_db()
    assert essay.live and essay.title == published_title and essay.has_unpublished_changes
    draft = essay.get_latest_revision_as_object()
    assert (draft.title, draft.author, draft.lead) == (
        "A placeholder essay on quiet courage",
        "A. Placeholder Writer",
        "The lead paragraph of the placeholder essay.",
    )
    assert [block.block_type for block in draft.body] == ["heading", "paragraph", "quote"]
    assert draft.body[0].value == "First headed part"
    assert "<b>bold</b>" in draft.body[1].value.source and 'href="https://example.org/"' in draft.body[1].value.source
    assert draft.body[2].value["quote"] == "A placeholder quotation."
    assert "quiet courage" not in client.get(essay.url).content.decode()
    assert PageLogEntry.objects.filter(page=essay, action="rapporteur.import", data__source="essay.md").exists()


def test_importing_an_article_twice_changes_nothing():
    imported = ImportedEdition(articles=[essay_docx()])
    write_import(plan_import(imported, 2013))
    essay = ArticlePage.objects.get(kind="essay", url_path__startswith="/home/2013/", locale__language_code="en")
    revisions = essay.revisions.count()
    again = plan_import(ImportedEdition(articles=[essay_docx()]), 2013)
    assert [a.action for a in again.articles] == ["unchanged"]
    write_import(again)
    assert essay.revisions.count() == revisions


def test_an_edition_without_that_kind_gets_a_new_draft_page(client):
    edition = EditionPage.objects.get(year=2012, locale__language_code="en")
    assert not PressReleasePage.objects.child_of(edition).exists()
    document = new_document("Press release")
    document.add_paragraph("A placeholder release for the launch.")
    document.add_paragraph("More placeholder release text.")
    release = read_docx(to_bytes(document), name="release.docx")
    plan = plan_import(ImportedEdition(articles=[release]), 2012)
    assert plan.counts()["create"] == 1
    write_import(plan)
    page = PressReleasePage.objects.child_of(edition).get()
    assert not page.live and page.slug == "press-release"
    assert page.get_latest_revision_as_object().lead == "A placeholder release for the launch."
    assert client.get(page.url or "/en/2012/press-release/").status_code == 404


def test_locked_articles_duplicates_and_empty_articles_are_refused_with_a_reason():
    introduction = ArticlePage.objects.get(
        kind="introduction", url_path__startswith="/home/2013/", locale__language_code="en"
    )
    introduction.locked = True
    introduction.save()
    document = new_document("Introduction")
    document.add_paragraph("A placeholder introduction.")
    locked = read_docx(to_bytes(document))
    empty = new_document("Kind line only")
    empty.add_paragraph("Kind: global update")
    plan = plan_import(
        ImportedEdition(articles=[locked, essay_docx(), essay_docx("Second essay"), read_docx(to_bytes(empty))]),
        2013,
    )
    assert [(a.action, a.reason) for a in plan.articles] == [
        ("refused", "the introduction is locked or in review"),
        ("update", ""),
        ("refused", "a second essay (the first is essay.docx): an edition has one"),
        ("refused", "it has no text: the first paragraph is its lead"),
    ]
    before = ArticlePage.objects.get(pk=introduction.pk).revisions.count()
    write_import(plan)
    assert ArticlePage.objects.get(pk=introduction.pk).revisions.count() == before


def test_a_researcher_may_not_import_articles(team):
    plan = plan_import(ImportedEdition(articles=[essay_docx()]), 2013, user=team["researcher_africa"])
    assert [(a.action, a.reason) for a in plan.articles] == [("refused", "you may not edit the essay")]


def test_the_command_previews_and_writes_articles(tmp_path):
    path = tmp_path / "essay.md"
    path.write_text(ESSAY_MARKDOWN, encoding="utf-8")
    out = io.StringIO()
    call_command("import_report", str(path), "--edition", "2013", stdout=out)
    printed = out.getvalue()
    assert "not available" not in printed
    assert "update  Essay: “A placeholder essay on quiet courage”" in printed
    assert "1 updated" in printed
    essay = ArticlePage.objects.get(kind="essay", url_path__startswith="/home/2013/", locale__language_code="en")
    assert essay.get_latest_revision_as_object().title == "A placeholder essay on quiet courage"
