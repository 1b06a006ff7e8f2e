"""From a researcher's draft to publication, through regional, legal and publisher review."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from rapporteur.reports.models import CountryEntryPage, RegionPage
from tests.support.helpers import add_entry, soup

pytestmark = pytest.mark.django_db


def current_task(page):
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    return state, state.current_task_state


def act(client, page, action, comment=None):
    _, task_state = current_task(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment} if comment is not None else {})


def test_entry_goes_through_every_review_step_with_a_rejection(
    team, signed_in, edition, django_capture_on_commit_callbacks
):
    africa = RegionPage.objects.child_of(edition).get(region__slug="africa")
    researcher, editor, legal, publisher = (
        team[n] for n in ("researcher_africa", "editor_africa", "legal", "publisher")
    )
    page = add_entry(africa, "GH", summary="<p>WORKFLOW-TOKEN first draft.</p>", user=researcher)
    assert page.get_workflow().name == "Review: Africa"

    # The researcher submits; the Africa editors are told by email.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.get_workflow().start(page, researcher)
    state, task_state = current_task(page)
    assert task_state.task.name == "Regional review: Africa"
    assert any(editor.email in message.to for message in mail.outbox)

    # An editor of another region cannot act on it; the Africa editor asks for changes.
    assert act(signed_in("editor_asia"), page, "approve").status_code in (302, 403)
    assert current_task(page)[1].pk == task_state.pk
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(signed_in("editor_africa"), page, "reject", comment="Please source the second paragraph.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    author_mail = [m for m in mail.outbox if researcher.email in m.to]
    assert author_mail and "Please source the second paragraph." in author_mail[0].body
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.reject", user=editor).exists()

    # The researcher revises and resubmits; the entry then passes each reviewer in turn.
    page.summary = "<p>WORKFLOW-TOKEN revised, with sources.</p>"
    page.save_revision(user=researcher)
    state.resume(user=researcher)
    for reviewer, client_name, expected_task in (
        (editor, "editor_africa", "Regional review: Africa"),
        (legal, "legal", "Legal review"),
        (publisher, "publisher", "Publisher approval"),
    ):
        assert current_task(page)[1].task.name == expected_task
        assert act(signed_in("researcher_africa"), page, "approve").status_code in (302, 403)  # authors cannot approve
        act(signed_in(client_name), page, "approve", comment="")
        assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve", user=reviewer).exists()

    page = CountryEntryPage.objects.get(pk=page.pk)
    assert page.live
    assert "revised, with sources" in page.summary
    assert not WorkflowState.objects.active().filter(object_id=str(page.pk)).exists()


def test_pages_outside_regions_skip_regional_review(team, edition):
    introduction = edition.get_children().get(slug="introduction").specific
    workflow = introduction.get_workflow()
    assert [task.name for task in workflow.tasks] == ["Legal review", "Publisher approval"]


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_each_review_step_says_what_happened_and_the_author_sees_the_comment(team, signed_in, edition):
    africa = RegionPage.objects.child_of(edition).get(region__slug="africa")
    page = add_entry(africa, "GH", user=team["researcher_africa"])
    page.get_workflow().start(page, team["researcher_africa"])

    sent_back = act(signed_in("editor_africa"), page, "reject", comment="Please source the second paragraph.")
    assert said(sent_back) == [
        "Changes requested on “Ghana”: “Please source the second paragraph.”. The author is told by email "
        "and reads your comment when they open the page."
    ]
    author = signed_in("researcher_africa")
    editor_page = soup(author.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))))
    shown = " ".join(m.get_text(" ", strip=True) for m in editor_page.select(".messages li"))
    assert "Changes requested by editor_africa at Regional review: Africa" in shown
    assert "“Please source the second paragraph.”" in shown

    WorkflowState.objects.active().get(object_id=str(page.pk)).resume(user=team["researcher_africa"])
    approved = act(signed_in("editor_africa"), page, "approve", comment="")
    assert said(approved) == ["“Ghana” approved at Regional review: Africa; now with Legal review."]
    act(signed_in("legal"), page, "approve", comment="")
    published = act(signed_in("publisher"), page, "approve", comment="")
    assert said(published) == ["“Ghana” approved at Publisher approval and published: readers can see it now."]
    # once resolved, the author's editor no longer shows the old request
    editor_page = soup(author.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))))
    assert "Changes requested by" not in editor_page.get_text()
