"""A section heading as written, matched to the Theme vocabulary.

Authors write "Freedom of Expression", "Torture and other ill treatment" or "Liberté
d'expression"; a section belongs to a theme only when its heading names one (by its name or an
alias), ignoring case, accents, punctuation and spacing. Anything else is not guessed: the
preview shows the heading with the closest themes, and a person maps it or creates a theme. No
database here: the caller passes the vocabulary as (name, aliases) pairs.
"""

import difflib
import re
from dataclasses import dataclass, field

from .countries import normalise

CLOSEST = 3
CLOSE_ENOUGH = 0.5  # difflib ratio below which a theme is not worth suggesting


@dataclass
class ThemeMatch:
    """The theme a heading names (``theme``), or "" with the ``closest`` theme names to offer instead."""

    heading: str
    theme: str = ""
    closest: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.theme)


def key(text):
    """A heading reduced to its words: "Torture and other ill-treatment." → "torture and other ill treatment"."""
    return " ".join(re.sub(r"[^\w]+", " ", normalise(text)).split())


def theme_pairs(themes):
    """(name, aliases) pairs for Theme rows (or anything with ``name`` and ``slug``): the slug's words
    are an alias, so "unfair-trials" names "Unfair trials"."""
    return [(theme.name, [theme.slug.replace("-", " ")]) for theme in themes]


def vocabulary(themes):
    """Each (name, aliases) pair — or a bare name — as {key: theme name}."""
    keys = {}
    for theme in themes:
        name, aliases = (theme, ()) if isinstance(theme, str) else theme
        for written in (name, *(aliases or ())):
            keys.setdefault(key(written), name)
    return keys


def match_theme(heading, themes):
    """The theme ``heading`` names, or the closest few names when it names none."""
    keys = vocabulary(themes)
    wanted = key(heading)
    if wanted in keys:
        return ThemeMatch(heading=heading, theme=keys[wanted])
    closest = []
    for near in difflib.get_close_matches(wanted, keys, n=CLOSEST * 3, cutoff=CLOSE_ENOUGH):
        if keys[near] not in closest:
            closest.append(keys[near])
    return ThemeMatch(heading=heading, closest=closest[:CLOSEST])
