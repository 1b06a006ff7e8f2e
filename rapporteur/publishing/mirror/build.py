"""Building an edition's mirror: collect, index, sign, write the changed files, store the ZIP."""

import contextvars
import dataclasses
import logging
import shutil
import time
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page, Site

from rapporteur.reports.chrome import build_organisation
from rapporteur.reports.languages import served_languages
from rapporteur.reports.visibility import reader_visible

from ..builds import BuildReport, store
from ..links import public_base_url
from ..models import GeneratedFile
from . import search, signing
from .addresses import Scope, edition_page_paths, file_for, relative_href, visible_editions
from .collect import Collector
from .package import zip_bytes, zip_name
from .render import AnonymousReader, archive_pages_linked, render_all
from .tree import CHECKSUMS, SIGNATURE, checksums, sha256, write_tree

logger = logging.getLogger(__name__)

ASSETS = Path(__file__).parent / "assets"
PUBLIC_KEY = "mirror-key.pem"

# Set while the site is being read for a mirror: the Downloads page then leaves out the mirror's
# own ZIP, which a mirror cannot hold (each build would change it, and so the next one).
rendering_for_mirror = contextvars.ContextVar("rendering_for_mirror", default=False)


class MirrorUnavailable(Exception):
    """No edition of that year (in that language) can be read: there is nothing to mirror."""


@dataclasses.dataclass
class MirrorReport:
    year: int
    folder: str
    pages: int = 0
    files: int = 0
    written: list = dataclasses.field(default_factory=list)
    unchanged: list = dataclasses.field(default_factory=list)
    removed: list = dataclasses.field(default_factory=list)
    zip_name: str = ""
    zip_stored: bool = False
    key_created: bool = False
    seconds: float = 0.0


def default_folder(year, language=None):
    return Path(settings.VAR_DIR) / "mirror" / (f"{year}-{language}" if language else str(year))


def build_mirror(year, language=None, folder=None, with_zip=None, keep_going=None):
    """Bring the mirror of edition ``year`` (every served language, or one) up to date in ``folder``.

    The ZIP is stored for the Downloads page when the mirror holds every language (the default);
    ``with_zip=False`` leaves it. Raises ``MirrorUnavailable`` when no such edition can be read, and
    ``MirrorPostponed``, before anything is written, when ``keep_going()`` turns false (the scheduler's
    question: is a launch coming?).
    """
    started = time.perf_counter()
    if language and language not in served_languages():
        raise MirrorUnavailable(f"{language} is not a served language ({', '.join(served_languages())}).")
    editions = visible_editions(year, language)
    if not editions:
        where = f" in {language}" if language else ""
        raise MirrorUnavailable(f"No published edition {year}{where}: there is nothing to mirror.")
    folder = Path(folder) if folder else default_folder(year, language)
    key, created = signing.load_or_create_key()
    public_pem = signing.public_pem(key)
    live_url = public_base_url()
    languages = tuple(edition.locale.language_code for edition in editions)

    scope = Scope(year, languages)
    collector = Collector(scope, AnonymousReader(live_url, keep_going), live_url)
    token = rendering_for_mirror.set(True)
    current_language = translation.get_language()
    try:
        starts = [path for edition in editions for path in edition_page_paths(edition)]
        rendered = render_all(starts, live_url, keep_going)  # the edition's pages, then the archive pages
        rendered.update(render_all(archive_pages_linked(rendered, scope), live_url, keep_going))
        files = collector.collect(starts, rendered=rendered)
    finally:
        rendering_for_mirror.reset(token)
        translation.activate(current_language)
    pages = {name: data for name, data in files.items() if name.endswith(".html")}

    files.update(own_assets())
    files.update(search_pages(editions, files))
    files.update(search.index_pages(pages))
    files[PUBLIC_KEY] = public_pem.encode()
    files.update(front_matter(editions, files, live_url, public_pem))
    files[CHECKSUMS] = checksums(files)
    files[SIGNATURE] = signing.sign(key, files[CHECKSUMS])
    tree = write_tree(folder, files)

    report = MirrorReport(
        year=year,
        folder=str(folder),
        pages=len(pages),
        files=len(files),
        written=tree.written,
        unchanged=tree.unchanged,
        removed=tree.removed,
        key_created=created,
    )
    store_now = with_zip if with_zip is not None else language is None
    if store_now:
        report.zip_name = zip_name(year)
        report.zip_stored = store_zip(editions[0], files, public_pem)
    report.seconds = time.perf_counter() - started
    return report


def own_assets():
    """The mirror's stylesheet and search script (``static/mirror/``): no inline code anywhere."""
    return {f"static/mirror/{path.name}": path.read_bytes() for path in sorted(ASSETS.iterdir()) if path.is_file()}


def search_pages(editions, files):
    made = {}
    for edition in editions:
        code = edition.locale.language_code
        name = f"{code}/search/index.html"
        home = file_for(edition.get_url())
        with translation.override(code):
            made[name] = search.search_page(
                code,
                "rtl" if translation.get_language_info(code)["bidi"] else "ltr",
                edition.title,
                relative_href(home, name),
                "../../",
            )
    return made


def front_matter(editions, files, live_url, public_pem):
    """The mirror's own ``index.html`` and ``README.txt``: what it is, how to search and verify it."""
    site = Site.objects.filter(is_default_site=True).first()
    stylesheet = next((n for n in sorted(files) if n.startswith("static/css/") and n.endswith(".css")), "")
    context = {
        "title": editions[0].title,
        "organisation": build_organisation(site).name if site else "",
        "published_at": content_date(editions),
        "live_url": live_url + editions[0].get_url(),
        "public_key": public_pem.strip(),
        "stylesheet": stylesheet,
        "editions": [
            {
                "language": edition.locale.language_code,
                "language_name": served_languages()[edition.locale.language_code],
                "direction": "rtl" if translation.get_language_info(edition.locale.language_code)["bidi"] else "ltr",
                "title": edition.title,
                "href": file_for(edition.get_url()),
            }
            for edition in editions
        ],
    }
    with translation.override(settings.LANGUAGE_CODE):
        return {
            "index.html": render_to_string("publishing/mirror/index.html", context).encode(),
            "README.txt": render_to_string("publishing/mirror/README.txt", context).encode(),
        }


def content_date(editions):
    """When the mirror's content was last published (not when it was built: a rebuild of the same
    content must make the same files)."""
    dates = [
        page.last_published_at
        for edition in editions
        for page in reader_visible(Page.objects.descendant_of(edition, inclusive=True)).only("last_published_at")
        if page.last_published_at
    ]
    return max(dates, default=None)


def store_zip(edition, files, public_pem):
    """Store the ZIP through Django's storage (shared by every app server) unless it is unchanged."""
    report = BuildReport(edition=edition.title)
    digest = sha256(files[CHECKSUMS])  # the checksums stand for every file's content
    name = zip_name(edition.year)
    folder = name.removesuffix(".zip")
    generated = store(edition, "mirror", "zip", name, digest, lambda: (zip_bytes(files, folder), []), report)
    if report.failed:
        raise RuntimeError(f"The mirror ZIP could not be stored: {report.failed[0][1]}")
    if generated is not None and generated.signing_key != public_pem:
        GeneratedFile.objects.filter(pk=generated.pk).update(signing_key=public_pem)
    if report.built:
        from rapporteur.reports.cache import new_generation

        new_generation()  # the Downloads page must offer the new file
    return bool(report.built)


def remove_mirror(year, folder=None):
    """An edition readers can no longer see: its mirror folder and ZIP go."""
    folder = Path(folder) if folder else default_folder(year)
    if folder.exists():
        shutil.rmtree(folder)
    for generated in GeneratedFile.objects.filter(edition__year=year, key="mirror"):
        generated.file.delete(save=False)
        generated.delete()
