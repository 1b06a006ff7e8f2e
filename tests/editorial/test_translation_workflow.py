"""Translating an entry: start, PO files out and back, review, launch; and "changed since translated"."""

import io
import zipfile

import polib
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale, Page

from rapporteur.editorial.embargo import launch_edition, schedule_launch
from rapporteur.editorial.roles import grant_role
from rapporteur.editorial.translating import (
    TranslationRefused,
    start_translation,
    submit_for_review,
    translation_of,
)
from rapporteur.editorial.translation_changes import changed_since_translated, take_english_changes
from rapporteur.editorial.translation_files import import_upload
from rapporteur.reports.models import CountryEntryPage, EditionPage, GlossaryTerm, Theme
from tests.support.helpers import add_entry, approve, verify_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def french():
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def translator(db):
    user = get_user_model().objects.create_user("traductrice", "t@example.org", "a-long-test-password-1")
    grant_role(user, "translator", language="fr")
    return user


def translator_client(user):
    return verify_second_factor(Client(), user)


def finish_workflow(page, reviewer):
    """Every review step approves, as the regional editor, legal reviewer and publisher would."""
    page = Page.objects.get(pk=page.pk).specific
    while page.workflow_in_progress:
        task_state = page.current_workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, reviewer, "approve")
        page = Page.objects.get(pk=page.pk).specific
    return page


def translated_zip(data, translate):
    """The edition's PO ZIP with every string given ``translate(msgid)`` as its translation."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            po = polib.pofile(source.read(name).decode())
            for entry in po:
                entry.msgstr = translate(entry.msgid)
            target.writestr(name, str(po))
    return out.getvalue()


def test_an_entry_is_translated_offline_reviewed_and_launched_in_french(
    embargoed_edition, team, translator, french, admin_user
):
    edition, africa, launch_at = embargoed_edition
    ghana = approve(add_entry(africa, "GH", "<p>Courts in Ghana heard the case in March.</p>"), team["publisher"])
    client = translator_client(translator)

    listing = client.get("/admin/translations/fr/?edition=2014")
    assert listing.status_code == 200 and "Start translating" in listing.content.decode()
    started = client.post(f"/admin/translations/fr/start/{ghana.pk}/", {"edition": 2014})
    assert started.status_code == 302
    french_ghana = ghana.get_translation(french)
    assert not french_ghana.live, "a new translation is a draft, in English words, never published at once"
    assert not EditionPage.objects.get(translation_key=edition.translation_key, locale=french).live

    download = client.get(f"/admin/translations/fr/edition/{edition.pk}/po.zip")
    assert download.status_code == 200
    assert "2014/africa/ghana.po" in zipfile.ZipFile(io.BytesIO(download.content)).namelist()
    french_words = {
        "Africa": "Afrique",
        "africa": "africa",
        "ghana": "ghana",
        "Courts in Ghana heard the case in March.": "Les tribunaux du Ghana ont entendu l’affaire en mars.",
    }
    upload = translated_zip(download.content, lambda msgid: french_words.get(msgid, "FR " + msgid))
    response = client.post(
        "/admin/translations/fr/upload/",
        {"edition": 2014, "file": _file("ghana-fr.zip", upload)},
        follow=True,
    )
    names = zipfile.ZipFile(io.BytesIO(download.content)).namelist()
    assert sorted(names) == ["2014.po", "2014/africa.po", "2014/africa/ghana.po"], "the pages above come too"
    assert "Read 3 file(s) into 3 page(s)." in response.content.decode()
    translation = translation_of(ghana, french)
    total, done = translation.get_progress()
    assert total == done > 0

    response = client.post(f"/admin/translations/fr/submit/{translation.pk}/", {"edition": 2014}, follow=True)
    assert "submitted for review" in response.content.decode()
    french_ghana = Page.objects.get(pk=french_ghana.pk).specific
    assert french_ghana.workflow_in_progress
    assert not french_ghana.permissions_for_user(translator).can_publish(), "translators never publish"

    finish_workflow(french_ghana, admin_user)
    reader = Client()
    french_url = "/fr/2014/africa/ghana/"
    assert reader.get(french_url).status_code == 404, "published, but the French edition is not launched"

    french_africa = translation_of(africa, french)
    client.post(f"/admin/translations/fr/submit/{french_africa.pk}/", {"edition": 2014})
    finish_workflow(french_africa.get_target_instance(), admin_user)

    launch_edition(edition, user=team["publisher"])
    french_edition = EditionPage.objects.get(translation_key=edition.translation_key, locale=french)
    assert reader.get(french_url).status_code == 404, "the French version launches at its own time"
    schedule_launch(french_edition, launch_at)
    launch_edition(french_edition, user=team["publisher"])
    page = reader.get(french_url)
    assert page.status_code == 200
    assert "Les tribunaux du Ghana ont entendu l’affaire en mars." in page.content.decode()
    english = reader.get("/en/2014/africa/ghana/").content.decode()
    assert f'hreflang="fr" href="{french_url}"' in english or f'href="{french_url}" hreflang="fr"' in english


def _file(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_an_upload_for_another_language_or_not_po_changes_nothing(kazakhstan, french, translator):
    arabic = Locale.objects.get(language_code="ar")
    arabic_po = translation_of(kazakhstan, arabic).export_po()
    before = translation_of(kazakhstan, french).get_progress()
    for entry in arabic_po:
        entry.msgstr = "changed"
    with pytest.raises(TranslationRefused, match="into العربية, not Français"):
        import_upload("kazakhstan.po", str(arabic_po).encode(), french, translator)
    with pytest.raises(TranslationRefused, match="neither a PO or XLIFF file nor a ZIP"):
        import_upload("notes.txt", b"hello", french, translator)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        good = translation_of(kazakhstan, french).export_po()
        for entry in good:
            entry.msgstr = "REPLACED"
        bundle.writestr("kazakhstan.po", str(good))
        bundle.writestr("readme.txt", "not a po file")
    with pytest.raises(TranslationRefused, match="readme.txt"):
        import_upload("edition.zip", archive.getvalue(), french, translator)
    assert translation_of(kazakhstan, french).get_progress() == before
    assert "REPLACED" not in str(translation_of(kazakhstan, french).export_po()), "nothing of a refused upload is kept"


def test_changed_since_translated_lists_exactly_the_page_whose_english_changed(kazakhstan, french, translator):
    assert changed_since_translated(french) == [], "the demo's translations match their English"
    summary = kazakhstan.summary
    old_sentence = "Five security officers were charged"
    assert old_sentence in summary
    kazakhstan.summary = summary.replace(old_sentence, "Six security officers were charged")
    kazakhstan.save_revision().publish()

    changed = changed_since_translated(french)
    assert [item.english.pk for item in changed] == [kazakhstan.pk]
    [change] = changed[0].changes
    assert change.place == "summary" and change.kind == "changed"
    assert ("removed", "Five") in change.words() and ("added", "Six") in change.words()
    assert changed_since_translated(Locale.objects.get(language_code="ar")), "every language sees it"

    response = translator_client(translator).get("/admin/translations/fr/?edition=2013")
    html = response.content.decode()
    assert f'data-changed-page="{kazakhstan.pk}"' in html and "<ins>Six</ins>" in html

    take_english_changes(changed[0].translation)
    [still] = changed_since_translated(french)
    [change] = still.changes
    assert ("removed", "Five") in change.words() and ("added", "Six") in change.words(), (
        "after taking the changes, French still sees what changed since *it* translated"
    )
    translation = still.translation
    po = translation.export_po()
    for entry in po:
        if "Six security officers" in entry.msgid:
            entry.msgstr = "Six membres des forces de sécurité ont été inculpés."
    import_upload("kazakhstan.po", str(po).encode(), french, translator)
    assert changed_since_translated(french) == []
    french_page = kazakhstan.get_translation(french).specific
    assert "Cinq" in french_page.summary, "the French page is untouched until the translation is submitted"


def test_submitting_asks_before_replacing_edits_made_outside_the_editor(kazakhstan, french, translator):
    translation = translation_of(kazakhstan, french)
    french_page = kazakhstan.get_translation(french).specific
    french_page.summary = "<p>Une correction faite directement sur la page.</p>"
    french_page.save_revision(user=translator)
    with pytest.raises(TranslationRefused, match="Replace those edits"):
        submit_for_review(translation, translator)
    assert (
        CountryEntryPage.objects.get(pk=french_page.pk)
        .get_latest_revision()
        .content["summary"]
        .startswith("<p>Une correction")
    )
    page = submit_for_review(translation, translator, replace_outside_edits=True)
    assert page.workflow_in_progress


def test_a_translator_works_only_in_their_language(translator, kazakhstan):
    client = translator_client(translator)
    refused = client.get("/admin/translations/ar/")
    assert refused.status_code == 302 and refused.url == "/admin/", "Wagtail's answer to a permission refused"
    assert client.get("/admin/translations/").status_code == 302  # straight to French, their one language
    with pytest.raises(TranslationRefused, match="already in"):
        start_translation(kazakhstan, kazakhstan.locale, translator)


def test_themes_and_people_are_named_in_the_pages_language(read):
    _response, page = read("/fr/2013/europe-and-central-asia/kazakhstan/")
    headings = [h.get_text(strip=True) for h in page.select("main h2")]
    assert "Torture et autres mauvais traitements" in headings
    _response, theme = read("/fr/themes/torture-and-other-ill-treatment/")
    assert theme.select_one("h1").get_text(strip=True) == "Torture et autres mauvais traitements"
    _response, english = read("/en/themes/torture-and-other-ill-treatment/")
    assert english.select_one("h1").get_text(strip=True) == "Torture and other ill-treatment"


def test_an_editor_names_a_theme_in_each_language(admin_client):
    theme = Theme.objects.get(slug="unfair-trials")
    url = f"/admin/snippets/reports/theme/edit/{theme.pk}/"
    form = admin_client.get(url).content.decode()
    assert 'name="name_fr"' in form and 'name="name_ar"' in form
    data = {
        "name": theme.name,
        "slug": theme.slug,
        "description": theme.description,
        "name_fr": "Procès iniques",
        "name_ar": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.names == {"fr": "Procès iniques"} and theme.name_in("ar") == theme.name


def test_the_glossary_reads_in_the_pages_language_with_the_original_where_missing(read):
    _response, french = read("/fr/2013/glossary/")
    text = french.select_one("main").get_text(" ", strip=True)
    assert "Prisonnier d’opinion" in text and "Prisoner of conscience" not in text
    GlossaryTerm.objects.get(locale__language_code="fr", term="Statut de Rome").delete()
    _response, french = read("/fr/2013/glossary/")
    text = french.select_one("main").get_text(" ", strip=True)
    assert "Rome Statute" in text, "a term not translated yet is shown in the original"
    _response, english = read("/en/2013/glossary/")
    assert "Prisonnier" not in english.select_one("main").get_text(" ", strip=True)


def test_an_entrys_rows_are_translated_with_it(read, kazakhstan, french):
    _response, page = read("/fr/2013/europe-and-central-asia/kazakhstan/")
    text = page.select_one("main").get_text(" ", strip=True)
    assert "Noursoultan Nazarbaïev" in text, "a name as French writes it"
    assert "Des délégués se sont rendus au Kazakhstan en décembre." in text
    po = translation_of(kazakhstan, french).export_po()
    assert {entry.msgctxt.split(".")[0] for entry in po} >= {"office_holders", "visits", "related_reports"}

    visits = list(kazakhstan.visits.all())
    visits[0].description = "Delegates visited Kazakhstan in November."
    kazakhstan.visits = visits
    kazakhstan.save_revision().publish()
    [changed] = changed_since_translated(french)
    [change] = changed.changes
    assert change.place.startswith("visits.") and ("added", "November.") in change.words()


def test_an_edition_goes_out_and_comes_back_as_xliff(kazakhstan, french, translator):
    from translate.storage import xliff

    client = translator_client(translator)
    edition = EditionPage.objects.get(year=2013, locale__language_code="en")
    download = client.get(f"/admin/translations/fr/edition/{edition.pk}/po.zip?format=xliff")
    assert download.status_code == 200 and download["Content-Disposition"].endswith('2013-fr-xliff.zip"')
    source = zipfile.ZipFile(io.BytesIO(download.content))
    store = xliff.xlifffile.parsestring(source.read("2013/europe-and-central-asia/kazakhstan.xlf"))
    assert store.gettargetlanguage() == "fr"
    [summary] = [unit for unit in store.unit_iter() if unit.xmlelement.get("resname") == "summary"]
    assert summary.target.startswith("Cinq membres"), "the translation so far travels with the file"
    summary.target = "Un résumé revu hors ligne."
    upload = io.BytesIO()
    with zipfile.ZipFile(upload, "w") as bundle:
        bundle.writestr("kazakhstan.xlf", bytes(store))
    response = client.post(
        "/admin/translations/fr/upload/", {"edition": 2013, "file": _file("fr.zip", upload.getvalue())}, follow=True
    )
    assert "Read 1 file(s) into 1 page(s)." in response.content.decode()
    po = translation_of(kazakhstan, french).export_po()
    assert [entry.msgstr for entry in po if entry.msgctxt == "summary"] == ["Un résumé revu hors ligne."]
