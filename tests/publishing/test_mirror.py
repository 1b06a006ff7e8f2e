"""The static mirror of an edition: complete, relative, searchable, signed, and only what readers see."""

import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command

from rapporteur.publishing.mirror import signing
from rapporteur.publishing.mirror.build import MirrorUnavailable, build_mirror
from rapporteur.publishing.mirror.jobs import build_requested_mirrors
from rapporteur.publishing.models import BuildRequest, GeneratedFile, MirrorRequest
from tests.support.helpers import require_tool

from .mirror_support import LIVE, build, html_files, mirror_key, references, target_of

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def mirror(django_db_setup, django_db_blocker, tmp_path_factory):
    """One mirror of the 2013 demo edition (no ZIP: nothing is written to the database)."""
    folder = tmp_path_factory.mktemp("mirror") / "2013"
    keys = tmp_path_factory.mktemp("var")
    with django_db_blocker.unblock():
        report = build(folder, keys, with_zip=False)
        with mirror_key(keys):
            key, _ = signing.load_or_create_key()
    return {"root": folder, "report": report, "public_key": signing.public_pem(key), "keys": keys}


def test_every_reader_page_of_the_edition_is_in_it(mirror):
    root = mirror["root"]
    for page in (
        "en/2013/index.html",
        "en/2013/introduction/index.html",
        "en/2013/europe-and-central-asia/index.html",
        "en/2013/europe-and-central-asia/kazakhstan/index.html",
        "en/2013/world-by-region/index.html",
        "en/2013/glossary/index.html",
        "en/2013/downloads/index.html",
        "en/countries/kazakhstan/index.html",
        "en/themes/unfair-trials/index.html",
        "en/countries/index.html",
        "fr/2013/europe-and-central-asia/kazakhstan/index.html",
        "ar/2013/europe-and-central-asia/kazakhstan/index.html",
        "index.html",
        "README.txt",
    ):
        assert (root / page).is_file(), page
    kazakhstan = (root / "en/2013/europe-and-central-asia/kazakhstan/index.html").read_text()
    assert "Serik Akhmetov" in kazakhstan
    assert "data-cookie-notice" not in kazakhstan, "a mirror sets no cookie and asks about none"


def test_only_the_reader_sites_own_static_files(mirror):
    static = sorted(p.relative_to(mirror["root"]).as_posix() for p in (mirror["root"] / "static").rglob("*"))
    assert any(name.startswith("static/css/reader.") for name in static)
    assert not [name for name in static if "wagtail" in name or "admin" in name]


def test_every_link_in_every_page_leads_inside_the_tree_or_to_the_live_site(mirror):
    root = mirror["root"].resolve()
    pages = html_files(root)
    assert len(pages) > 50
    outside = set()
    for page in pages:
        for attribute, value in references(page):
            if value.startswith("#"):
                continue
            target = target_of(page, value)
            if target is None:
                assert not value.startswith("/"), f"{page}: {attribute}={value} depends on the server's root"
                if page != root / "index.html":  # the mirror's front page names the original on purpose
                    outside.add(value)
                continue
            assert target.is_relative_to(root), f"{page}: {value} leaves the mirror"
            assert target.is_file(), f"{page}: {attribute}={value} does not exist in the mirror"
    live = {value for value in outside if value.startswith(LIVE)}
    assert f"{LIVE}/en/2012/europe-and-central-asia/kazakhstan/" in live, "an earlier edition is on the live site"
    assert not [v for v in live if v.startswith(f"{LIVE}/en/2013/")], "every page of the edition is in the mirror"


def test_the_jump_list_and_indexes_are_plain_links(mirror):
    page = mirror["root"] / "en/2013/europe-and-central-asia/kazakhstan/index.html"
    html = BeautifulSoup(page.read_text(), "html.parser")
    assert not html.select("form[data-jump]")
    jump = html.select_one("details.jump--mirror")
    links = {a.get_text(): a["href"] for a in jump.select("a")}
    assert links["Egypt"] == "../../middle-east-and-north-africa/egypt/index.html"
    assert (page.parent / links["Egypt"]).resolve().is_file()
    search = html.select_one("form.site-search")
    assert search["action"] == "../../../search/index.html", "search goes to the mirror's own search page"


def test_translated_pages_keep_their_language_and_direction(mirror):
    arabic = BeautifulSoup(
        (mirror["root"] / "ar/2013/europe-and-central-asia/kazakhstan/index.html").read_text(), "html.parser"
    )
    assert arabic.html["dir"] == "rtl" and arabic.html["lang"] == "ar"
    french = BeautifulSoup((mirror["root"] / "fr/2013/index.html").read_text(), "html.parser")
    assert french.html["lang"] == "fr"
    switcher = [a["href"] for a in arabic.select("nav.languages a")]
    assert "../../../../en/2013/europe-and-central-asia/kazakhstan/index.html" in switcher


def test_a_search_index_per_language_and_a_search_page_without_inline_script(mirror):
    import json

    entry = json.loads((mirror["root"] / "pagefind/pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"en", "fr", "ar"}
    for code in ("en", "fr", "ar"):
        page = BeautifulSoup((mirror["root"] / f"{code}/search/index.html").read_text(), "html.parser")
        assert page.html["lang"] == code
        assert all(script.get("src") for script in page.find_all("script")), "no inline script"
        assert "python3 -m http.server" in page.get_text()
    assert all(
        script.get("src")
        for p in html_files(mirror["root"])
        for script in BeautifulSoup(p.read_text(), "html.parser").find_all("script")
    )


def test_checksums_and_signature_verify_and_fail_after_one_byte_changes(mirror, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(mirror["root"], copy)
    assert signing.verify_mirror(copy, mirror["public_key"]) == []
    sha256sum = require_tool("sha256sum", "coreutils")
    openssl = require_tool("openssl", "apt-get install openssl")
    assert subprocess.run([sha256sum, "-c", "--quiet", "SHA256SUMS"], cwd=copy).returncode == 0
    verify = [openssl, "pkeyutl", "-verify", "-pubin", "-inkey", "mirror-key.pem", "-rawin"]
    verify += ["-in", "SHA256SUMS", "-sigfile", "SHA256SUMS.sig"]
    checked = subprocess.run(verify, cwd=copy, capture_output=True, text=True)
    assert checked.returncode == 0 and "Signature Verified Successfully" in checked.stdout
    assert (copy / "mirror-key.pem").read_text() == mirror["public_key"]
    with mirror_key(mirror["keys"]):
        call_command("verify_mirror", str(copy))

    page = copy / "en/2013/europe-and-central-asia/kazakhstan/index.html"
    data = bytearray(page.read_bytes())
    data[100] ^= 1
    page.write_bytes(bytes(data))
    assert signing.verify_mirror(copy, mirror["public_key"]) == [
        "Changed: en/2013/europe-and-central-asia/kazakhstan/index.html"
    ]
    assert subprocess.run([sha256sum, "-c", "--quiet", "SHA256SUMS"], cwd=copy, capture_output=True).returncode != 0
    with mirror_key(mirror["keys"]), pytest.raises(CommandError, match="NOT intact"):
        call_command("verify_mirror", str(copy))

    page.write_bytes(bytes(data[:100]) + bytes([data[100] ^ 1]) + bytes(data[101:]))  # mended
    sums = copy / "SHA256SUMS"
    sums.write_text(sums.read_text().replace("  index.html\n", "  index.html\n", 1) + "")
    forged = bytearray(sums.read_bytes())
    forged[0] = ord("0") if forged[0] != ord("0") else ord("1")
    sums.write_bytes(bytes(forged))
    assert subprocess.run(verify, cwd=copy, capture_output=True).returncode != 0
    assert any("signature" in problem for problem in signing.verify_mirror(copy, mirror["public_key"]))


def test_the_private_key_is_kept_outside_the_mirror_readable_by_its_owner_only(mirror):
    key_file = mirror["keys"] / "mirror-signing-key.pem"
    assert key_file.stat().st_mode & 0o777 == 0o600
    for path in mirror["root"].rglob("*"):
        if path.is_file():
            assert b"PRIVATE KEY" not in path.read_bytes(), path


def test_an_edition_readers_cannot_see_has_no_mirror(embargoed_edition, tmp_path):
    with mirror_key(tmp_path), pytest.raises(MirrorUnavailable, match="2014"):
        build_mirror(2014, folder=tmp_path / "2014")
    assert not (tmp_path / "2014").exists()
    with pytest.raises(CommandError, match="nothing to mirror"), mirror_key(tmp_path):
        call_command("build_mirror", "--edition", "2014", "--output", str(tmp_path / "2014"))


def test_a_rebuild_after_one_publish_rewrites_only_what_changed(kazakhstan, tmp_path):
    folder = tmp_path / "mirror"
    first = build(folder, tmp_path, with_zip=False)
    assert first.written and not first.unchanged
    again = build(folder, tmp_path, with_zip=False)
    assert again.written == [] and again.removed == [], "nothing changed, nothing written"

    kazakhstan.summary = "<p>An entirely new summary for the mirror test.</p>"
    kazakhstan.save_revision().publish()
    after = build(folder, tmp_path, with_zip=False)
    assert "en/2013/europe-and-central-asia/kazakhstan/index.html" in after.written
    assert "en/2013/glossary/index.html" in after.unchanged
    assert "en/2013/essay/index.html" in after.unchanged
    assert len(after.written) < len(after.unchanged) / 5
    assert "An entirely new summary" in (folder / "en/2013/europe-and-central-asia/kazakhstan/index.html").read_text()

    kazakhstan.unpublish()
    gone = build(folder, tmp_path, with_zip=False)
    assert "en/2013/europe-and-central-asia/kazakhstan/index.html" in gone.removed
    assert not (folder / "en/2013/europe-and-central-asia/kazakhstan").exists()


def test_the_scheduler_builds_the_zip_offered_on_the_downloads_page(
    kazakhstan, tmp_path, settings, client, django_capture_on_commit_callbacks
):
    settings.RAPPORTEUR_VAR_DIR = settings.VAR_DIR = tmp_path
    settings.RAPPORTEUR_MIRROR_KEY_FILE = str(tmp_path / "mirror-signing-key.pem")
    MirrorRequest.objects.all().delete()  # loading the demo asked for every edition's
    with django_capture_on_commit_callbacks(execute=True):
        kazakhstan.save_revision().publish()
    assert MirrorRequest.objects.filter(edition__year=2013).exists()
    BuildRequest.objects.all().delete()  # the PDF and EPUB are not what this test is about
    lines = build_requested_mirrors()
    assert lines and "Mirror of 2013" in lines[0]
    assert not MirrorRequest.objects.exists()

    mirror = GeneratedFile.objects.get(key="mirror", edition__year=2013)
    downloads = client.get("/en/2013/downloads/").content.decode()
    assert "/en/2013/files/annual-report-2013-mirror.zip" in downloads
    assert signing.public_key_line(mirror.signing_key) in downloads, "the public key is on the Downloads page"
    assert "/en/2013/files/annual-report-2013-mirror.zip" in client.get("/fr/2013/downloads/").content.decode()
    response = client.get("/en/2013/files/annual-report-2013-mirror.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(__import__("io").BytesIO(b"".join(response.streaming_content))) as archive:
        names = archive.namelist()
        assert "annual-report-2013-mirror/SHA256SUMS" in names
        assert "annual-report-2013-mirror/en/2013/europe-and-central-asia/kazakhstan/index.html" in names
        unpacked = tmp_path / "unpacked"
        archive.extractall(unpacked)
    assert signing.verify_mirror(unpacked / "annual-report-2013-mirror", mirror.signing_key) == []
    downloads_in_mirror = (unpacked / "annual-report-2013-mirror/en/2013/downloads/index.html").read_text()
    assert "mirror.zip" not in downloads_in_mirror, "a mirror does not contain itself"
    assert hashlib.sha256(Path(tmp_path / "mirror/2013/SHA256SUMS").read_bytes()).hexdigest() == mirror.content_hash


def test_a_mirror_under_way_yields_to_a_launch_and_writes_nothing(tmp_path):
    from rapporteur.publishing.mirror.build import build_mirror
    from rapporteur.publishing.mirror.render import MirrorPostponed

    asked = []

    def keep_going():
        asked.append(1)
        return len(asked) < 2  # a launch comes close while the pages are being read

    with pytest.raises(MirrorPostponed):
        build_mirror(2013, folder=tmp_path / "mirror", with_zip=False, keep_going=keep_going)
    assert len(asked) == 2 and not (tmp_path / "mirror").exists(), "nothing written: made again after the launch"
