"""The files of an edition in its own language: its words and its direction.

An edition's PDF and EPUB are made in the language of its page tree (``EditionDocument.language``):
every word of ours they print goes through the same gettext catalogues as the website, set
with ``translation.override``, so a background build (which has no reader and no request)
writes French for the French edition, and Arabic right to left for the Arabic one.
"""

import functools
import re

from django.utils import translation
from django.utils.translation import gettext as _


def in_its_language(make):
    """``make(document, ...)`` run with the document's language active (words, month names)."""

    @functools.wraps(make)
    def wrapper(document, *args, **kwargs):
        with translation.override(document.language):
            return make(document, *args, **kwargs)

    return wrapper


def right_to_left(language):
    return translation.get_language_info(language)["bidi"] if language else False


PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def fill(message, text, **parts):
    """A translated sentence with its ``%(name)s`` replaced by ``parts[name]``, already written.

    The words around the placeholders go through ``text`` (escaping for the format at hand),
    the parts not: so a name can be set apart (``<bdi>``, a Typst box) wherever the language
    puts it in the sentence.
    """
    out, position = [], 0
    for match in PLACEHOLDER.finditer(message):
        if match.start() > position:
            out.append(text(message[position : match.start()]))
        out.append(parts[match.group(1)])
        position = match.end()
    if position < len(message):
        out.append(text(message[position:]))
    return "".join(out)


def replacements(holder, text, name):
    """ " (replaced A in March 2012, who replaced B)" after an office holder's name, in the active
    language; ``text`` writes our words, ``name`` a person's name. Empty when nobody was replaced."""
    phrases = []
    for number, (who, month) in enumerate(holder.replacements):
        if number == 0:
            message = _("replaced %(who)s in %(month)s") if month else _("replaced %(who)s")
        else:
            message = _("who replaced %(who)s in %(month)s") if month else _("who replaced %(who)s")
        phrases.append(fill(message, text, who=name(who), month=text(month)))
    return text(" (") + text(", ").join(phrases) + text(")") if phrases else ""
