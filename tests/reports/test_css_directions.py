"""The reader's stylesheets mirror for right-to-left languages by themselves: logical properties only.

Under ``<html dir="rtl">`` (Arabic) ``padding-inline-start`` is the right-hand padding; a
``padding-left`` would stay on the left and the page would look broken. So no declaration may
name a physical side, and shorthands may not set left and right differently.
"""

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
READER_STYLESHEETS = [
    REPO / "rapporteur" / "static" / "css" / "reader.css",
    REPO / "rapporteur" / "opendata" / "static" / "opendata" / "api-docs.css",
]
# Properties whose value names a side: text-align: left, float: right, clear: left, caption-side...
SIDED_VALUES = {"text-align", "float", "clear", "text-align-last", "justify-content", "justify-items", "justify-self"}
FOUR_SIDED = {"margin", "padding", "inset", "border-width", "border-style", "border-color", "scroll-margin"}


def declarations(css):
    """(property, value) of every declaration, comments removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    for block in re.findall(r"\{([^{}]*)\}", css):
        for declaration in block.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                yield name.strip().lower(), value.strip().lower()


def physical(name, value):
    """Why a declaration would not mirror under dir="rtl", or None."""
    if re.search(r"(^|-)(left|right)($|-)", name):
        return "names a physical side"
    if name in SIDED_VALUES and re.search(r"\b(left|right)\b", value):
        return "a physical side as its value"
    if name in FOUR_SIDED:
        parts = re.sub(r"\([^)]*\)", "()", value).split()
        if len(parts) == 4 and parts[1] != parts[3]:
            return "a shorthand with different left and right"
    if name == "border-radius" and "/" not in value and len(value.split()) in (2, 3, 4):
        parts = value.split()
        if parts != [parts[0]] * len(parts):
            return "corners that are not symmetric"
    if name in {"transform", "translate"} and re.search(r"translatex?\(\s*-?[1-9.]", value):
        return "moves along the x axis"
    # background-position and box-shadow offsets would also be physical; none is used here.
    if name in {"background-position", "background"} and re.search(r"\b(left|right)\b", value):
        return "a physical background position"
    return None


@pytest.mark.parametrize("path", READER_STYLESHEETS, ids=lambda path: path.name)
def test_reader_css_uses_logical_properties_only(path):
    found = [
        f"{name}: {value} ({why})" for name, value in declarations(path.read_text()) if (why := physical(name, value))
    ]
    assert found == []


def test_the_check_catches_physical_properties():
    css = """/* padding-left in a comment is fine */
    .a { padding-left: 1rem; } .b { text-align: right; } .c { float: left; }
    .d { margin: 0 1rem 0 2rem; } .e { left: 0; } .f { border-right: 1px solid; }"""
    assert [name for name, value in declarations(css) if physical(name, value)] == [
        "padding-left",
        "text-align",
        "float",
        "margin",
        "left",
        "border-right",
    ]
    assert not physical("padding-inline", "1rem 0") and not physical("text-align", "start")
