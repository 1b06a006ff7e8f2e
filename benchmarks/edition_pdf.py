"""Whole-edition PDF and EPUB for a 160-country synthetic edition: time and peak memory.

    .venv/bin/python benchmarks/edition_pdf.py [--countries 160]

The edition document is built from the database, then typeset by Typst in a child process
(whose peak resident memory is read back); the EPUB is built in-process. Targets: PDF in
≤ 15 s and ≤ 1 GB. For the record, if WeasyPrint is installed (`pip install weasyprint`, plus
Debian's libpango-1.0-0 and libpangoft2-1.0-0), the same content is printed from the
EPUB's XHTML with it too.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

from _harness import REPO, django_on_scratch_database, generate_archive

CHILD = """
import resource, sys, time
sys.path.insert(0, {repo!r})
from rapporteur.publishing.pdf import compile_pdf
source = open(sys.argv[1]).read()
started = time.perf_counter()
data = compile_pdf(source)
print(time.perf_counter() - started, len(data), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

WEASY_CHILD = """
import resource, sys, time
from weasyprint import HTML
started = time.perf_counter()
data = HTML(string=open(sys.argv[1]).read()).write_pdf()
print(time.perf_counter() - started, len(data), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def child(code, path):
    """Run ``code`` in a fresh process: (seconds, bytes of PDF, that process's peak memory in MiB)."""
    result = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, check=True)
    seconds, size, peak_kib = result.stdout.split()
    return float(seconds), int(size), int(peak_kib) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--countries", type=int, default=160)
    args = parser.parse_args()
    with django_on_scratch_database(demo=False):
        from rapporteur.publishing.epub import build_epub
        from rapporteur.publishing.pdf import edition_source
        from rapporteur.reports.document import build_edition_document

        edition = generate_archive(1, args.countries)
        started = time.perf_counter()
        document = build_edition_document(edition, "Synthetic organisation")
        document_seconds = time.perf_counter() - started
        source, _ = edition_source(document)
        workdir = tempfile.mkdtemp()
        typst_path = os.path.join(workdir, "edition.typ")
        open(typst_path, "w").write(source)
        pdf_seconds, pdf_size, peak = child(CHILD.format(repo=str(REPO)), typst_path)
        started = time.perf_counter()
        data, _ = build_epub(document, "urn:rapporteur:benchmark")
        epub_seconds = time.perf_counter() - started
        print(
            f"{len(document.entries)} entries, {len(document.regions)} regions; document built in {document_seconds:.1f} s"
        )
        print(f"Typst PDF: {pdf_seconds:.1f} s, {pdf_size / 2**20:.1f} MiB, peak memory {peak:.0f} MiB (child process)")
        print(f"EPUB: {epub_seconds:.1f} s, {len(data) / 2**20:.1f} MiB")
        try:
            import weasyprint  # noqa: F401
        except ImportError:
            print("WeasyPrint: not installed (see the docstring), not measured")
        else:
            html_path = os.path.join(workdir, "edition.html")
            import zipfile
            from io import BytesIO

            with zipfile.ZipFile(BytesIO(data)) as archive:
                chapters = [n for n in archive.namelist() if n.endswith(".xhtml") and "nav" not in n]
                body = "".join(
                    archive.read(n).decode().split("<body>", 1)[-1].split("</body>", 1)[0] for n in sorted(chapters)
                )
            open(html_path, "w").write(f"<html><body>{body}</body></html>")
            w_seconds, w_size, w_peak = child(WEASY_CHILD, html_path)
            print(
                f"WeasyPrint PDF of the same text: {w_seconds:.1f} s, {w_size / 2**20:.1f} MiB, peak memory {w_peak:.0f} MiB"
            )


if __name__ == "__main__":
    main()
