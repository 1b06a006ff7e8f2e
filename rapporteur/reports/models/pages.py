"""The page tree of a report: one tree per language.

    HomePage                       /en/
      EditionPage (year)           /en/2013/
        ArticlePage (kind)         /en/2013/introduction/
        PressReleasePage           /en/2013/press-release/
        DownloadsPage              /en/2013/downloads/
        GlossaryPage               /en/2013/glossary/
        WorldByRegionPage          /en/2013/world-by-region/
        RegionPage                 /en/2013/europe-and-central-asia/
          CountryEntryPage         /en/2013/europe-and-central-asia/kazakhstan/

Page models stay small and import no presentation code: each page type declares what it
contributes (its navigation item, its kind of document; see ``ReaderPageMixin``), and what
a page *shows* is assembled from those declarations in ``reports.chrome`` (the edition-wide
navigation) and ``reports.document`` (the content as a document, which every output format
shares), pulled by the templates through ``reports_tags``.
"""

import html
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction, Revision, TranslatableMixin
from wagtail.search import index

from ..visibility import restricted_paths
from .blocks import ProseBlock, ThemeSectionBlock
from .richtext import INLINE_FEATURES, PARAGRAPH_FEATURES
from .snippets import Country, GlossaryTerm, Region

# --------------------------------------------------------------------------------------
# Shared behaviour
# --------------------------------------------------------------------------------------


class ReportPageForm(WagtailAdminPageForm):
    """The admin form of every report page: refuses to save over another person's newer version.

    Wagtail's editor records which revision it loaded. Its autosave then stores revisions for
    the same editor while they type, and its own check (``EditView.is_out_of_date``) guards
    only those autosaves; a full "Save draft" would silently replace a colleague's work. So a
    full save is refused when someone *else* saved after the revision this editor loaded —
    the editor's own autosaved revisions (or a second tab of theirs) are theirs to replace.
    Wagtail's concurrent-editing notice tells both editors while they work; this is the last
    line, and the form is shown again with the editor's changes still in it.
    """

    def clean(self):
        cleaned_data = super().clean()
        rival = self.rival_revision()
        if rival is not None:
            self.add_error(None, self.conflict_message(rival))
        if self.is_deferred_validation and self._errors:
            self.flag_fields_needed_later(cleaned_data)
        return cleaned_data

    def flag_fields_needed_later(self, cleaned_data):
        """When a draft cannot be saved anyway, also mark the empty fields a submission will need.

        Wagtail lets a draft leave required fields empty (they are checked on submit and
        publish). But when the save is refused for another reason, flagging only that one
        sends the editor round again and again; they see everything missing at once instead.
        """
        for name in self.deferred_required_fields:
            if name not in self._errors and is_empty(cleaned_data.get(name)):
                self.add_error(name, "Needed before this page can be submitted for review or published.")

    def loaded_revision(self):
        """(id, created_at as sent) of the revision this editor's form was loaded from, or None."""
        loaded_id = self.data.get("loaded_revision_id", "")
        if not self.instance.pk or not loaded_id.isdigit():
            return None
        return int(loaded_id), self.data.get("loaded_revision_created_at", "")

    def rival_revision(self):
        """The newest revision saved by another person since this editor loaded the page, if any."""
        if (loaded := self.loaded_revision()) is None:
            return None
        loaded_id, loaded_at = loaded
        latest_id = Page.objects.filter(pk=self.instance.pk).values_list("latest_revision_id", flat=True).first()
        if latest_id is None:
            return None
        if latest_id == loaded_id:
            latest = Revision.objects.select_related("user").get(pk=latest_id)
            if latest.created_at.isoformat() == loaded_at or self.is_own(latest):
                return None  # unchanged, or overwritten by this editor's autosave
            return latest
        since = self.instance.revisions.filter(pk__gt=loaded_id)
        if self.for_user is not None:
            since = since.exclude(user=self.for_user)
        return since.select_related("user").order_by("-pk").first()

    def is_own(self, revision):
        return self.for_user is not None and revision.user_id == self.for_user.pk

    def conflict_message(self, rival):
        who = (rival.user.get_full_name() or rival.user.get_username()) if rival.user else "Someone else"
        when = timezone.localtime(rival.created_at).strftime("%H:%M %Z on %d %B %Y")
        own = self.own_autosave_since_loaded()
        kept = (
            f"Your changes up to {timezone.localtime(own.created_at).strftime('%H:%M %Z')} were autosaved "
            "and are in the page history; the changes since then are still in this form. "
            if own is not None
            else "This save was not applied, and their version is kept; your changes are still in this form. "
        )
        return (
            f"{who} saved a newer version of this page at {when}, after you opened it. {kept}"
            "Keep a copy of your changes, reload the page to see theirs, then apply yours again."
        )

    def own_autosave_since_loaded(self):
        """This editor's newest revision stored after they loaded the page (their autosave), if any."""
        if self.for_user is None or (loaded := self.loaded_revision()) is None:
            return None
        loaded_id, loaded_at = loaded
        own = self.instance.revisions.filter(user=self.for_user, pk__gte=loaded_id).order_by("-pk")
        return next((r for r in own[:2] if r.pk > loaded_id or r.created_at.isoformat() != loaded_at), None)


def is_empty(value):
    """True for a value an editor has not filled: None, "", an empty stream, rich text with no words."""
    if value is None:
        return True
    if hasattr(value, "raw_data"):  # a StreamField value
        return len(value) == 0
    source = getattr(value, "source", value)
    return isinstance(source, str) and not strip_tags(source).strip()


@dataclass(frozen=True)
class Navigation:
    """An item of the edition's navigation: its key, its label, and its place in the row."""

    key: str
    label: str
    order: int


class ReaderPageMixin:
    """What every reader-facing page shares, and what each page type declares about itself.

    A page type says here, once, what it contributes to the rest of the site; the edition
    chrome, the documents (PDF, EPUB, open data) and the archive read these declarations
    instead of testing page classes one by one:

    - ``navigation``: its item in the edition's navigation (a ``Navigation``), or None;
    - ``nav_section``: the navigation item marked current on it when it is not an item itself;
    - ``document_kind``: which document ``reports.document`` makes of it — "entry",
      "article", "press_release" or "overview" — and so what the archive records of it;
      None for pages that only frame others.

    The page's frame (edition header, navigation, sidebar, cookie notice) is pulled by the
    base template (``{% reader_frame %}``), never assembled here: models stay free of
    presentation code.
    """

    base_form_class = ReportPageForm
    navigation = None
    nav_section = None
    document_kind = None
    description_fields = ()  # where its meta description comes from when "Search description" is empty

    @property
    def reader_description(self):
        """The page's summary for search engines and link previews: at most about 160 characters."""
        for text in (self.search_description, *(getattr(self, name, "") for name in self.description_fields)):
            plain = " ".join(html.unescape(strip_tags(str(text or ""))).split())
            if plain:
                return Truncator(plain).chars(160)
        return ""

    @property
    def current_nav_key(self):
        """Which navigation item to mark as current on this page."""
        return self.navigation.key if self.navigation else self.nav_section

    def draft_gaps(self):
        """What a saved draft still lacks before it can be submitted: one sentence per gap.

        Wagtail saves drafts with required fields empty (and empty blocks); the editor is
        told what is missing instead of finding out at submission, or never (an empty
        paragraph in a draft is otherwise saved silently).
        """
        gaps = []
        for field in type(self)._meta.get_fields():
            if field.concrete and not field.blank and field.model is not Page and not field.is_relation:
                if is_empty(getattr(self, field.attname, None)):
                    gaps.append(f"{capfirst(field.verbose_name)} is empty.")
        return gaps

    def route(self, request, path_components):
        """Wagtail's routing, minus one query per level passed through.

        Wagtail loads every page on the way down in full (``specific``) only to call its
        ``route``; pages passed through need just their class, so they are taken with
        ``specific_deferred`` and only the page being served is loaded in full.
        """
        if not path_components:
            return super().route(request, path_components)
        try:
            child = self.get_children().get(slug=path_components[0])
        except Page.DoesNotExist as error:
            raise Http404 from error
        child._cached_parent_obj = self  # as Wagtail does: the served page knows its ancestors without queries
        remaining = path_components[1:]
        return (child.specific_deferred if remaining else child.specific).route(request, remaining)

    def get_view_restrictions(self):
        """Wagtail's view restrictions of this page and its ancestors, without two queries per view.

        Few pages are ever restricted, so the paths of those that are come from the content
        cache (a restriction saved or deleted starts a new generation). When none of them is
        this page or above it, and no page on the way is an alias (read from the parents
        routing left on the page), there is nothing to check; otherwise Wagtail's own lookup runs.
        """
        node, aliased = self, bool(self.alias_of_id)
        while node.depth > 2 and not aliased:
            node = node.get_parent()
            aliased = bool(node.alias_of_id)
        if aliased or any(self.path.startswith(path) for path in restricted_paths()):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The cookie notice is shown or not depending on the reader's one cookie.
        patch_vary_headers(response, ["Cookie"])
        return response


def edition_for_parent(parent):
    """The edition a page created under ``parent`` belongs to (``parent`` may be the edition)."""
    if parent is None:
        return None
    return EditionPage.objects.ancestor_of(parent, inclusive=True).first()


class UniqueInEditionMixin:
    """Refuse a second page of this type with the same ``unique_in_edition`` value in one edition.

    Checked in the admin form (where the parent is known before the page exists) and again in
    ``clean()`` for pages saved from code, so a duplicate entry never reaches the database.
    """

    unique_in_edition = None  # name of the field that must be unique within an edition

    def unique_in_edition_message(self, value, clash, edition):
        raise NotImplementedError

    def unique_in_edition_clash(self, value, edition):
        if value is None or edition is None:
            return None
        siblings = type(self).objects.descendant_of(edition).filter(**{self.unique_in_edition: value})
        if self.pk:
            siblings = siblings.exclude(pk=self.pk)
        return siblings.first()

    def validate_unique_in_edition(self, value, edition):
        clash = self.unique_in_edition_clash(value, edition)
        if clash is not None:
            raise ValidationError({self.unique_in_edition: self.unique_in_edition_message(value, clash, edition)})

    def clean(self):
        super().clean()
        self.check_unique_in_edition()

    def minimal_clean(self):
        # Drafts saved from code get only Wagtail's minimal validation; uniqueness still applies.
        super().minimal_clean()
        self.check_unique_in_edition()

    def check_unique_in_edition(self):
        if self.path:  # pages being created in the admin are checked by the form instead
            edition = edition_for_parent(self.get_parent())
            self.validate_unique_in_edition(getattr(self, self.unique_in_edition, None), edition)


class UniqueInEditionPageForm(ReportPageForm):
    def clean(self):
        cleaned_data = super().clean()
        field = self.instance.unique_in_edition
        if field in cleaned_data:
            try:
                self.instance.validate_unique_in_edition(cleaned_data[field], edition_for_parent(self.parent_page))
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned_data


# --------------------------------------------------------------------------------------
# Home and information pages
# --------------------------------------------------------------------------------------


class HomePage(ReaderPageMixin, Page):
    """The root of one language's tree (/en/): presents the latest edition and the archive."""

    description_fields = ("intro",)

    intro = RichTextField(features=INLINE_FEATURES, blank=True, help_text="Shown above the list of editions.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["reports.EditionPage", "reports.InformationPage"]
    template = "reports/home_page.html"

    class Meta:
        verbose_name = "home page"


class InformationPage(ReaderPageMixin, Page):
    """A plain page outside the editions: cookie statement, about, contact."""

    body = StreamField(ProseBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    parent_page_types = ["reports.HomePage", "reports.InformationPage"]
    subpage_types = ["reports.InformationPage"]
    search_fields = Page.search_fields + [index.SearchField("body")]
    template = "reports/information_page.html"


# --------------------------------------------------------------------------------------
# The edition
# --------------------------------------------------------------------------------------


class EditionPage(ReaderPageMixin, Page):
    """One annual report, e.g. "Annual Report 2013", covering the events of 2012."""

    description_fields = ("summary", "subtitle")

    year = models.PositiveSmallIntegerField(
        help_text="The year of publication, e.g. 2013. The edition's address is always /<language>/<year>/."
    )
    covers_year = models.PositiveSmallIntegerField(
        blank=True, help_text="The year whose events it reports. Leave blank for the year before publication."
    )
    subtitle = models.CharField(max_length=200, default="The state of the world's human rights")
    summary = models.TextField(
        blank=True, help_text="One or two sentences describing the edition, for listings and search engines."
    )

    content_panels = Page.content_panels + [
        FieldPanel("subtitle"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("covers_year")]),
        FieldPanel("summary"),
    ]
    parent_page_types = ["reports.HomePage"]
    subpage_types = [
        "reports.ArticlePage",
        "reports.PressReleasePage",
        "reports.DownloadsPage",
        "reports.GlossaryPage",
        "reports.WorldByRegionPage",
        "reports.RegionPage",
    ]
    template = "reports/edition_page.html"

    class Meta:
        verbose_name = "edition"

    def clean(self):
        self.apply_year()
        super().clean()

    def minimal_clean(self):
        # Wagtail validates drafts saved from code only minimally; the year rules still apply.
        self.apply_year()
        super().minimal_clean()

    def apply_year(self):
        """The address is the year, the covered year defaults to the one before, one edition per year."""
        if not self.year:
            return
        self.slug = str(self.year)
        if not self.covers_year:
            self.covers_year = self.year - 1
        clash = EditionPage.objects.filter(year=self.year, locale_id=self.locale_id).exclude(pk=self.pk).first()
        if clash is not None:
            raise ValidationError({"year": f"There is already an edition for {self.year}: “{clash.title}”."})


class ArticlePage(UniqueInEditionMixin, ReaderPageMixin, Page):
    """The edition's introduction, essay or global update."""

    description_fields = ("lead",)

    class Kind(models.TextChoices):
        INTRODUCTION = "introduction", _("Introduction")
        ESSAY = "essay", pgettext_lazy("article kind", "Essay")
        GLOBAL_UPDATE = "global_update", _("Global update")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    author = models.CharField(max_length=200, blank=True, help_text="Byline, e.g. the Secretary General's name.")
    lead = models.TextField(help_text="The opening paragraph, shown on the edition home page.")
    body = StreamField(ProseBlock())

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("author")]),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["reports.EditionPage"]
    subpage_types = []
    base_form_class = UniqueInEditionPageForm
    unique_in_edition = "kind"
    template = "reports/article_page.html"

    document_kind = "article"

    class Meta:
        verbose_name = "article (introduction, essay, global update)"

    @property
    def navigation(self):
        """Each kind of article has its own item, in reading order: introduction, essay, global update."""
        return Navigation(self.kind, self.Kind(self.kind).label, 10 + 10 * self.Kind.values.index(self.kind))

    def unique_in_edition_message(self, value, clash, edition):
        label = ArticlePage.Kind(value).label.lower()
        article = "an" if label[0] in "aeiou" else "a"
        return (
            f"{edition.title} already has {article} {label} page (“{clash.title}”). "
            "An edition has one of each: edit that page instead."
        )


class PressReleasePage(ReaderPageMixin, Page):
    """The launch press release; it goes live with the edition."""

    description_fields = ("lead",)

    release_date = models.DateField(null=True, blank=True, help_text="The date printed on the release.")
    lead = models.TextField()
    body = StreamField(ProseBlock())
    media_contact = RichTextField(features=INLINE_FEATURES, blank=True, help_text="Who journalists should call.")

    content_panels = Page.content_panels + [
        FieldPanel("release_date"),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("media_contact"),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["reports.EditionPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "reports/press_release_page.html"
    navigation = Navigation("press_release", _("Press release"), 50)
    document_kind = "press_release"

    class Meta:
        verbose_name = "press release"


class DownloadsPage(ReaderPageMixin, Page):
    """ "Get your copy": the edition's files."""

    description_fields = ("intro",)

    intro = RichTextField(features=INLINE_FEATURES, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("files", heading="Files", label="File"),
    ]
    parent_page_types = ["reports.EditionPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "reports/downloads_page.html"
    navigation = Navigation("downloads", _("Downloads"), 60)

    class Meta:
        verbose_name = "downloads page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = list(self.files.select_related("document"))
        return context


class DownloadFile(Orderable):
    page = ParentalKey(DownloadsPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200, help_text="E.g. “Annual Report 2013 (PDF, English)”.")
    description = models.CharField(max_length=300, blank=True)
    language = models.CharField(max_length=20, default="en", help_text="Language code of the file's content.")

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("description"), FieldPanel("language")]


class GlossaryPage(ReaderPageMixin, Page):
    """The glossary, A–Z, from the shared glossary terms."""

    description_fields = ("intro",)

    intro = RichTextField(features=INLINE_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["reports.EditionPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "reports/glossary_page.html"
    navigation = Navigation("glossary", _("Glossary"), 70)

    class Meta:
        verbose_name = "glossary"

    def get_context(self, request, *args, **kwargs):
        from ..languages import collation_key

        context = super().get_context(request, *args, **kwargs)
        letters = {}
        for term in GlossaryTerm.in_language(self.locale_id):
            letters.setdefault(term.initial, []).append(term)
        context["letters"] = sorted(letters.items(), key=lambda item: collation_key(item[0]))
        return context


class WorldByRegionPage(ReaderPageMixin, Page):
    """Every region of the edition with its country entries."""

    description_fields = ("intro",)

    intro = RichTextField(features=INLINE_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["reports.EditionPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "reports/world_by_region_page.html"
    navigation = Navigation("world_by_region", _("World by region"), 40)

    class Meta:
        verbose_name = "world by region page"


# --------------------------------------------------------------------------------------
# Regions and country entries
# --------------------------------------------------------------------------------------


class RegionPage(UniqueInEditionMixin, ReaderPageMixin, Page):
    """A region within an edition: its overview, and its country entries as children."""

    description_fields = ("teaser",)

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="pages")
    teaser = models.TextField(help_text="Two or three sentences; the sidebar shows the start of it.")
    overview = StreamField(ProseBlock(), help_text="The regional overview.")

    content_panels = Page.content_panels + [FieldPanel("region"), FieldPanel("teaser"), FieldPanel("overview")]
    search_fields = Page.search_fields + [index.SearchField("teaser"), index.SearchField("overview")]
    parent_page_types = ["reports.EditionPage"]
    subpage_types = ["reports.CountryEntryPage"]
    base_form_class = UniqueInEditionPageForm
    unique_in_edition = "region"
    template = "reports/region_page.html"
    nav_section = "world_by_region"
    document_kind = "overview"

    class Meta:
        verbose_name = "region"

    def unique_in_edition_message(self, value, clash, edition):
        return (
            f"{edition.title} already has a page for {value} (“{clash.title}”). "
            "An edition has one page per region: edit that page instead."
        )


class CountryEntryPage(UniqueInEditionMixin, ReaderPageMixin, Page):
    """One country's entry in one edition."""

    description_fields = ("summary",)

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="entries")
    summary = RichTextField(features=PARAGRAPH_FEATURES, help_text="The overview paragraph at the top of the entry.")
    body = StreamField(
        [("section", ThemeSectionBlock())],
        help_text="One section per theme, in the order readers should see them.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("country"),
        InlinePanel("office_holders", heading="Office holders", label="Office holder"),
        InlinePanel(
            "facts",
            heading="Facts",
            label="Fact",
            help_text="The country's facts as the edition gives them (older editions printed a data box).",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("related_reports", heading="Country reports", label="Report"),
        InlinePanel("visits", heading="Country visits", label="Visit"),
        InlinePanel(
            "corrections",
            heading="Corrections",
            label="Correction",
            help_text="After publication, record each correction with its date; readers see them on the entry.",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("country"),
    ]
    parent_page_types = ["reports.RegionPage"]
    subpage_types = []
    base_form_class = UniqueInEditionPageForm
    unique_in_edition = "country"
    template = "reports/country_entry_page.html"
    nav_section = "world_by_region"
    document_kind = "entry"

    class Meta:
        verbose_name = "country entry"
        verbose_name_plural = "country entries"

    def clean(self):
        super().clean()
        self.bind_body()

    def minimal_clean(self):
        super().minimal_clean()
        self.bind_body()

    def bind_body(self):
        """Read the body's sections, so that when it is stored every block inside them gets a stream id.

        Wagtail gives each block it stores an id, kept by every later edit; but a body set from raw
        data (an import, the demo) and stored without being read passes the blocks *inside* each
        section through without one. Open data names a case by that id (``opendata.identifiers``).
        """
        for _section in self.body:
            pass

    def draft_gaps(self):
        """Required fields (see ``ReaderPageMixin``), and sections or paragraphs left without words."""
        gaps = super().draft_gaps()
        for number, section in enumerate(self.body, start=1):
            theme = section.value.get("theme")
            name = f"Section {number}" + (f" ({theme.name})" if theme else "")
            if theme is None:
                gaps.append(f"{name} has no theme.")
            items = list(section.value.get("content") or [])
            if not items:
                gaps.append(f"{name} has no text.")
            for item in items:
                text = item.value.get("text") if item.block_type == "case" else item.value
                if is_empty(text):
                    kind = "a case" if item.block_type == "case" else "a paragraph"
                    gaps.append(f"{name} has {kind} with no text: write it or remove it.")
        return gaps

    def unique_in_edition_message(self, value, clash, edition):
        return (
            f"{edition.title} already has an entry for {value} (“{clash.title}”, {clash.url_path}). "
            "There is one entry per country in an edition: edit that entry instead."
        )


class EntryRow(TranslatableMixin, Orderable):
    """A row of a country entry's data (office holder, fact, report, visit, correction).

    Rows are translatable like the entry (wagtail-localize translates their text: a visit's
    description, a report's title, a transliterated name) and always in their entry's language,
    whichever way they were made.
    """

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def save(self, *args, **kwargs):
        entry = getattr(self, "entry", None)
        if entry is not None and entry.locale_id:
            self.locale_id = entry.locale_id
        super().save(*args, **kwargs)


class OfficeHolder(EntryRow):
    """Head of state / government at the time of the entry, with who they replaced.

    When an office changed hands more than once in the year ("A, who replaced B in December,
    who replaced C in March"), each earlier holder is a row of its own marked ``former``, after
    the current holder, saying whom *they* replaced and when: every person and date of the
    chain is a record researchers can query, and each row is edited like any other.
    """

    class Office(models.TextChoices):
        HEAD_OF_STATE = "head_of_state", "Head of state"
        HEAD_OF_GOVERNMENT = "head_of_government", "Head of government"
        HEAD_OF_STATE_AND_GOVERNMENT = "head_of_state_and_government", "Head of state and government"

    entry = ParentalKey(CountryEntryPage, on_delete=models.CASCADE, related_name="office_holders")
    office = models.CharField(max_length=40, choices=Office.choices)
    name = models.CharField(max_length=200)
    replaced = models.CharField(
        max_length=200, blank=True, help_text="Who this person replaced during the year, if anyone."
    )
    replaced_on = models.DateField(
        null=True, blank=True, help_text="When they took over. Readers see the month and year only."
    )
    former = models.BooleanField(
        "held it earlier in the year",
        default=False,
        help_text="This person held the office earlier in the year and was replaced by the holder above; "
        "readers see “…, who replaced …” after the current holder.",
    )

    panels = [
        FieldRowPanel([FieldPanel("office"), FieldPanel("name"), FieldPanel("former")]),
        FieldRowPanel([FieldPanel("replaced"), FieldPanel("replaced_on")]),
    ]

    def clean(self):
        if self.replaced and not self.replaced_on:
            raise ValidationError({"replaced_on": "Give the month in which the office changed hands."})
        if self.replaced_on and not self.replaced:
            raise ValidationError({"replaced": "Name the person who was replaced, or clear the date."})

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order"]


class EntryFact(EntryRow):
    """One fact of the entry's data box: death penalty status, population, life expectancy...

    Older editions printed these for every country; researchers compare them across years, so
    each is a row with a kind from a closed list, not a line of text.
    """

    class Kind(models.TextChoices):
        DEATH_PENALTY = "death_penalty", "Death penalty"
        POPULATION = "population", "Population"
        LIFE_EXPECTANCY = "life_expectancy", "Life expectancy"
        UNDER5_MORTALITY = "under5_mortality", "Under-5 mortality"
        ADULT_LITERACY = "adult_literacy", "Adult literacy"
        INTERNATIONAL_CRIMINAL_COURT = "international_criminal_court", "International Criminal Court"
        WOMENS_CONVENTION = "womens_convention", "UN Women's Convention and its optional protocol"

    entry = ParentalKey(CountryEntryPage, on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    value = models.CharField(
        max_length=300, help_text="As the edition gives it, e.g. “abolitionist for ordinary crimes”."
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("value")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order"]


class RelatedReport(EntryRow):
    """A separate publication about the country ("Country reports" on the page)."""

    entry = ParentalKey(CountryEntryPage, on_delete=models.CASCADE, related_name="related_reports")
    title = models.CharField(max_length=400)
    index_number = models.CharField(
        max_length=40, blank=True, help_text="The organisation's document reference, e.g. EUR 57/002/2011."
    )
    link_url = models.URLField("Link", blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldPanel("title"), FieldPanel("index_number"), FieldPanel("link_url"), FieldPanel("document")]

    def clean(self):
        if not self.link_url and not self.document_id and not self.index_number:
            raise ValidationError("Give a link, choose a document or give the report's index number.")

    @property
    def url(self):
        return self.document.url if self.document_id else self.link_url

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order"]


class CountryVisit(EntryRow):
    """A research visit to the country during the year ("Country visits" on the page)."""

    entry = ParentalKey(CountryEntryPage, on_delete=models.CASCADE, related_name="visits")
    description = models.CharField(max_length=400, help_text="E.g. “Delegates visited Kazakhstan in December.”")
    visited_on = models.DateField(
        null=True, blank=True, help_text="Start of the visit, for the data; readers see the description."
    )

    panels = [FieldPanel("description"), FieldPanel("visited_on")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order"]


class Correction(EntryRow):
    """A dated correction to a published entry, shown to readers."""

    entry = ParentalKey(CountryEntryPage, on_delete=models.CASCADE, related_name="corrections")
    corrected_on = models.DateField()
    text = models.TextField(
        help_text="What was corrected, e.g. “An earlier version gave the wrong date of the verdict.”"
    )

    panels = [FieldPanel("corrected_on"), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["corrected_on", "sort_order"]


__all__ = [
    "Navigation",
    "HomePage",
    "InformationPage",
    "EditionPage",
    "ArticlePage",
    "PressReleasePage",
    "DownloadsPage",
    "DownloadFile",
    "GlossaryPage",
    "WorldByRegionPage",
    "RegionPage",
    "CountryEntryPage",
    "OfficeHolder",
    "EntryFact",
    "RelatedReport",
    "CountryVisit",
    "Correction",
]
