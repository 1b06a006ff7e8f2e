""" "Cite this entry": the plain line, BibTeX and CSL-JSON, on the page and as files at stable addresses."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rapporteur.reports.models import OrganisationSettings, RegionPage
from tests.support.helpers import add_entry, approve, soup

pytestmark = pytest.mark.django_db

KAZAKHSTAN = "/en/2013/europe-and-central-asia/kazakhstan/"
ORGANISATION = "Rapporteur Demonstration Organisation"
REPORT = "Annual Report 2013: The state of the world's human rights"
TORTURE = "2013-KZ-torture-and-other-ill-treatment"
# What CSL 1.0.2 allows as an item's type (csl-data.json); ``id`` and ``type`` are required.
CSL_TYPES = {"article", "book", "chapter", "dataset", "document", "entry", "report", "webpage"}


def today():
    return timezone.localdate()


def parse_bibtex(text):
    """A strict reading of one BibTeX entry: ``@type{key,`` then ``name = {value},`` lines, braces balanced."""
    match = re.fullmatch(r"@(\w+)\{([^,\s{}]+),\n(.*)\}\n", text, re.S)
    assert match, f"not one BibTeX entry: {text!r}"
    kind, key, body = match.groups()
    fields, position = {}, 0
    while position < len(body):
        field = re.compile(r"  ([a-z]+) = \{").match(body, position)
        assert field, f"bad field at {body[position : position + 40]!r}"
        depth, cursor = 1, field.end()
        while depth:
            char = body[cursor]
            if char == "\\":
                cursor += 2
                continue
            depth += {"{": 1, "}": -1}.get(char, 0)
            cursor += 1
        assert body[cursor : cursor + 2] == ",\n", f"field {field.group(1)} not closed by a brace and a comma"
        assert field.group(1) not in fields, f"field {field.group(1)} twice"
        fields[field.group(1)] = body[field.end() : cursor - 1]
        position = cursor + 2
    return kind, key, fields


def test_the_entry_citation_names_organisation_report_year_entry_address_and_day(read):
    _, html = read(KAZAKHSTAN)
    cite = html.select_one("header details.cite")
    assert cite.summary.get_text() == "Cite this entry"
    assert " ".join(cite.select_one(".cite__text").get_text().split()) == (
        f"{ORGANISATION}, “Kazakhstan”, in {REPORT}, 2013, http://testserver{KAZAKHSTAN} "
        f"(accessed {today():%-d %B %Y})."
    )
    assert cite.select_one(".cite__text cite").get_text() == REPORT


def test_every_section_has_its_own_citation_with_its_anchor(read):
    _, html = read(KAZAKHSTAN)
    sections = html.select("section.entry__section[id]")
    themed = [s for s in sections if s.select_one("details.cite")]
    assert len(themed) == 5, "every theme section"
    torture = html.select_one("#torture-and-other-ill-treatment details.cite")
    assert torture.summary.get_text() == "Cite this section: Torture and other ill-treatment"
    assert " ".join(torture.select_one(".cite__text").get_text().split()) == (
        f"{ORGANISATION}, “Kazakhstan: Torture and other ill-treatment”, in {REPORT}, 2013, "
        f"http://testserver{KAZAKHSTAN}#torture-and-other-ill-treatment (accessed {today():%-d %B %Y})."
    )
    files = {a.get_text(): a["href"] for a in torture.select(".cite__files a")}
    assert files == {"BibTeX (.bib)": f"/en/cite/{TORTURE}.bib", "CSL-JSON (.json)": f"/en/cite/{TORTURE}.json"}
    assert not html.select("details.cite script"), "no script needed"
    # the entry's disclosure shows all three ways; a section's shows the line and BibTeX, and its
    # CSL-JSON as a file (printed five times over, the JSON weighed a sixth of the page)
    captions = [f.get_text() for f in torture.select("figcaption")]
    assert captions == ["BibTeX"]
    assert [f.get_text() for f in html.select("header details.cite figcaption")] == ["BibTeX", "CSL-JSON"]


def test_bibtex_file_parses_and_names_the_section(client, read):
    response = client.get(f"/en/cite/{TORTURE}.bib")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{TORTURE}.bib"'
    kind, key, fields = parse_bibtex(response.content.decode())
    assert kind == "incollection" and key.endswith(TORTURE)
    assert fields["author"] == "{" + ORGANISATION + "}"
    assert fields["title"] == "{Kazakhstan: Torture and other ill-treatment}"
    assert fields["booktitle"] == REPORT
    assert fields["year"] == "2013"
    assert fields["url"] == f"http://testserver{KAZAKHSTAN}#torture-and-other-ill-treatment"
    assert fields["urldate"] == today().isoformat()
    _, html = read(KAZAKHSTAN)  # the page shows the same entry
    shown = html.select_one(f"#cite-{TORTURE} figure pre").get_text()
    assert parse_bibtex(shown) == (kind, key, fields)


def test_csl_json_file_has_what_a_reference_manager_needs(client):
    response = client.get("/en/cite/2013-KZ.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    [item] = json.loads(response.content)
    assert item["id"] == "2013-KZ" and item["type"] in CSL_TYPES
    assert item["title"] == "Kazakhstan"
    assert item["container-title"] == REPORT
    assert item["author"] == [{"literal": ORGANISATION}]
    assert item["issued"] == {"date-parts": [[2013]]}
    assert item["accessed"] == {"date-parts": [[today().year, today().month, today().day]]}
    assert item["URL"] == f"http://testserver{KAZAKHSTAN}"


def test_special_characters_and_direction_controls_stay_inside_their_field(client, read, kazakhstan):
    settings = OrganisationSettings.objects.get()
    settings.name = "Rights & {Watch} 100% \u202eevil"
    settings.save()
    kind, _, fields = parse_bibtex(client.get("/en/cite/2013-KZ.bib").content.decode())
    assert fields["author"] == "{Rights \\& \\{Watch\\} 100\\% \u202eevil\u202c}"
    [item] = json.loads(client.get("/en/cite/2013-KZ.json").content)
    assert item["publisher"] == "Rights & {Watch} 100% \u202eevil\u202c"
    _, html = read(KAZAKHSTAN)
    text = html.select_one("header .cite__text")
    assert text.bdi.get_text() == "Rights & {Watch} 100% \u202eevil"  # isolated in the page


def test_citations_exist_only_for_what_readers_can_see(client, embargoed_edition, team, edition):
    _, africa, _ = embargoed_edition
    approve(add_entry(africa, "GH", "<p>Embargoed</p>"), team["publisher"])
    asia = RegionPage.objects.child_of(edition).get(region__slug="asia-pacific")
    add_entry(asia, "JP", "<p>Draft</p>")
    for path in (
        "/en/cite/2014-GH.bib",  # under embargo
        "/en/cite/2014-GH.json",
        "/en/cite/2013-JP.bib",  # a draft
        "/en/cite/2013-KZ-no-such-section.bib",
        "/en/cite/2013-kz.bib",
        "/en/cite/2013-KZ.txt",
        "/en/cite/nonsense.json",
    ):
        assert client.get(path).status_code == 404, path


def test_a_cached_citation_never_shows_another_host_or_a_draft(admin_client, kazakhstan):
    """The boxes are cached per host and day for readers; a preview builds its own from the draft."""
    client = Client()  # an anonymous reader (admin_client signs pytest-django's ``client`` in)
    first = client.get(KAZAKHSTAN).content.decode()
    assert f"http://testserver{KAZAKHSTAN}" in first
    other_host = client.get(KAZAKHSTAN, HTTP_HOST="localhost").content.decode()
    assert f"http://localhost{KAZAKHSTAN}" in other_host and "http://testserver" not in other_host
    kazakhstan.title = "Kazakhstan DRAFT-TITLE"
    revision = kazakhstan.save_revision()
    # the live boxes, cached again for the host Wagtail's preview answers as
    assert "DRAFT-TITLE" not in client.get(KAZAKHSTAN, HTTP_HOST="localhost").content.decode()
    preview = admin_client.get(reverse("wagtailadmin_pages:revisions_view", args=(kazakhstan.pk, revision.pk)))
    assert "“Kazakhstan DRAFT-TITLE”" in soup(preview).select_one("header .cite__text").get_text()
    assert "DRAFT-TITLE" not in client.get(KAZAKHSTAN).content.decode(), "the reader still sees the live entry"
