"""Two editors on one page: the second save does not silently overwrite the first."""

import pytest
from django.urls import reverse

from rapporteur.reports.models import GlossaryPage
from tests.support.helpers import form_fields

pytestmark = pytest.mark.django_db


def edit_form(client, page):
    return form_fields(client, reverse("wagtailadmin_pages:edit", args=(page.pk,)), "form#page-edit-form")


def latest_title(page):
    return GlossaryPage.objects.get(pk=page.pk).get_latest_revision_as_object().title


def save(client, page, data, **changes):
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), {**data, **changes})


def test_a_stale_save_is_refused_and_nothing_is_lost(signed_in, edition):
    page = GlossaryPage.objects.child_of(edition).get()
    first, second = signed_in("publisher"), signed_in("legal")
    form_a, form_b = edit_form(first, page), edit_form(second, page)  # both open the page

    assert save(first, page, form_a, title="Glossary of terms").status_code == 302
    refused = save(second, page, form_b, title="Glossary (legal wording)")
    assert refused.status_code == 200
    message = refused.content.decode()
    assert "publisher saved a newer version of this page" in message
    assert "Glossary (legal wording)" in message  # their change is still in the form
    assert latest_title(page) == "Glossary of terms"

    # After reloading, the second editor sees the first's version and can save on top of it.
    assert save(second, page, edit_form(second, page), title="Glossary (legal wording)").status_code == 302
    assert latest_title(page) == "Glossary (legal wording)"
    titles = [r.as_object().title for r in page.revisions.order_by("created_at")]
    assert "Glossary of terms" in titles  # the first editor's work is kept in the history


def autosave(client, page, data, **changes):
    """What Wagtail's autosave sends about two seconds after typing: the whole form, as JSON."""
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), {**data, **changes}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200, response.content
    answer = response.json()
    assert answer["success"], answer
    return answer["revision_id"]


def test_saving_after_ones_own_autosave_is_not_a_conflict(signed_in, edition):
    page = GlossaryPage.objects.child_of(edition).get()
    editor = signed_in("publisher")
    form = edit_form(editor, page)
    revision = autosave(editor, page, form, title="Glossary, first words")
    # later autosaves overwrite that revision (Wagtail sends its id); the form itself never learns it
    assert autosave(editor, page, form, title="Glossary, more words", overwrite_revision_id=revision) == revision

    saved = save(editor, page, form, title="Glossary, saved")
    assert saved.status_code == 302, "Save draft after one's own autosave must succeed"
    assert latest_title(page) == "Glossary, saved"
    assert "saved a newer version" not in editor.get(saved["Location"]).content.decode()


def test_another_persons_save_after_my_autosave_is_a_conflict_and_says_what_was_kept(signed_in, edition):
    page = GlossaryPage.objects.child_of(edition).get()
    mine, theirs = signed_in("publisher"), signed_in("legal")
    form_mine = edit_form(mine, page)
    autosave(mine, page, form_mine, title="Glossary, my draft")
    # a colleague opens the page after that autosave (so it is no rival of theirs) and saves
    assert save(theirs, page, edit_form(theirs, page), title="Glossary, legal wording").status_code == 302

    refused = save(mine, page, form_mine, title="Glossary, my final words")
    assert refused.status_code == 200
    message = refused.content.decode()
    assert "legal saved a newer version of this page" in message
    assert "were autosaved" in message and "Nothing has been saved" not in message
    assert "Glossary, my final words" in message
    assert latest_title(page) == "Glossary, legal wording"
