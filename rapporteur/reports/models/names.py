"""Names of shared vocabulary in the other languages: one theme, one person, whatever the language.

A theme or a person is one row for every language, so "every torture section since 2011" or
"every mention of this prisoner" stays one query across English, French and Arabic pages, and
the open data keeps one identifier. Only the *name* differs by language: a theme's heading in
French, a person's name transliterated into Arabic script. Those live in ``names``
({language code: name}); the source-language name stays the row's ``name``.

We chose this over Wagtail's translatable snippets (one row per language, joined by a
translation key): with those, every section and case of every translated entry would point at
a different row than its English original, so theme pages, people pages, search facets and
datasets would each need to fold the language copies back together.
"""

from django import forms
from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def other_languages():
    """(code, name) of the served languages other than the source language, as settings say."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class NamedInLanguages(models.Model):
    """A vocabulary row with its name in other languages; ``name_in(code)`` falls back to ``name``."""

    names = models.JSONField(
        default=dict,
        blank=True,
        help_text="The name in other languages, by language code; empty means the same as the name.",
    )

    class Meta:
        abstract = True

    def name_in(self, language):
        if not language or language == settings.LANGUAGE_CODE:
            return self.name
        return (self.names or {}).get(language) or self.name


def name_field(code):
    return f"name_{code}"


def names_panel():
    """The admin panel of the names in the other served languages (none when only one is served)."""
    fields = [FieldPanel(name_field(code)) for code, _ in other_languages()]
    return [MultiFieldPanel(fields, heading="Names in other languages")] if fields else []


def with_names_in_languages(form_class):
    """``form_class`` with one optional field per other served language, kept in ``names``.

    The languages come from settings, so the fields are made once, when the admin loads.
    """

    def __init__(self, *args, **kwargs):
        form_class.__init__(self, *args, **kwargs)
        for code, _ in other_languages():
            self.fields[name_field(code)].initial = (self.instance.names or {}).get(code, "")

    def _post_clean(self):
        names = dict(self.instance.names or {})
        for code, _ in other_languages():
            value = (self.cleaned_data.get(name_field(code)) or "").strip()
            if value:
                names[code] = value
            else:
                names.pop(code, None)
        self.instance.names = names
        form_class._post_clean(self)

    fields = {
        name_field(code): forms.CharField(
            label=f"Name in {language}", required=False, max_length=200, help_text="Leave empty to use the name."
        )
        for code, language in other_languages()
    }
    return type(
        f"{form_class.__name__}WithNames", (form_class,), {**fields, "__init__": __init__, "_post_clean": _post_clean}
    )
