"""The admin carries the organisation's name and asks nothing of any other site."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from rapporteur.reports.models import OrganisationSettings

pytestmark = pytest.mark.django_db


def fetched_from_elsewhere(html):
    """Addresses a browser would fetch by itself (images, scripts, styles, icons, frames) on another host."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        addresses = [tag.get("src"), tag.get("data"), tag.get("poster")]
        addresses += [part.split()[0] for part in (tag.get("srcset") or "").split(",") if part.strip()]
        if tag.name == "link":
            addresses.append(tag.get("href"))
        found += [a for a in addresses if a and urlsplit(a).netloc not in ("", "testserver")]
    return found


@pytest.fixture
def organisation(db):
    settings = OrganisationSettings.objects.get()
    settings.name = "Friends of the Rapporteur"
    settings.save()
    return settings.name


def test_the_sign_in_page_names_the_organisation(client, organisation):
    page = client.get(reverse("wagtailadmin_login")).content.decode()
    assert f"Sign in to {organisation}" in page
    assert "Sign in to Wagtail" not in page


def test_admin_pages_are_titled_with_the_organisation_and_load_nothing_from_elsewhere(admin_client, organisation):
    admin_client.get(reverse("wagtailadmin_home"))  # warm
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root"), reverse("rapporteur_editions")):
        html = admin_client.get(url).content.decode()
        assert f"- {organisation}</title>" in html, url
        assert "gravatar" not in html, url
        assert fetched_from_elsewhere(html) == [], url


def test_admin_pages_carry_a_content_security_policy_with_no_other_origin(admin_client, client):
    for response in (admin_client.get(reverse("wagtailadmin_home")), client.get(reverse("wagtailadmin_login"))):
        policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
        assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
        assert policy["frame-ancestors"] == "'self'" and policy["form-action"] == "'self'"
        sources = " ".join(policy.values())
        assert "http" not in sources and "*" not in sources, "no third-party origin may be allowed"
