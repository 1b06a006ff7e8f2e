"""Building a mirror of the demo edition for tests, and reading what is in it."""

from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from django.test import override_settings

from rapporteur.publishing.mirror.build import build_mirror

LIVE = "http://testserver"


@contextmanager
def mirror_key(folder):
    """The signing key kept in a scratch folder, as the instance's var folder would keep it."""
    with override_settings(RAPPORTEUR_MIRROR_KEY_FILE=str(Path(folder) / "mirror-signing-key.pem")):
        yield


def build(folder, key_folder, **options):
    with mirror_key(key_folder):
        return build_mirror(2013, folder=folder, **options)


def html_files(root):
    return sorted(Path(root).rglob("*.html"))


def references(html_path):
    """(attribute, value) of every link and asset reference in a page of the mirror."""
    page = BeautifulSoup(html_path.read_text("utf-8"), "html.parser")
    found = []
    for node in page.find_all(True):
        for attribute in ("href", "src", "action", "poster"):
            if node.get(attribute):
                found.append((attribute, node[attribute]))
        if node.get("srcset"):
            found += [("srcset", part.split()[0]) for part in node["srcset"].split(",")]
    return found


def target_of(html_path, value):
    """The file a relative reference leads to, or None for one that leaves the mirror."""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return (html_path.parent / unquote(parts.path)).resolve()
