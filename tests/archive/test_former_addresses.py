"""A country, theme or person readers can see keeps its address: a new slug needs the publisher's
approval, and the old address then leads to the new one — never to something still hidden."""

import pytest
from django.urls import reverse

from rapporteur.reports.models import Country, Person, Theme
from tests.support.helpers import entry_naming_person

pytestmark = pytest.mark.django_db


def edit_person(client, person, **changes):
    data = {"name": person.name, "slug": person.slug, "status": person.status, "country": person.country_id or ""}
    data.update(changes)
    return client.post(reverse("wagtailsnippets_reports_person:edit", args=(person.pk,)), data)


def test_moving_a_published_persons_address_needs_approval_and_leaves_a_redirect(client, signed_in):
    publisher = signed_in("publisher")
    person = Person.objects.get(slug="natalia-sokolova")

    refused = edit_person(publisher, person, slug="natalia-sokolova-kz")
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Readers know this person at /en/people/natalia-sokolova/" in page
    assert "/en/people/natalia-sokolova-kz/" in page
    assert Person.objects.get(pk=person.pk).slug == "natalia-sokolova"  # nothing changed
    assert "natalia-sokolova-kz" in page  # what was typed is still in the form

    moved = edit_person(publisher, person, slug="natalia-sokolova-kz", approve_new_address="on")
    assert moved.status_code == 302
    old = client.get("/en/people/natalia-sokolova/?utm_source=x")
    assert old.status_code == 301
    assert old["Location"] == "/en/people/natalia-sokolova-kz/?utm_source=x"
    assert client.get("/en/people/natalia-sokolova-kz/").status_code == 200


def test_a_slug_readers_never_saw_changes_freely(signed_in):
    person = Person.objects.create(name="Not Yet Named Anywhere", slug="not-yet-named")
    answer = edit_person(signed_in("publisher"), person, slug="still-not-named")
    assert answer.status_code == 302
    assert Person.objects.get(pk=person.pk).slug == "still-not-named"


def test_every_former_address_leads_on_and_the_current_slug_wins(client):
    """Renamed from the shell or an import (no admin form): the old addresses are kept all the same."""
    theme = Theme.objects.get(slug="unfair-trials")
    theme.slug = "fair-trial"
    theme.save()
    theme.slug = "right-to-a-fair-trial"
    theme.save()
    for old in ("unfair-trials", "fair-trial"):
        answer = client.get(f"/en/themes/{old}/?edition=2012")
        assert (answer.status_code, answer["Location"]) == (301, "/en/themes/right-to-a-fair-trial/?edition=2012")
    theme.slug = "unfair-trials"  # and back: the address is current again, not a redirect in a loop
    theme.save()
    assert client.get("/en/themes/unfair-trials/").status_code == 200
    assert client.get("/en/themes/right-to-a-fair-trial/")["Location"] == "/en/themes/unfair-trials/"

    country = Country.objects.get(iso_code="KZ")
    country.slug = "republic-of-kazakhstan"
    country.save()
    assert client.get("/en/countries/kazakhstan/")["Location"] == "/en/countries/republic-of-kazakhstan/"


def test_an_old_address_never_names_a_hidden_new_one(
    client, team, embargoed_edition, django_capture_on_commit_callbacks
):
    """A person named only in an embargoed entry: the old address answers 404, like the new one."""
    _, africa, _ = embargoed_edition
    secret = Person.objects.create(name="Embargoed Person", slug="embargoed-person")
    with django_capture_on_commit_callbacks(execute=True):
        entry_naming_person(africa, "GH", secret, team["publisher"])
    secret.slug = "renamed-before-launch"
    secret.save()
    assert client.get("/en/people/embargoed-person/").status_code == 404
    assert client.get("/en/people/renamed-before-launch/").status_code == 404
