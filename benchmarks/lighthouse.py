"""Lighthouse scores of reader pages, on a phone and a desktop, as `make demo` serves them.

Serves the demo with gunicorn (production settings, its own scratch database), runs Lighthouse
on each page in both form factors through Debian's Chromium, and prints the four category
scores. Needs Node and Lighthouse:

    npm install --prefix /tmp/lighthouse lighthouse@12.2.3
    .venv/bin/python benchmarks/lighthouse.py --lighthouse /tmp/lighthouse/node_modules/.bin/lighthouse
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapporteur.demo.instance import served_demo  # noqa: E402

PAGES = {
    "entry": "/en/2013/europe-and-central-asia/kazakhstan/",
    "search": "/en/search/?q=prisoner",
    "theme": "/en/themes/unfair-trials/",
    "countries": "/en/countries/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(binary, url, form_factor, chromium):
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        command = [
            binary,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ]
        if form_factor == "desktop":
            command.append("--preset=desktop")
        subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chromium}, timeout=300)
        data = json.loads(report.read_text())
    scores = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    failing = [
        audit_id
        for name in CATEGORIES
        for ref in data["categories"][name]["auditRefs"]
        if ref["weight"] and (data["audits"][ref["id"]]["score"] or 0) < 1
        for audit_id in [ref["id"]]
    ]
    return scores, failing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", default="lighthouse", help="the lighthouse command")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    with served_demo(workers=2) as demo:
        print(f"| Page | Form factor | {' | '.join(CATEGORIES)} | below 1 |")
        print("|---|---|" + "---|" * len(CATEGORIES) + "---|")
        for name, path in PAGES.items():
            for form_factor in ("mobile", "desktop"):
                scores, failing = lighthouse(args.lighthouse, demo.base_url + path, form_factor, args.chromium)
                row = " | ".join(str(scores[c]) for c in CATEGORIES)
                print(f"| {name} | {form_factor} | {row} | {', '.join(failing) or '—'} |", flush=True)


if __name__ == "__main__":
    main()
