"""The leak test: an anonymous reader crawls every channel and never finds unpublished content.

Tokens are planted in a draft, an embargoed (approved, published under the unlaunched
edition) entry, an expired entry,
a private entry, an unpublished revision of a live entry and in documents attached to
hidden pages. The crawl covers pages, listings, the jump select, the sitemap, robots.txt, search (and
every facet link it offers), country hubs, theme and people pages, the generated PDFs and
e-books (read as text), the Atom feeds and citation files, static files and documents — and the
hidden addresses themselves. A static mirror built from the same state is walked file by file.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from rapporteur.editorial.embargo import launch_edition, publish_due
from rapporteur.opendata.datasets.build import build_all
from rapporteur.publishing.builds import build_edition, build_pending
from rapporteur.publishing.mirror.build import MirrorUnavailable, build_mirror
from rapporteur.reports.models import CountryEntryPage, DownloadFile, DownloadsPage, RegionPage, RelatedReport
from tests.support.crawl import bodies_containing, crawl, readable_text
from tests.support.helpers import add_entry, approve

pytestmark = pytest.mark.django_db

TOKENS = [
    "LEAK-DRAFT",
    "LEAK-EMBARGO",
    "LEAK-EXPIRED",
    "LEAK-PRIVATE",
    "LEAK-REVISION",
    "LEAK-DOC-EMBARGO",
    "LEAK-DOC-ORPHAN",
]


def document(token):
    doc = Document(title=f"{token} report")
    doc.file.save(f"{token.lower()}.txt", ContentFile(f"secret {token}".encode()), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


@pytest.fixture
def planted(team, edition, kazakhstan, embargoed_edition, django_capture_on_commit_callbacks):
    embargo, embargo_africa, launch_at = embargoed_edition
    regions = {r.region.slug: r for r in RegionPage.objects.child_of(edition)}
    publisher = team["publisher"]
    with django_capture_on_commit_callbacks(execute=True):
        draft = add_entry(regions["asia-pacific"], "JP", "<p>LEAK-DRAFT</p>")

        embargoed = approve(add_entry(embargo_africa, "GH", "<p>LEAK-EMBARGO</p>"), publisher)
        downloads = DownloadsPage(title="Get your copy", slug="downloads", live=False)
        embargo.add_child(instance=downloads)
        embargo_doc = document("LEAK-DOC-EMBARGO")
        downloads.files = [DownloadFile(document=embargo_doc, title="LEAK-DOC-EMBARGO PDF")]
        downloads.save_revision().publish()

        expired = approve(add_entry(regions["americas"], "CA", "<p>LEAK-EXPIRED</p>"), publisher)
        expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        expired.save_revision().publish()
        publish_due()

        private = approve(add_entry(regions["europe-and-central-asia"], "FR", "<p>LEAK-PRIVATE</p>"), publisher)
        private.related_reports = [RelatedReport(title="LEAK-PRIVATE report", document=document("LEAK-PRIVATE-DOC"))]
        private.save_revision().publish()
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

        kazakhstan.summary = "<p>LEAK-REVISION</p>"
        kazakhstan.save_revision()

        orphan = document("LEAK-DOC-ORPHAN")
    hidden = API_HIDDEN + [
        draft.url_path.replace("/home/", "/en/", 1),
        "/en/2014/",
        "/en/2014/africa/ghana/",
        "/en/2014/downloads/",
        "/en/2014/jump/?country=ghana",
        "/en/2014/feed.atom",
        "/en/countries/ghana/feed.atom",
        "/en/cite/2014-GH.bib",
        "/en/cite/2014-GH.json",
        "/en/2013/americas/canada/",
        "/en/2013/europe-and-central-asia/france/",
        embargo_doc.url,
        orphan.url,
        private.related_reports.first().document.url,
    ]
    assert not CountryEntryPage.objects.get(pk=expired.pk).live
    build_edition(edition)  # the 2013 PDF and e-book, made after everything was planted
    build_edition(embargo)  # under embargo: must make nothing
    build_all()  # the open datasets, likewise
    return {"hidden": hidden, "edition": embargo, "embargoed": embargoed, "publisher": publisher}


# Searched in lower case, so that the search page repeating the query back cannot look like a leak.
ARCHIVE_PROBES = [f"/en/search/?q={token.lower().replace('-', '+')}" for token in TOKENS] + [
    "/en/search/?q=leak",
    "/en/countries/japan/",
    "/en/countries/ghana/",
    "/en/countries/canada/",
    "/en/countries/france/",
    "/en/themes/excessive-use-of-force/?edition=2014",
    "/api/v1/search?q=leak",
    "/api/v1/matrix",
    "/api/v1/entries?edition=2014",
    "/api/v1/sections?edition=2014",
]
# The open-data API's addresses of the hidden entries: unknown (404), like the pages.
API_HIDDEN = ["/api/v1/editions/2014", "/api/v1/entries/2014-GH", "/api/v1/countries/GH", "/api/v1/countries/JP"] + [
    f"/api/v1/entries/2013-{code}" for code in ("JP", "CA", "FR")
]


def test_no_token_reaches_an_anonymous_reader_before_launch(client, planted):
    responses = crawl(client, extra=planted["hidden"] + ARCHIVE_PROBES)
    assert any(path.startswith("/en/search/") for path in responses), "search was crawled"
    assert any(path.startswith("/en/themes/") for path in responses), "theme pages were crawled"
    assert len(responses) > 40
    assert any(path.startswith("/documents/") for path in responses), "documents were crawled"
    assert any("jump/?country=" in path for path in responses), "the jump select was crawled"
    assert "/en/2013/files/annual-report-2013.pdf" in responses, "the edition PDF was crawled"
    assert "/en/2013/files/annual-report-2013.epub" in responses, "the e-book was crawled"
    assert "Kazakhstan" in responses["/en/2013/files/annual-report-2013.pdf"].text, "files are read as text"
    api = [path for path in responses if path.startswith("/api/v1/")]
    for resource in ("entries/", "sections/", "cases/", "people/", "countries/", "themes/", "editions/", "search"):
        assert any(path.startswith(f"/api/v1/{resource}") for path in api), f"the API's {resource} were crawled"
    for name in ("archive-data.zip", "2013-data.xlsx", "archive-data.sqlite", "2013-data.jsonl"):
        assert "Kazakhstan" in responses[f"/en/data/files/annual-report-{name}"].text, f"{name} was crawled"
    assert "/en/countries/kazakhstan/feed.atom" in responses, "the feeds were crawled"
    assert "/en/cite/2013-KZ.bib" in responses, "the citation files were crawled"
    for token in TOKENS + ["LEAK-PRIVATE-DOC"]:
        assert bodies_containing(responses, token) == [], token
    for path in planted["hidden"]:
        final = responses[path]
        assert final.status_code == 404 or "/login/" in final.final_path, path


def test_after_launch_the_embargoed_entry_appears_where_it_should(client, planted, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        launch_edition(planted["edition"], user=planted["publisher"])
    build_pending()  # what the scheduler does after a launch
    build_all()
    responses = crawl(client, extra=ARCHIVE_PROBES)
    assert "/en/2014/files/annual-report-2014.pdf" in bodies_containing(responses, "LEAK-EMBARGO")
    assert "/en/data/files/annual-report-archive-data.sqlite" in bodies_containing(responses, "LEAK-EMBARGO")
    assert "/en/search/?q=leak+embargo" in bodies_containing(responses, "/en/2014/africa/ghana/")
    assert "/en/2014/africa/ghana/" in bodies_containing(responses, "LEAK-EMBARGO")
    assert "/sitemap.xml" in bodies_containing(responses, "/en/2014/africa/ghana/")
    assert "/api/v1/entries/2014-GH" in bodies_containing(responses, "LEAK-EMBARGO"), "the API has it after launch"
    assert "/en/2014/downloads/" in bodies_containing(responses, "LEAK-DOC-EMBARGO")
    document_pages = [
        path for path in bodies_containing(responses, "secret LEAK-DOC-EMBARGO") if path.startswith("/documents/")
    ]
    assert document_pages, "the launched edition's file can be downloaded"
    for token in ("LEAK-DRAFT", "LEAK-EXPIRED", "LEAK-PRIVATE", "LEAK-REVISION", "LEAK-DOC-ORPHAN", "LEAK-PRIVATE-DOC"):
        assert bodies_containing(responses, token) == [], token


MIRROR_TYPES = {".pdf": "application/pdf", ".epub": "application/epub+zip", ".html": "text/html"}


def mirror_files_containing(root, token):
    """Files of a built mirror holding ``token``, in their bytes or in their text (PDFs, e-books)."""
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            text = readable_text(MIRROR_TYPES.get(path.suffix, ""), content)
            if token.encode() in content or token in text:
                found.append(path.relative_to(root).as_posix())
    return found


def test_no_token_reaches_a_static_mirror(planted, tmp_path, settings):
    settings.RAPPORTEUR_MIRROR_KEY_FILE = str(tmp_path / "mirror-signing-key.pem")
    root = tmp_path / "2013"
    report = build_mirror(2013, folder=root, with_zip=False)
    assert report.pages > 50
    assert (root / "en/2013/files/annual-report-2013.pdf").is_file(), "the edition PDF is in the mirror"
    assert mirror_files_containing(root, "Zhanaozen"), "the walk reads the mirror's files"
    for token in TOKENS + ["LEAK-PRIVATE-DOC"]:
        assert mirror_files_containing(root, token) == [], token
    with pytest.raises(MirrorUnavailable):
        build_mirror(2014, folder=tmp_path / "2014", with_zip=False)  # the embargoed edition has none
    assert not (tmp_path / "2014").exists()
