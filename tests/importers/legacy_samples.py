"""Where the real legacy material is: ``../shared/legacy/amnesty-ar`` beside the repository.

The material is © Amnesty International and never enters the repository: tests read it at run
time and skip when it is absent, unless CI demands it (RAPPORTEUR_REQUIRE_EXTERNAL=1). ``.ci/run``
says in its log whether the material is there; where it is not, it sets
``RAPPORTEUR_LEGACY_SAMPLES_OPTIONAL=1`` so the rest of CI still speaks (the skip names the path).
``RAPPORTEUR_LEGACY_SAMPLES`` points elsewhere.
"""

import json
import os
from functools import cache
from pathlib import Path

import pytest

from tests.support.helpers import REQUIRE_EXTERNAL

REPOSITORY = Path(__file__).resolve().parents[2]


def samples_dir():
    configured = os.environ.get("RAPPORTEUR_LEGACY_SAMPLES")
    return Path(configured) if configured else (REPOSITORY / ".." / "shared" / "legacy" / "amnesty-ar").resolve()


def require_samples():
    """The material's directory, or a skip (a failure in CI) saying where it was looked for."""
    found = samples_dir()
    if (found / "gold.json").is_file():
        return found
    message = f"legacy sample material not found at {found} (set RAPPORTEUR_LEGACY_SAMPLES)"
    if REQUIRE_EXTERNAL and not os.environ.get("RAPPORTEUR_LEGACY_SAMPLES_OPTIONAL"):
        pytest.fail(message + " and RAPPORTEUR_REQUIRE_EXTERNAL=1")
    pytest.skip(message)


def chunk_path(name):
    folder = "2012" if name.startswith("2012") else "kazakhstan-2006-2013"
    return require_samples() / folder / name


def gold():
    """The hand-checked annotation: file name → short, official, fields."""
    data = json.loads((require_samples() / "gold.json").read_text(encoding="utf-8"))
    return {name: value for name, value in data.items() if not name.startswith("_")}


@cache
def book_2012():
    """The whole 2012 book, read once for every test that needs it (and the time it took)."""
    import time

    from rapporteur.importers.legacy import read_book

    started = time.perf_counter()
    edition = read_book(require_samples() / "books" / "2012.txt")
    return edition, time.perf_counter() - started


@cache
def pdf_2011():
    """The 2011 book read from its PDF, once for every test that needs it (and the time it took)."""
    import time

    from rapporteur.importers.legacy.pdf import read_pdf

    started = time.perf_counter()
    edition = read_pdf(require_samples() / "pdfs" / "2011.pdf")
    return edition, time.perf_counter() - started
