"""Admin registration (the shared vocabularies under one "Report vocabulary" menu), and what readers
may be served: pages under unpublished pages never, documents only when a visible page uses them."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.utils import translation
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .languages import locale_ids
from .links import ReaderPageLinkHandler
from .models import Country, GlossaryTerm, Person, Region, Theme
from .models.names import names_panel
from .visibility import under_unpublished_page, used_on_visible_page


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "globe"
    list_display = ["name", "slug", "sort_order"]


# --- Adding a country or a person from the picker, without leaving the entry being written ---


def fills_slug_from(target_id):
    """Wagtail's own title→slug behaviour (its ``w-sync`` and ``w-slug`` controllers) for a plain form field."""
    return forms.TextInput(
        attrs={
            "data-controller": "w-sync",
            "data-action": "focus->w-sync#check blur->w-sync#apply change->w-sync#apply keyup->w-sync#apply",
            "data-w-sync-target-value": f"#{target_id}",
        }
    )


class NewPersonForm(forms.ModelForm):
    """The "Add a person" tab of the person picker. Prefixed, so its fields never clash with the page form's."""

    prefix = "new-person"

    class Meta:
        model = Person
        fields = ["name", "slug", "status", "country", "description"]
        widgets = {"name": fills_slug_from("id_new-person-slug"), "slug": SlugInput()}


class NewCountryForm(forms.ModelForm):
    """The "Add a country" tab of the country picker: the ISO code is enough, the name follows from it."""

    prefix = "new-country"

    class Meta:
        model = Country
        fields = ["iso_code", "name", "default_region"]


class PersonChooserViewSet(SnippetChooserViewSet):
    creation_form_class = NewPersonForm
    create_action_label = "Add this person"
    creation_tab_label = "Add a person"


class CountryChooserViewSet(SnippetChooserViewSet):
    creation_form_class = NewCountryForm
    create_action_label = "Add this country"
    creation_tab_label = "Add a country"


class CountryViewSet(SnippetViewSet):
    model = Country
    chooser_viewset_class = CountryChooserViewSet
    icon = "flag"
    list_display = ["name", "iso_code", "default_region"]
    list_filter = ["default_region"]
    search_fields = ["name", "iso_code"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]


class PersonViewSet(SnippetViewSet):
    model = Person
    chooser_viewset_class = PersonChooserViewSet
    icon = "user"
    panels = [
        TitleFieldPanel("name", targets=["slug"], placeholder=None),
        *names_panel(),
        FieldPanel("slug", widget=SlugInput()),
        FieldPanel("approve_new_address"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("country")], heading="Identification"),
        FieldPanel("description"),
    ]
    list_display = ["name", "status", "country"]
    list_filter = ["status"]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    list_display = ["term", "slug"]


class ReportVocabularyGroup(SnippetViewSetGroup):
    menu_label = "Report vocabulary"
    menu_icon = "list-ul"
    menu_order = 250
    items = (RegionViewSet, CountryViewSet, ThemeViewSet, PersonViewSet, GlossaryTermViewSet)


register_snippet(ReportVocabularyGroup)


SUBMITTING = ("action-publish", "action-submit", "action-workflow-action", "action-restart-workflow")


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def say_what_a_saved_draft_still_lacks(request, page):
    """After "Save draft" (not autosave, not submit or publish), list what submission will need."""
    if not request.accepts("text/html") or any(request.POST.get(action) for action in SUBMITTING):
        return
    specific = page.specific
    gaps = specific.draft_gaps() if hasattr(specific, "draft_gaps") else []
    if gaps:
        messages.warning(request, "Saved as a draft. Before it can be submitted for review: " + " ".join(gaps))


@hooks.register("before_serve_document")
def serve_only_documents_readers_can_see(document, request):
    """A document is downloadable by a reader only if a page the reader can see uses it.

    Files attached to a draft, an embargoed edition or a private page stay private even if
    someone guesses their address. Signed-in staff (past two-factor) can fetch any document.
    """
    if request.user.is_authenticated and request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if not used_on_visible_page(document):
        raise Http404("No such document.")
    return None


@hooks.register("before_serve_page", order=-100)
def hide_pages_under_unpublished_pages(page, request, serve_args, serve_kwargs):
    """Wagtail serves a live page even if a page above it is not; readers must not see it.

    An unpublished (or not yet launched) edition or region hides everything inside it: the
    address answers exactly like one that does not exist. Runs before Wagtail's own view
    restriction check, so a private page inside a hidden edition does not even ask for a login.
    """
    if under_unpublished_page(page):
        raise Http404


@hooks.register("before_serve_page", order=-90)
def only_pages_in_the_readers_language(page, request, serve_args, serve_kwargs):
    """/fr/… serves French pages only.

    Without a French home page, Wagtail routes /fr/ through the English tree; the reader would
    get English pages marked as French. The address answers 404 instead, and the 404 page
    offers the original (``languages.original_of_missing``).
    """
    if page.locale_id and page.locale_id != locale_ids().get(translation.get_language()):
        raise Http404


@hooks.register("register_rich_text_features", order=10)  # after Wagtail's own page link type
def link_only_to_visible_pages(features):
    features.register_link_type(ReaderPageLinkHandler)
