"""StreamField blocks for report content.

A country entry's body is a list of *theme sections*; each section holds paragraphs and
*case* blocks. Cases name a Person so an individual can be followed across editions.
Long-form pages (articles, overviews, the press release) use plain *prose*.
"""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .richtext import PARAGRAPH_FEATURES


class CaseBlock(blocks.StructBlock):
    person = SnippetChooserBlock(
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
    theme = SnippetChooserBlock(
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
