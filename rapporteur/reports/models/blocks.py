"""StreamField blocks for report content.

A country entry's body is a list of *theme sections*; each section holds paragraphs and
*case* blocks. Cases name a Person so an individual can be followed across editions.
Long-form pages (articles, overviews, the press release) use plain *prose*.
"""

import copy
from contextlib import contextmanager
from contextvars import ContextVar

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .richtext import PARAGRAPH_FEATURES

_known_vocabulary = ContextVar("known_vocabulary", default=None)


@contextmanager
def vocabulary_read_once():
    """While many pages are read at once, look each chosen theme and person up in one query.

    Wagtail's chooser blocks query their model once per page body; reading a 160-entry edition
    as a document made 320 such queries, a tenth of a 30-edition dataset build on PostgreSQL.
    Inside this block the first page's lookup reads the whole (small) table, and the others
    share it. Outside it nothing changes: the admin and a single page read as Wagtail does.
    """
    token = _known_vocabulary.set({})
    try:
        yield
    finally:
        _known_vocabulary.reset(token)


class VocabularyChooserBlock(SnippetChooserBlock):
    """A snippet chooser that can share one lookup of its model (``vocabulary_read_once``)."""

    def bulk_to_python(self, values):
        known = _known_vocabulary.get()
        if known is None:
            return super().bulk_to_python(values)
        if self.model_class not in known:
            known[self.model_class] = self.model_class.objects.in_bulk()
        objects = known[self.model_class]
        # a copy each, as Wagtail gives: nothing read from one page can leak into another
        return [copy.copy(objects[value]) if value in objects else None for value in values]

    def deconstruct(self):
        """Frozen into migrations as Wagtail's own chooser: the stored data is the same."""
        _path, args, kwargs = super().deconstruct()
        return "wagtail.snippets.blocks.SnippetChooserBlock", args, kwargs


class CaseBlock(blocks.StructBlock):
    person = VocabularyChooserBlock(
        "reports.Person",
        required=False,
        help_text="The individual this case is about, if named. Lets readers follow them across years.",
    )
    text = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "user"
        label = "Case"


class SectionContentBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, icon="pilcrow")
    subheading = blocks.CharBlock(
        max_length=200,
        icon="title",
        help_text="A heading inside the section (a region of the country, a strand of the theme).",
    )
    case = CaseBlock()

    class Meta:
        min_num = 1
        # a new section opens with a paragraph to write in, not with "The minimum number of items is 1"
        default = [("paragraph", "")]


class ThemeSectionBlock(blocks.StructBlock):
    theme = VocabularyChooserBlock(
        "reports.Theme",
        required=False,
        help_text="The section's subject, from the shared list of themes. Only sections with a theme appear on "
        "theme pages; imported legacy sections whose heading matches no theme are left without one.",
    )
    heading = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text="Leave blank to use the theme's name as the section heading.",
    )
    content = SectionContentBlock()

    class Meta:
        icon = "list-ul"
        label = "Theme section"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"


class ProseBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(max_length=200, icon="title", help_text="A section heading (level 2).")
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, icon="pilcrow")
    quote = QuoteBlock()
