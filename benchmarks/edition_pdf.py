"""Whole-edition PDF and EPUB for a 160-country synthetic edition: time and peak memory.

    .venv/bin/python benchmarks/edition_pdf.py [--countries 160] [--language ar]

The edition document is built from the database, then typeset by Typst in a child process
(whose peak resident memory is read back); the EPUB is built in-process. Targets: PDF in
≤ 15 s and ≤ 1 GB. For the record, if WeasyPrint is installed (`pip install weasyprint`, plus
Debian's libpango-1.0-0 and libpangoft2-1.0-0), the same content is printed from the
EPUB's XHTML with it too.

``--language ar`` (or ``fr``, ``es``) typesets the same edition as a translation: every word of
the document is swapped for a word from a short list in that language (``SYNTHETIC_WORDS``:
clearly synthetic, same length in words), names and headings too, and the document's language
set, so the PDF is made right to left in Noto Naskh Arabic, with the catalogue's fixed words,
exactly as a real translated edition would be.
"""

import argparse
import dataclasses
import os
import re
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


# Filler words per language, ours; a word of the English text maps always to the same one.
SYNTHETIC_WORDS = {
    "ar": (
        "حقوق الإنسان المحكمة الحكومة السجن التعذيب حرية التعبير الشرطة المدافعون اللاجئون قانون محاكمة "
        "احتجاز الصحفيين منظمة تقرير السلطات الاحتجاجات الأمن العدالة النساء الأطفال المجتمع المدني في من "
        "على إلى عام"
    ).split(),
    "fr": "droits humains tribunal gouvernement prison torture liberté expression police réfugiés loi procès "
    "détention journalistes rapport autorités manifestations sécurité justice femmes enfants société civile "
    "dans de sur pour année".split(),
    "es": "derechos humanos tribunal gobierno prisión tortura libertad expresión policía refugiados ley juicio "
    "detención periodistas informe autoridades protestas seguridad justicia mujeres niños sociedad civil "
    "en de sobre para año".split(),
}
TEXT_FIELDS = {
    "title", "subtitle", "name", "country_name", "teaser", "lead", "author", "heading", "theme_name", "text",
    "attribution", "term", "description", "value", "office_label", "label", "person_name",
}  # fmt: skip
HTML_FIELDS = {"html", "summary_html", "definition_html"}
WORD = re.compile(r"[^\W\d_]+")


def as_translation(document, language):
    """The edition document with every word of it in ``language`` (synthetic), for timing only."""
    words = SYNTHETIC_WORDS[language]

    def swap(text):
        return WORD.sub(lambda match: words[sum(map(ord, match.group())) % len(words)], text)

    def swap_html(html):
        return re.sub(r">([^<]+)<", lambda match: ">" + swap(match.group(1)) + "<", html)

    def convert(value):
        if isinstance(value, tuple):
            return tuple(convert(item) for item in value)
        if not dataclasses.is_dataclass(value):
            return value
        changes = {}
        for field in dataclasses.fields(value):
            current = getattr(value, field.name)
            if isinstance(current, str) and field.name in TEXT_FIELDS:
                changes[field.name] = swap(current)
            elif isinstance(current, str) and field.name in HTML_FIELDS:
                changes[field.name] = swap_html(current)
            elif isinstance(current, tuple) or dataclasses.is_dataclass(current):
                changes[field.name] = convert(current)
        return dataclasses.replace(value, **changes)

    return dataclasses.replace(convert(document), language=language)


def child(code, path):
    """Run ``code`` in a fresh process: (seconds, bytes of PDF, that process's peak memory in MiB)."""
    result = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, check=True)
    seconds, size, peak_kib = result.stdout.split()
    return float(seconds), int(size), int(peak_kib) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--countries", type=int, default=160)
    parser.add_argument("--language", choices=sorted(SYNTHETIC_WORDS), help="typeset it as a translation")
    args = parser.parse_args()
    with django_on_scratch_database(demo=False):
        from rapporteur.publishing.epub import build_epub
        from rapporteur.publishing.pdf import edition_source
        from rapporteur.reports.document import build_edition_document

        edition = generate_archive(1, args.countries)
        started = time.perf_counter()
        document = build_edition_document(edition, "Synthetic organisation")
        document_seconds = time.perf_counter() - started
        if args.language:
            document = as_translation(document, args.language)
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
            + (f"; typeset as a synthetic {args.language} translation" if args.language else "")
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
