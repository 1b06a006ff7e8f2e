"""The core's layering: page models import no presentation code, and ``reports`` imports no other app.

Everything else is built on the page models (chrome, documents, templates, the archive,
publishing); if a model imported any of them, the import graph would run in a circle again.
"""

import ast
from pathlib import Path

import rapporteur.reports

REPORTS = Path(rapporteur.reports.__file__).parent
PRESENTATION = {"chrome", "document", "frame", "extensions", "rendering", "templatetags", "views"}
OTHER_APPS = {"archive", "editorial", "publishing", "demo", "accounts", "backups", "importers", "opendata"}


def imported_modules(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield ("." * node.level) + (node.module or "")


def test_page_models_import_no_presentation_code():
    for path in (REPORTS / "models").glob("*.py"):
        for module in imported_modules(path):
            parts = set(module.lstrip(".").split("."))
            relative_to_reports = module.startswith("..") or module.startswith("rapporteur.reports")
            assert not (relative_to_reports and parts & PRESENTATION), f"{path.name} imports {module}"


def test_reports_imports_no_other_app_of_the_project():
    for path in REPORTS.rglob("*.py"):
        for module in imported_modules(path):
            parts = module.split(".")
            assert not (parts[0] == "rapporteur" and len(parts) > 1 and parts[1] in OTHER_APPS), (
                f"{path.relative_to(REPORTS)} imports {module}"
            )
