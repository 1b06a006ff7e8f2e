"""Each edition's spreadsheet (XLSX), written by a second process while the build goes on.

openpyxl spends about 20 µs a cell, so an edition's workbook took as long as reading the
edition itself: a quarter of a 30-edition build. The rows an edition's other files were written
from go to a file, and a worker process turns that file into the workbook while the main
process reads the next edition; on a machine with two cores the spreadsheets cost no wall time.

This module imports neither Django nor the rest of the project: the worker is a fresh
interpreter running it as a program, handed the tables' column names rather than the schema.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

EXCEL_CELL_LIMIT = 32767  # characters; longer text is cut with a mark in the spreadsheet only


class Spreadsheet:
    """The tables as sheets of one XLSX workbook (openpyxl's write-only mode streams to disk).

    ``tables`` is a list of (table name, column names), in sheet order.
    """

    def __init__(self, path, tables):
        self.path = path
        self.book = Workbook(write_only=True)
        self.sheets = {}
        self.columns = dict(tables)
        for name, columns in tables:
            sheet = self.book.create_sheet(name)
            sheet.append(columns)
            self.sheets[name] = sheet

    def add(self, table, row):
        sheet = self.sheets[table]
        sheet.append([self.cell(sheet, row.get(name)) for name in self.columns[table]])

    @staticmethod
    def cell(sheet, value):
        if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
            value = value[: EXCEL_CELL_LIMIT - 40] + " [cut: Excel's cell limit; see the CSV]"
        return WriteOnlyCell(sheet, value=value)

    def close(self):
        self.book.save(self.path)


def write_spreadsheet(rows_path, xlsx_path, tables):
    """The workbook from a file of encoded rows (one ``[table, row]`` JSON array a line)."""
    spreadsheet = Spreadsheet(xlsx_path, tables)
    with open(rows_path, "rb") as rows:
        for line in rows:
            table, row = json.loads(line)
            spreadsheet.add(table, row)
    spreadsheet.close()


class SpreadsheetWorker:
    """One worker process for a build's spreadsheets; a context manager that waits on leaving.

    The worker is this module run as a program (``python -m``), reading one job a line on its
    standard input — the rows file and the workbook to write, tab-separated — so nothing of the
    parent (its main module, its database connections, its threads) is copied into it, as
    ``multiprocessing`` would.
    """

    def __init__(self, tables):
        self.tables = tables
        self.process = None

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if self.process is None:
            return
        if kind is not None:
            self.process.kill()
        _, errors = self.process.communicate()  # closes the worker's input: no more jobs
        if kind is None and self.process.returncode != 0:
            raise RuntimeError(f"The spreadsheet worker failed: {errors.decode(errors='replace').strip()}")

    def start(self):
        root = Path(__file__).resolve().parents[3]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen(
            [sys.executable, "-m", __name__, json.dumps(self.tables)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )

    def write(self, lines, rows_path, xlsx_path):
        """Have the workbook of ``lines`` (encoded rows) written to ``xlsx_path``, in the background.

        It exists once the ``with`` block is left without an error.
        """
        with open(rows_path, "wb") as rows:
            rows.write(b"\n".join(lines))
        if self.process is None:
            self.start()
        self.process.stdin.write(f"{rows_path}\t{xlsx_path}\n".encode())
        self.process.stdin.flush()


def main():
    tables = [(name, columns) for name, columns in json.loads(sys.argv[1])]
    for job in sys.stdin:
        rows_path, xlsx_path = job.rstrip("\n").split("\t")
        try:
            write_spreadsheet(rows_path, xlsx_path, tables)
        except Exception as error:  # noqa: BLE001 — said in one line to the build, which raises it
            sys.exit(f"{Path(xlsx_path).name}: {type(error).__name__}: {error}")


if __name__ == "__main__":
    main()
