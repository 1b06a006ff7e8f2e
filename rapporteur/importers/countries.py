"""Country names as reports print them, resolved to ISO 3166-1 alpha-2 codes.

Fifty years of books name countries in ways ISO does not: old names (Swaziland, Burma), the
publisher's own forms ("Korea (Democratic People's Republic of)", "Congo (Republic of)"),
entities ISO has no code for (Kosovo: the widely used user-assigned ``XK``) and entries that
cover more than one place ("Israel and the Occupied Palestinian Territories"). pycountry knows
current ISO names; ``ALIASES`` is the explicit table for the rest. No fuzzy matching: a near
miss (Kosovo → Serbia) would file a whole entry under the wrong country, so an unknown name is
left unresolved and the preview says so.
"""

import re
import unicodedata

import pycountry

from rapporteur.reports.models.snippets import USER_ASSIGNED_CODES

# Normalised name → code. Keys are written plainly; ``normalise`` is applied when the table loads.
ALIASES = {
    "swaziland": "SZ",
    "eswatini": "SZ",
    "turkey": "TR",
    "turkiye": "TR",
    "burma": "MM",
    "myanmar": "MM",
    "kosovo": "XK",
    "kosovo (serbia)": "XK",
    "serbia (including kosovo)": "RS",
    "serbia and montenegro": "RS",  # 2006 editions: the union's entry continues as Serbia's
    "israel and the occupied palestinian territories": "IL",
    "israel and occupied palestinian territories": "IL",
    "palestinian authority": "PS",
    "palestine": "PS",
    "state of palestine": "PS",
    "occupied palestinian territories": "PS",
    "congo (republic of)": "CG",
    "republic of congo": "CG",
    "congo": "CG",
    "congo (democratic republic of the)": "CD",
    "congo (democratic republic of)": "CD",
    "democratic republic of the congo": "CD",
    "drc": "CD",
    "korea (democratic people's republic of)": "KP",
    "north korea": "KP",
    "korea (republic of)": "KR",
    "south korea": "KR",
    "russia": "RU",
    "russian federation": "RU",
    "kazakstan": "KZ",
    "kyrgyzstan": "KG",
    "macedonia": "MK",
    "macedonia (the former yugoslav republic of)": "MK",
    "former yugoslav republic of macedonia": "MK",
    "north macedonia": "MK",
    "ivory coast": "CI",
    "cote d'ivoire": "CI",
    "czech republic": "CZ",
    "cape verde": "CV",
    "east timor": "TL",
    "timor-leste": "TL",
    "iran": "IR",
    "syria": "SY",
    "syrian arab republic": "SY",
    "laos": "LA",
    "vietnam": "VN",
    "viet nam": "VN",
    "moldova": "MD",
    "tanzania": "TZ",
    "bolivia": "BO",
    "venezuela": "VE",
    "usa": "US",
    "united states": "US",
    "united states of america": "US",
    "uk": "GB",
    "united kingdom": "GB",
    "the gambia": "GM",
    "gambia": "GM",
    "bahamas": "BS",
    "taiwan": "TW",
    "hong kong": "HK",
    "brunei": "BN",
    "brunei darussalam": "BN",
    "western sahara": "EH",
    "morocco/western sahara": "MA",  # one entry in 2008–2013 books, filed under Morocco
    "vatican": "VA",
    "holy see": "VA",
    "micronesia": "FM",
}


def normalise(name):
    """Casefolded, accents and typographic quotes removed, spaces collapsed: "Côte d’Ivoire" → "cote d'ivoire"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("’", "'").replace("‘", "'").replace("&", " and ")
    return " ".join(text.casefold().split())


ALIAS_CODES = {normalise(name): code for name, code in ALIASES.items()}


def iso_names():
    """Every ISO name pycountry knows (short, official, common) → code."""
    names = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(normalise(value), country.alpha_2)
    return names


ISO_NAMES = iso_names()


def reorder(name):
    """ "korea (democratic people's republic of)" → "democratic people's republic of korea"."""
    match = re.fullmatch(r"(.+?) \((.+)\)", name)
    if not match:
        return None
    head, qualifier = match.groups()
    if qualifier.endswith(" of") or qualifier.endswith(" of the"):
        return f"{qualifier} {head}"
    return head


def resolve(name):
    """The ISO 3166-1 alpha-2 code for a country name as printed, or "" when it is not known."""
    key = normalise(name)
    if not key:
        return ""
    for candidate in (key, key.removeprefix("the ")):
        code = ALIAS_CODES.get(candidate) or ISO_NAMES.get(candidate)
        if code:
            return code
    reordered = reorder(key)
    if reordered:
        return ALIAS_CODES.get(reordered) or ISO_NAMES.get(reordered) or ""
    return ""


def name_for(code):
    """A readable name for a code (pycountry's common name, or ours for the extra codes)."""
    if code in USER_ASSIGNED_CODES:
        return USER_ASSIGNED_CODES[code]
    record = pycountry.countries.get(alpha_2=code)
    return (getattr(record, "common_name", None) or record.name) if record else ""
