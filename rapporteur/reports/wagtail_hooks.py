"""Admin registration: the shared vocabularies under one "Report vocabulary" menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Country, GlossaryTerm, Person, Region, Theme


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "globe"
    list_display = ["name", "slug", "sort_order"]


class CountryViewSet(SnippetViewSet):
    model = Country
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
    icon = "user"
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
