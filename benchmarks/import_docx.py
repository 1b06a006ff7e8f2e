"""Reading a 40-page Word country entry, as the import preview does: target ≤ 3 s.

    .venv/bin/python benchmarks/import_docx.py [--pages 40] [--runs 5] [--keep OUT.docx]

Generates a synthetic entry in the house style with python-docx (clearly synthetic words; about
500 words a page, each paragraph split into several runs the way Word splits them, with bold
names, italics, links, lists, cases and footnotes), then times ``read_docx`` on its bytes —
the checks, mammoth's conversion, sanitising and the house style — and reports the median
wall and CPU time (CPU time is steadier on a shared machine). No database is needed.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rapporteur.settings.test")

import django  # noqa: E402

django.setup()

from rapporteur.importers.template import add_link  # noqa: E402
from rapporteur.importers.word import convert, read_docx  # noqa: E402
from tests.importers.docx_files import (  # noqa: E402
    add_footnote_mark,
    bold_then,
    new_document,
    to_bytes,
    with_footnotes,
)

WORDS_PER_PAGE = 500
WORDS = "synthetic placeholder sentence about a generated section of text for timing only".split()
THEMES = [
    "Freedom of expression",
    "Torture and other ill-treatment",
    "Unfair trials",
    "Freedom of assembly",
    "Death penalty",
    "Impunity",
    "Refugees and asylum-seekers",
    "Human rights defenders",
]


def sentence(number, length=18):
    words = [WORDS[(number + offset) % len(WORDS)] for offset in range(length)]
    return " ".join(words).capitalize() + "."


def synthetic_entry(pages):
    """A house-style entry of about ``pages`` pages, and its footnotes."""
    document = new_document("Kazakhstan")
    document.add_paragraph("Head of state: Synthetic Holder One")
    document.add_paragraph("Head of government: Synthetic Holder Two (replaced Synthetic Holder Three in May 2012)")
    document.add_paragraph(" ".join(sentence(n) for n in range(6)))
    words, number, notes = 0, 0, {}
    while words < pages * WORDS_PER_PAGE:
        document.add_heading(THEMES[number % len(THEMES)] if number < len(THEMES) else f"Synthetic part {number}", 1)
        for sub in range(3):
            document.add_heading(f"Synthetic subheading {number}.{sub}", 2)
            for paragraph_number in range(4):
                paragraph = document.add_paragraph()
                for run in range(6):  # Word splits a paragraph into many runs
                    text = sentence(number * 100 + paragraph_number * 10 + run, 4) + " "
                    chosen = paragraph.add_run(text)
                    chosen.italic = run == 3
                if paragraph_number == 1:
                    add_link(paragraph, "a synthetic link", "https://example.org/synthetic")
                if paragraph_number == 2:
                    notes[len(notes) + 1] = f"Synthetic note {len(notes) + 1}."
                    add_footnote_mark(paragraph, len(notes))
                words += 24 + 3
            document.add_paragraph(sentence(number, 10), style="List Bullet")
            document.add_paragraph(sentence(number + 1, 10), style="List Bullet")
            bold_then(
                document.add_paragraph(style="Case"), f"Synthetic Person {number}.{sub}", ", " + sentence(number, 30)
            )
            words += 50
        number += 1
    return with_footnotes(to_bytes(document), notes), words


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", help="also write the generated .docx here")
    arguments = parser.parse_args()

    data, words = synthetic_entry(arguments.pages)
    if arguments.keep:
        Path(arguments.keep).write_bytes(data)
    themes = [(name, ()) for name in THEMES]
    totals, cpu, conversions = [], [], []
    for _ in range(arguments.runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        entry = read_docx(data, themes=themes)
        totals.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        started = time.process_time()
        convert(data)
        conversions.append(time.process_time() - started)
    blocks = sum(len(section.blocks) for section in entry.sections)
    print(f"Synthetic entry: ~{words:,} words (~{words / WORDS_PER_PAGE:.0f} pages), {len(data) / 1024:.0f} KB .docx")
    print(f"Read: {len(entry.sections)} sections, {blocks} blocks, {len(entry.warnings)} warnings")
    print(
        f"read_docx: wall median {statistics.median(totals):.2f} s, max {max(totals):.2f} s; "
        f"CPU median {statistics.median(cpu):.2f} s (mammoth alone {statistics.median(conversions):.2f} s CPU); "
        f"n={arguments.runs}; target ≤ 3 s"
    )


if __name__ == "__main__":
    main()
