"""Each language version of an edition launches at its own time, and is as secret as the original until then."""

import datetime

import pytest
from django.test import Client
from wagtail.models import Locale

from rapporteur.editorial.embargo import launch_edition, schedule_launch
from tests.support.helpers import add_entry, approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_version(embargoed_edition, team):
    """The embargoed 2014 edition with a Ghana entry, and its French version launching a day later."""
    edition, africa, launch_at = embargoed_edition
    ghana = approve(add_entry(africa, "GH", "<p>EN-EMBARGO Ghana.</p>"), team["publisher"])
    french = Locale.objects.get(language_code="fr")
    french_edition = edition.copy_for_translation(french)
    french_africa = africa.copy_for_translation(french)
    french_africa.title = "Afrique"
    french_africa.save_revision().publish()
    french_ghana = ghana.copy_for_translation(french)
    french_ghana.summary = "<p>FR-EMBARGO Ghana.</p>"
    french_ghana.save_revision().publish()
    schedule_launch(french_edition, launch_at + datetime.timedelta(days=1))
    return edition, french_edition


PROBES = (
    "/fr/2014/",
    "/fr/2014/africa/",
    "/fr/2014/africa/ghana/",
    "/en/2014/africa/ghana/",
    "/sitemap.xml",
    "/fr/search/?q=embargo",
    "/fr/countries/ghana/",
    "/en/countries/ghana/",
)


def readable(token):
    """The probe addresses whose answer a reader gets with ``token`` in it."""
    client = Client()
    return [path for path in PROBES if token in client.get(path, follow=True).content.decode()]


def test_a_translation_stays_hidden_until_its_own_launch(french_version, team):
    edition, french_edition = french_version
    assert readable("FR-EMBARGO") == [] and readable("EN-EMBARGO") == []

    launch_edition(edition, user=team["publisher"])  # the English version launches first
    assert "/en/2014/africa/ghana/" in readable("EN-EMBARGO")
    assert readable("FR-EMBARGO") == [] and readable("/fr/2014/") == [], "no trace of the French version"
    assert Client().get("/fr/2014/africa/ghana/").status_code == 404

    launch_edition(french_edition, user=team["publisher"])  # then the French
    assert "/fr/2014/africa/ghana/" in readable("FR-EMBARGO")
    assert 'hreflang="fr"' in Client().get("/en/2014/africa/ghana/").content.decode()
