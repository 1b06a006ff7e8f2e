"""The static mirror of a 160-country synthetic edition: first build, rebuild, and Hugo for scale.

    .venv/bin/python benchmarks/build_mirror.py [--countries 160] [--hugo /usr/bin/hugo]

Builds the edition's PDF and EPUB first (the mirror carries them, untimed), then times
``build_mirror`` from nothing, again with nothing changed, and after one entry is published.
Target: ≤ 30 s for the first build. If Hugo is installed (Debian ``hugo``), a throwaway Hugo
site with as many pages (each one paragraph of synthetic words, default theme-less layout) is
built too, for comparison of what a static-site generator alone costs.
"""

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from _harness import django_on_scratch_database, generate_archive


def hugo_build(hugo, pages):
    with tempfile.TemporaryDirectory(prefix="rapporteur-hugo-") as folder:
        site = Path(folder)
        (site / "hugo.toml").write_text('baseURL = "http://example.org/"\ntitle = "Bench"\nrelativeURLs = true\n')
        (site / "layouts/_default").mkdir(parents=True)
        (site / "layouts/_default/single.html").write_text(
            "<!doctype html><html><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main>"
            '<nav>{{ range .Site.RegularPages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>'
            "</body></html>"
        )
        (site / "layouts/_default/list.html").write_text("<!doctype html><title>{{ .Title }}</title>")
        (site / "layouts/index.html").write_text("<!doctype html><title>Home</title>")
        content = site / "content/entries"
        content.mkdir(parents=True)
        words = " ".join(["rights court detention report torture expression"] * 200)
        for number in range(pages):
            (content / f"page-{number}.md").write_text(f"---\ntitle: Page {number}\n---\n\n{words}\n")
        started = time.perf_counter()
        subprocess.run([hugo, "--quiet", "--source", str(site)], check=True)
        return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--countries", type=int, default=160)
    parser.add_argument("--hugo", default=shutil.which("hugo"))
    args = parser.parse_args()
    with django_on_scratch_database():
        from rapporteur.publishing.builds import build_edition
        from rapporteur.publishing.mirror.build import build_mirror

        edition = generate_archive(1, args.countries)
        build_edition(edition)
        out = Path(tempfile.mkdtemp(prefix="rapporteur-mirror-"))
        first = build_mirror(edition.year, folder=out, with_zip=True)
        print(f"first build: {first.pages} pages, {first.files} files, {first.seconds:.1f} s")
        again = build_mirror(edition.year, folder=out, with_zip=True)
        print(f"unchanged rebuild: {len(again.written)} files written, {again.seconds:.1f} s")
        from rapporteur.reports.models import CountryEntryPage

        entry = CountryEntryPage.objects.descendant_of(edition).first()
        entry.summary = "<p>One changed summary.</p>"
        entry.save_revision().publish()
        after = build_mirror(edition.year, folder=out, with_zip=True)
        print(f"after one publish: {len(after.written)} files written, {after.seconds:.1f} s")
        if args.hugo:
            print(f"Hugo, {first.pages} pages: {hugo_build(args.hugo, first.pages):.1f} s")
        else:
            print("Hugo not installed (apt-get install hugo): no comparison")
        shutil.rmtree(out)


if __name__ == "__main__":
    main()
