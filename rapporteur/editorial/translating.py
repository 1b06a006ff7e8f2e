"""Translating pages: wagtail-localize's segments, tied into our review steps and embargo.

wagtail-localize keeps, for each English page being translated, a *source* (a frozen copy of
the English content, split into segments: one per paragraph, title, case text...) and, per
language, a *translation* whose segments translators fill in — in its editor or offline in a
PO file. Saving a translation writes the French (Arabic...) page from the source and the
translated segments.

What we add:

- A translation is saved as a **draft** and submitted to the page's own review workflow
  (``submit_for_review``), never published by the translator: the same regional, legal and
  publisher steps as English, and the same embargo — the language's edition page is the gate.
  (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`` is off in settings for the same reason: a
  new translation of a live English page would otherwise go live at once, in English words.)
- ``adopt_translation``: a page translated by hand before (with Wagtail's "copy for
  translation", or by an earlier tool) is brought under wagtail-localize without losing a word:
  its strings become the translation's segments, paired with the English ones in order.
- **Changed since translated** lives in ``translation_changes``; edition PO files in
  ``translation_files``.
"""

import re

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

_BLOCK_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class TranslationRefused(ValueError):
    """A translation step that cannot be done, with a message for the translator."""


def translations_into(locale):
    """The enabled translations into ``locale`` whose source is a page, with their sources."""
    return Translation.objects.filter(
        target_locale=locale, enabled=True, source__specific_content_type__isnull=False
    ).select_related("source", "source__locale")


def translation_of(page, locale):
    """The wagtail-localize translation of ``page`` into ``locale``, or None if not started."""
    source = TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).first()
    if source is None:
        return None
    return Translation.objects.filter(source=source, target_locale=locale).first()


def source_page(source):
    """The English (source-language) page a wagtail-localize source was taken from, or None."""
    return Page.objects.filter(translation_key=source.object_id, locale_id=source.locale_id).first()


def translated_page(translation):
    """The page a translation writes (in its target language), or None before it is made."""
    return Page.objects.filter(translation_key=translation.source.object_id, locale=translation.target_locale).first()


def start_translation(page, locale, user=None):
    """Start translating ``page`` into ``locale``: a draft page in that language, made from the English.

    The draft holds the English words until the segments are translated; it is never
    published here (see the module docstring). Returns the Translation.
    """
    page = page.specific
    if page.locale_id == locale.pk:
        raise TranslationRefused(f"“{page.title}” is already in {locale.get_display_name()}.")
    creator = TranslationCreator(user, [locale])
    # The pages above first, each a translation of its own (a draft): left to Wagtail, missing
    # parents would be made as *aliases* of the English, which follow it — an alias of an
    # edition page would launch the language version with the English one, in English words.
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if ancestor.get_translation_or_none(locale) is None:
            creator.create_translations(ancestor, include_related_objects=False)
    creator.create_translations(page, include_related_objects=False)
    translation = translation_of(page, locale)
    if translation is None:  # pragma: no cover - wagtail-localize always makes one
        raise TranslationRefused(f"“{page.title}” could not be set up for translation.")
    return translation


def _shape(path):
    return _BLOCK_ID.sub("*", path)


@transaction.atomic
def adopt_translation(source_page, translated_page, user=None):
    """Bring a page translated by hand under wagtail-localize, keeping its words.

    Segments pair by their place: the n-th English paragraph of a field (block ids aside,
    which differ between copies) with the n-th of the translation. A translation whose
    structure differs from the English (a paragraph more or less) is refused with the first
    place that does not match, and nothing is changed.
    """
    source_page, translated_page = source_page.specific, translated_page.specific
    if translated_page.translation_key != source_page.translation_key:
        raise TranslationRefused(f"“{translated_page.title}” is not a translation of “{source_page.title}”.")
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    translated = {}
    for segment in extract_segments(translated_page):
        if isinstance(segment, StringSegmentValue):
            translated.setdefault(_shape(segment.path), []).append(segment.string.data)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale_id=translated_page.locale_id, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
    for segment in segments:
        candidates = translated.get(_shape(segment.context.path))
        if not candidates:
            raise TranslationRefused(
                f"“{translated_page.title}” has no translation for {segment.context.path} "
                f"(“{segment.string.data[:60]}”); its structure differs from the English."
            )
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale_id=translated_page.locale_id,
            context=segment.context,
            defaults={"data": candidates.pop(0), "translation_type": "manual", "last_translated_by": user},
        )
    return translation


def edited_outside(translation):
    """Whether the translated page has a newer version than the last one written from its segments.

    Saving the translation writes the page from the segments and would replace that version's
    words, so the translator is asked first.
    """
    last = (
        TranslationLog.objects.filter(source=translation.source, locale=translation.target_locale)
        .order_by("-created_at", "-pk")
        .first()
    )
    if last is None or last.revision_id is None:
        return False
    target = translated_page(translation)
    return bool(target and target.latest_revision_id and target.latest_revision_id != last.revision_id)


@transaction.atomic
def save_draft(translation, user=None):
    """Write the translated page's new version from the segments, as a draft; readers see no change.

    wagtail-localize writes a draft by saving the page row and then a revision — and a page's
    row *is* what readers see once it is live, so on a published translation its draft would
    reach readers before any review. The live row is put back from the live revision at once,
    in the same transaction; the new words wait in the draft revision for the workflow.
    """
    target = translated_page(translation)
    live_revision = target.specific.live_revision if target is not None and target.live else None
    translation.save_target(user=user, publish=False)
    if live_revision is None:
        return
    page = Page.objects.get(pk=target.pk).specific
    restored = live_revision.as_object()
    restored.latest_revision = page.latest_revision
    restored.draft_title = page.draft_title
    restored.has_unpublished_changes = True
    restored.save(clean=False)


def submit_for_review(translation, user, replace_outside_edits=False):
    """Save the translation as a draft of its page and start the page's review workflow.

    Returns the translated page. Translators cannot publish; the workflow's last step does,
    and the embargo still holds because the language's edition page is the gate. A page
    edited by other means since its last save from the segments is not overwritten unless
    ``replace_outside_edits`` says the translator has agreed.
    """
    if edited_outside(translation) and not replace_outside_edits:
        raise TranslationRefused(
            "This page was edited outside the translation editor since its translation was last saved; "
            "submitting writes it again from the translated segments and replaces those edits. "
            "Tick “Replace those edits” to go ahead."
        )
    save_draft(translation, user)
    page = translated_page(translation).specific
    workflow = page.get_workflow()
    if workflow is None:
        raise TranslationRefused(f"“{page.title}” has no review workflow; ask an administrator to assign one.")
    if page.workflow_in_progress:
        raise TranslationRefused(f"“{page.title}” is already in review; wait for the reviewers' decision.")
    workflow.start(page, user)
    return page
