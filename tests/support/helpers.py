"""Helpers the tests share (fixtures are in ``tests/conftest.py``): external tools, signing in, content."""

import os
import re
import shutil

import pytest
from bs4 import BeautifulSoup

from rapporteur.reports.models import Country, CountryEntryPage

REQUIRE_EXTERNAL = os.environ.get("RAPPORTEUR_REQUIRE_EXTERNAL") == "1"


def require_tool(path_or_name, why):
    """Skip when an external tool is missing, unless CI demands it (RAPPORTEUR_REQUIRE_EXTERNAL=1)."""
    found = path_or_name if os.path.isabs(path_or_name) and os.path.exists(path_or_name) else shutil.which(path_or_name)
    if found:
        return found
    message = f"{path_or_name} is not installed ({why})"
    if REQUIRE_EXTERNAL:
        pytest.fail(message + " and RAPPORTEUR_REQUIRE_EXTERNAL=1")
    pytest.skip(message)


def verify_second_factor(client, user):
    """Sign ``user`` in on ``client`` as if they had entered their password and a valid TOTP code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def form_fields(client, url, form_selector="form[data-edit-form]"):
    """What an editor's browser would send back: every field of an admin form as it loaded."""
    form = BeautifulSoup(client.get(url).content, "html.parser").select_one(form_selector)
    data = {}
    for field in form.find_all("input"):
        if field.get("name") and field.get("type") not in ("checkbox", "radio", "submit", "button", "file"):
            data[field["name"]] = field.get("value", "")
        elif field.get("type") in ("checkbox", "radio") and field.has_attr("checked"):
            data[field["name"]] = field.get("value", "on")
    for field in form.find_all("textarea"):
        data[field["name"]] = field.text
    for field in form.find_all("select"):
        selected = field.find("option", selected=True)
        data[field["name"]] = selected["value"] if selected else ""
    return data


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def add_entry(region_page, iso_code, summary="<p>Summary.</p>", user=None):
    country = Country.objects.filter(iso_code=iso_code).first() or Country.objects.create(iso_code=iso_code)
    page = CountryEntryPage(
        title=country.name, slug=country.slug, country=country, summary=summary, body=[], owner=user, live=False
    )
    region_page.add_child(instance=page)
    page.save_revision(user=user)
    return CountryEntryPage.objects.get(pk=page.pk)


def approve(page, user):
    """Publish the latest revision as a publisher would (inside an embargoed edition, readers see it only at launch)."""
    page.get_latest_revision().publish(user=user)
    return CountryEntryPage.objects.get(pk=page.pk) if isinstance(page, CountryEntryPage) else page


def entry_naming_person(region_page, iso_code, person, publisher, summary="<p>Entry</p>", case="<p>A case.</p>"):
    """A published entry in ``region_page`` with one theme section whose case names ``person``.

    Inside an embargoed edition, the person is named only where readers cannot look yet. Run it
    inside ``django_capture_on_commit_callbacks(execute=True)`` so the archive records it.
    """
    entry = add_entry(region_page, iso_code, summary)
    entry.body = [
        {
            "type": "section",
            "value": {
                "theme": 1,
                "heading": "",
                "content": [{"type": "case", "value": {"person": person.pk, "text": case}}],
            },
        }
    ]
    entry.save_revision()
    return approve(entry, publisher)


def pdf_text(data):
    """The PDF's text in the order it was set, column after column (``-layout`` interleaves them),
    with words hyphenated at a line end joined again."""
    import subprocess

    pdftotext = require_tool("pdftotext", "needed to read PDFs back; apt-get install poppler-utils")
    result = subprocess.run([pdftotext, "-raw", "-", "-"], input=data, capture_output=True, check=True)
    return " ".join(re.sub("\u00ad\\s*", "", result.stdout.decode()).split())


def embargoed_edition_script(launch_in_seconds):
    """Code for a served instance's shell: an embargoed 2014 edition with a published Ghana entry
    reading LAUNCH-TOKEN, its launch brought to ``launch_in_seconds`` from the end of the setup
    (how long the setup took does not matter). It prints the launch time as a timestamp."""
    return f"""
import datetime
from django.utils import timezone
from rapporteur.editorial.embargo import schedule_launch
from rapporteur.reports.models import Country, CountryEntryPage, EditionPage, HomePage, Region, RegionPage
edition = EditionPage(title="Annual Report 2014", year=2014, live=False)
HomePage.objects.get(locale__language_code="en").add_child(instance=edition)
edition.save_revision()
schedule_launch(edition, timezone.now() + datetime.timedelta(days=1))
region = RegionPage(title="Africa", slug="africa", region=Region.objects.get(slug="africa"), teaser="t", overview=[], live=False)
edition.add_child(instance=region)
region.save_revision().publish()
ghana = Country.objects.create(iso_code="GH")
entry = CountryEntryPage(title="Ghana", slug="ghana", country=ghana, summary="<p>LAUNCH-TOKEN</p>", body=[], live=False)
region.add_child(instance=entry)
entry.save_revision().publish()
launch_at = timezone.now() + datetime.timedelta(seconds={launch_in_seconds})
schedule_launch(edition, launch_at)
print(launch_at.timestamp())
"""
