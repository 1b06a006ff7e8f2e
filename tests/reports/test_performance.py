"""Hot reader pages stay cheap: pinned query counts and a small page weight.

Timings live in benchmarks/ (see benchmarks/README.md), not here.
"""

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

KAZAKHSTAN = "/en/2013/europe-and-central-asia/kazakhstan/"


def test_country_page_query_count_is_pinned(client, django_assert_num_queries, django_assert_max_num_queries):
    # First view of a content generation builds and caches the edition chrome, the entry document
    # and the list of the page's versions in other languages.
    with django_assert_max_num_queries(47):
        assert client.get(KAZAKHSTAN).status_code == 200
    # Every later view is Wagtail's own serving: the active locale, one query per level of the
    # path, and the page itself in full. The site (with its home page), the restricted pages,
    # the frame and the entry come from the cache.
    with django_assert_num_queries(5):
        assert client.get(KAZAKHSTAN).status_code == 200


def test_other_pages_are_cheap_too(client, django_assert_max_num_queries):
    for url in ("/en/2013/", "/en/2013/africa/", "/en/2013/world-by-region/", "/en/2013/introduction/"):
        client.get(url)
        with django_assert_max_num_queries(5):
            assert client.get(url).status_code == 200


def test_country_page_html_and_css_under_50_kb(client):
    html = client.get(KAZAKHSTAN).content
    css = open(finders.find("css/reader.css"), "rb").read()
    assert len(html) + len(css) < 50 * 1024, f"{len(html)} + {len(css)} bytes"


def test_values_an_older_version_cached_are_ignored(client, edition):
    """The cache outlives a deploy: what an older version stored under the same names must not be read."""
    from django.core.cache import cache

    from rapporteur.reports.cache import current_generation

    generation = current_generation()
    for name, parts in (("chrome", [edition.pk]), ("home", []), ("editions", []), ("entry", [])):
        cache.set(":".join(["reports", name, generation, *map(str, parts)]), "stored by an older version")
    assert client.get(KAZAKHSTAN).status_code == 200
    assert client.get("/en/search/?q=torture").status_code == 200


def test_an_edition_document_looks_themes_and_people_up_once_not_per_entry(edition):
    """The PDF, the e-book and the datasets read whole editions: the queries must not grow with entries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from rapporteur.reports.document import build_edition_document

    with CaptureQueriesContext(connection) as queries:
        document = build_edition_document(edition)
    entries = sum(len(region.entries) for region in document.regions)
    chooser_lookups = [q["sql"] for q in queries if '"reports_theme"' in q["sql"] or '"reports_person"' in q["sql"]]
    assert entries >= 10
    assert len(chooser_lookups) <= 2, chooser_lookups
    cases = [
        block
        for region in document.regions
        for entry in region.entries
        for section in entry.sections
        for block in section.blocks
        if getattr(block, "person_slug", "")
    ]
    assert cases, "the demo's cases still name their people"
