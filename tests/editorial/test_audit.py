"""The audit trail: every sensitive action is recorded with who and when, filterable and exportable."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from rapporteur.editorial.embargo import launch_edition
from rapporteur.editorial.roles import grant_role
from tests.support.helpers import add_entry, approve

pytestmark = pytest.mark.django_db


def test_each_sensitive_action_leaves_a_row(team, edition, embargoed_edition):
    publisher = team["publisher"]
    Client().post(reverse("wagtailadmin_login"), {"username": "legal", "password": "wrong"})
    grant_role(team["legal"], "researcher", "americas")
    mali = edition.get_descendants().get(slug="mali").specific
    mali.unpublish(user=publisher)
    mali.get_latest_revision().publish(user=publisher)
    embargoed, africa, launch_at = embargoed_edition
    approve(add_entry(africa, "GH"), publisher)
    launch_edition(embargoed, user=publisher)

    assert ModelLogEntry.objects.filter(action="rapporteur.login_failed", data__username="legal").exists()
    assert ModelLogEntry.objects.filter(action="rapporteur.role_change", object_id=str(team["legal"].pk)).exists()
    assert PageLogEntry.objects.filter(page=mali, action="wagtail.unpublish", user=publisher).exists()
    assert PageLogEntry.objects.filter(page=mali, action="wagtail.publish", user=publisher).exists()
    assert PageLogEntry.objects.filter(action="rapporteur.launch", user=publisher).exists()
    for entry in ModelLogEntry.objects.filter(action__startswith="rapporteur."):
        assert entry.timestamp is not None


def test_administrators_filter_and_export_the_trail(team, signed_in):
    Client().post(reverse("wagtailadmin_login"), {"username": "publisher", "password": "wrong"})
    Client().post(reverse("wagtailadmin_login"), {"username": "nobody-at-all", "password": "wrong"})
    admin = signed_in("administrator")
    url = reverse("wagtailadmin_reports:site_history")
    page = admin.get(url, {"action": "rapporteur.login_failed"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "Sign-in failed" in body and "nobody-at-all (no such account)" in body
    assert "Signed in" not in body  # the filter excludes other actions
    export = admin.get(url, {"action": "rapporteur.login_failed", "export": "csv"})
    assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
    csv = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "Sign-in failed" in csv and "nobody-at-all (no such account)" in csv and ",publisher,User," in csv


def test_researchers_do_not_see_account_events(signed_in):
    Client().post(reverse("wagtailadmin_login"), {"username": "publisher", "password": "wrong"})
    response = signed_in("researcher_africa").get(reverse("wagtailadmin_reports:site_history"))
    assert b"Sign-in failed" not in response.content
