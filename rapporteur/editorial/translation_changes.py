"""Changed since translated: which translated pages need work in a language, and what changed.

Two ways the English can move on from a translation:

1. The English page was published again after its wagtail-localize *source* (the frozen
   copy translators work from) was taken. The list shows the difference between that copy and
   the live English; "Take the English changes" refreshes the source (``take_english_changes``).
   That changes nothing on the translated page.
2. The source holds paragraphs this language has no translation for. Where the same place had
   been translated from older English, that older English is still known (wagtail-localize
   keeps the earlier translation), so the list shows exactly what changed in the English since
   *this language* translated it — French and Arabic each see their own difference.

Translators then update only those segments; the rest of their work is untouched. Nothing here
writes a translated page: that happens when the translator saves or submits the translation,
and ``translating.edited_outside`` makes that step ask first if someone edited the page by other means.
"""

import difflib
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from .translating import source_page, translations_into


@dataclass(frozen=True)
class Change:
    place: str  # the field (and block) path, e.g. "summary" or "body.<id>.content.<id>"
    before: str  # plain text; "" for a new paragraph
    after: str  # plain text; "" for a removed one

    @property
    def kind(self):
        return "added" if not self.before else "removed" if not self.after else "changed"

    def words(self):
        """[(op, text)] with op "same", "removed" or "added": the difference word by word."""
        before, after = self.before.split(), self.after.split()
        pieces = []
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
            if op == "equal":
                pieces.append(("same", " ".join(before[i1:i2])))
                continue
            if i2 > i1:
                pieces.append(("removed", " ".join(before[i1:i2])))
            if j2 > j1:
                pieces.append(("added", " ".join(after[j1:j2])))
        return pieces


@dataclass
class ChangedPage:
    translation: object
    english: object  # the live English page
    source_outdated: bool  # the changes shown are the live English against the source (to be taken)
    changes: list = field(default_factory=list)

    @property
    def target(self):
        return self.translation.get_target_instance()


def plain(text):
    return " ".join(strip_tags(text).split())


def _strings(segments):
    found = {}
    for segment in segments:
        if isinstance(segment, StringSegmentValue):
            found.setdefault(segment.path, []).append(plain(segment.string.data))
    return found


def source_changes(source, english):
    """What differs between the source's frozen copy and the live English page, place by place."""
    before, after = _strings(extract_segments(source.as_instance())), _strings(extract_segments(english))
    changes = []
    for place in list(dict.fromkeys([*before, *after])):
        old, new = before.get(place, []), after.get(place, [])
        for index in range(max(len(old), len(new))):
            a = old[index] if index < len(old) else ""
            b = new[index] if index < len(new) else ""
            if a != b:
                changes.append(Change(place, a, b))
    return changes


def untranslated_changes(translation):
    """Segments this language has not translated yet, with the English it had translated before."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    done, earlier = set(), {}  # (string, place) translated without error; place: the English last translated there
    for old in (
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id, context__object_id=translation.source.object_id
        )
        .select_related("translation_of")
        .order_by("updated_at")
    ):
        if not old.has_error:
            done.add((old.translation_of_id, old.context_id))
        earlier[old.context_id] = old.translation_of.data
    changes = []
    for segment in segments.order_by("order"):
        if (segment.string_id, segment.context_id) in done:
            continue
        changes.append(
            Change(segment.context.path, plain(earlier.get(segment.context_id, "")), plain(segment.string.data))
        )
    return changes


def changed_since_translated(locale, within=None):
    """The pages needing work in ``locale`` (optionally only under the page ``within``), most recent first."""
    found = []
    for translation in translations_into(locale):
        english = source_page(translation.source)
        if english is None or not english.live:
            continue
        english = english.specific
        if within is not None and not english.is_descendant_of(within) and english.pk != within.pk:
            continue
        outdated = bool(english.last_published_at and english.last_published_at > translation.source.last_updated_at)
        changes = source_changes(translation.source, english) if outdated else []
        if changes:
            found.append(ChangedPage(translation, english, source_outdated=True, changes=changes))
        elif changes := untranslated_changes(translation):
            found.append(ChangedPage(translation, english, source_outdated=False, changes=changes))
    found.sort(key=lambda item: item.english.last_published_at, reverse=True)
    return found


def take_english_changes(translation):
    """Refresh the source from the live English page. The translated page itself is not touched."""
    translation.source.update_from_db()
