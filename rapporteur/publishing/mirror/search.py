"""Search inside the mirror: a Pagefind index per language, and a search page for each.

Pagefind reads the mirror's pages (only their ``<main>``, marked ``data-pagefind-body``) and
writes an index per ``<html lang>`` — one for each language of the mirror. It runs in the
browser with WebAssembly fetched from the mirror, which browsers refuse from ``file://``: the
search page says so, and how to serve the folder in one command; everything else in the mirror
works from the files.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from django.template.loader import render_to_string

from .tree import read_tree

BUNDLE = "pagefind"
ENTRY = "pagefind-entry.json"


def index_pages(pages):
    """The Pagefind bundle for ``pages`` ({relative path: HTML bytes}), as {relative path: bytes}."""
    with tempfile.TemporaryDirectory(prefix="rapporteur-pagefind-") as folder:
        site = Path(folder) / "site"
        for name, data in pages.items():
            target = site / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        output = Path(folder) / BUNDLE
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output)]
            + ["--keep-index-url", "--silent"],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode != 0:
            raise RuntimeError(f"Pagefind could not index the mirror: {(result.stderr or result.stdout).strip()}")
        bundle = read_tree(output)
        # Pagefind lists the languages in no fixed order: sorted, an unchanged mirror is the same bytes
        entry = json.loads(bundle[ENTRY])
        bundle[ENTRY] = json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
        return {f"{BUNDLE}/{name}": data for name, data in bundle.items()}


def search_page(language, direction, edition_title, home_href, root_prefix):
    """The search page of one language (``<lang>/search/index.html``): no inline script, no form."""
    return render_to_string(
        "publishing/mirror/search.html",
        {
            "language": language,
            "direction": direction,
            "edition_title": edition_title,
            "home_href": home_href,
            "root": root_prefix,
        },
    ).encode()
