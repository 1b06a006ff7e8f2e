"""How readers and data users name what they cite: open-data identifiers of entries and sections."""

import re

# -- identifiers -------------------------------------------------------------------------------
# The open-data identifiers of issue 13: an entry is its edition's year and the country's ISO
# code, a section adds its anchor (the theme's slug; a second section of one theme gets "-2").


def entry_identifier(year, iso_code):
    return f"{year}-{iso_code}"


def section_identifier(year, iso_code, anchor):
    return f"{entry_identifier(year, iso_code)}-{anchor}"


IDENTIFIER = re.compile(r"(?P<year>[0-9]{4})-(?P<iso_code>[A-Z]{2})(?:-(?P<anchor>[a-z0-9]+(?:-[a-z0-9]+)*))?")
