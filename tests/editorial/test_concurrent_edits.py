"""Two editors on one page: the second save does not silently overwrite the first."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from rapporteur.reports.models import GlossaryPage

pytestmark = pytest.mark.django_db


def edit_form(client, page):
    """What the editor's browser would send back: every field of the edit form as loaded."""
    html = BeautifulSoup(client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content, "html.parser")
    form = html.find("form", id="page-edit-form")
    data = {}
    for field in form.find_all("input"):
        if field.get("name") and field.get("type") not in ("checkbox", "radio", "submit", "button", "file"):
            data[field["name"]] = field.get("value", "")
    for field in form.find_all("textarea"):
        data[field["name"]] = field.text
    for field in form.find_all("select"):
        selected = field.find("option", selected=True)
        data[field["name"]] = selected["value"] if selected else ""
    return data


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
