"""Vocabularies shared by every edition, so that years connect.

Regions, countries, themes and people are identified independently of language and year:
a data user can follow ``KZ`` or the theme ``torture-and-other-ill-treatment`` across
thirty editions without matching strings.
"""

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from .addresses import AddressChangeForm, KeepsFormerSlugs
from .names import NamedInLanguages, names_panel, with_names_in_languages
from .richtext import INLINE_FEATURES


class Region(index.Indexed, models.Model):
    """One of the report's world regions (Africa, Americas, ...)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, help_text="Used in URLs, e.g. europe-and-central-asia.")
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Regions are listed in this order.")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


# Codes ISO 3166 leaves to users that reports need: Kosovo's "XK" is used by the EU, the IMF and
# most data publishers, and reports have covered Kosovo separately for years.
USER_ASSIGNED_CODES = {"XK": "Kosovo"}


def validate_iso_code(value):
    if value.upper() in USER_ASSIGNED_CODES:
        return
    if pycountry.countries.get(alpha_2=value.upper()) is None:
        raise ValidationError(f"“{value}” is not an ISO 3166-1 alpha-2 country code.")


class Country(index.Indexed, KeepsFormerSlugs):
    """A country or territory, keyed by its ISO 3166-1 alpha-2 code."""

    reader_url_name = "archive_country"
    base_form_class = AddressChangeForm

    iso_code = models.CharField(
        "ISO code",
        max_length=2,
        unique=True,
        validators=[validate_iso_code],
        help_text="ISO 3166-1 alpha-2 code, e.g. KZ.",
    )
    name = models.CharField(max_length=120, blank=True, help_text="Leave blank to use the ISO name.")
    slug = models.SlugField(max_length=120, unique=True, blank=True, help_text="Leave blank to derive from the name.")
    default_region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    panels = [
        FieldPanel("iso_code"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("approve_new_address"),
        FieldPanel("default_region"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("iso_code")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name

    @property
    def alpha_3(self):
        record = pycountry.countries.get(alpha_2=self.iso_code)
        return record.alpha_3 if record else ""

    def clean(self):
        self.iso_code = (self.iso_code or "").upper()
        record = pycountry.countries.get(alpha_2=self.iso_code)
        if record is None and self.iso_code not in USER_ASSIGNED_CODES:
            return  # the field validator reports the bad code
        if not self.name:
            self.name = USER_ASSIGNED_CODES.get(self.iso_code) or getattr(record, "common_name", None) or record.name
        if not self.slug:
            self.slug = slugify(self.name)

    def save(self, *args, **kwargs):
        self.clean()
        super().save(*args, **kwargs)


class Theme(index.Indexed, NamedInLanguages, KeepsFormerSlugs):
    """A controlled section heading: "Torture and other ill-treatment", "Unfair trials", ...

    A country entry's sections each name a theme, so "every torture section of 2013" is a
    query rather than a text search.
    """

    reader_url_name = "archive_theme"
    base_form_class = with_names_in_languages(AddressChangeForm)

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=150, unique=True)
    description = models.TextField(blank=True, help_text="What belongs under this theme, for researchers.")

    panels = [
        FieldPanel("name"),
        *names_panel(),
        FieldPanel("slug"),
        FieldPanel("approve_new_address"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Person(index.Indexed, NamedInLanguages, KeepsFormerSlugs):
    """A named individual in case stories, so that a case can be followed across years."""

    reader_url_name = "archive_person"
    base_form_class = with_names_in_languages(AddressChangeForm)

    class Status(models.TextChoices):
        PRISONER_OF_CONSCIENCE = "prisoner_of_conscience", "Prisoner of conscience"
        HUMAN_RIGHTS_DEFENDER = "human_rights_defender", "Human rights defender"
        JOURNALIST = "journalist", "Journalist"
        ACTIVIST = "activist", "Activist"
        LAWYER = "lawyer", "Lawyer"
        ASYLUM_SEEKER = "asylum_seeker", "Asylum-seeker or refugee"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        blank=True,
        help_text="Used in the person's address. Filled from the name if left empty.",
    )
    status = models.CharField(max_length=40, choices=Status.choices, default=Status.OTHER)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="people")
    description = models.TextField(blank=True, help_text="One or two sentences to identify the person.")

    # its admin form (name filling the slug as you type) is declared with its viewset in wagtail_hooks
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def clean(self):
        if not self.slug:
            self.slug = unique_slug(Person, self.name, exclude_pk=self.pk)

    def save(self, *args, **kwargs):
        self.clean()
        super().save(*args, **kwargs)


def unique_slug(model, text, exclude_pk=None):
    """A slug made from ``text``, with "-2", "-3"... added when another row already has it.

    Two people may share a name; an editor adding the second from a picker should not have
    to invent an address for them.
    """
    base = slugify(text)[:190] or model._meta.model_name
    taken = set(model.objects.exclude(pk=exclude_pk).filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """A term explained in every edition's glossary, in each language it has been translated into.

    Unlike themes and people (one row for every language, see ``names``), a glossary term is
    only ever read as words on a page, so it is a translatable snippet in Wagtail's own way: one
    row per language sharing a translation key, translated with wagtail-localize like a page.
    ``in_language`` gives a language's glossary, the original standing in for a missing term.
    """

    term = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150)
    definition = RichTextField(features=INLINE_FEATURES)

    panels = [FieldPanel("term"), FieldPanel("slug"), FieldPanel("definition")]
    search_fields = [index.SearchField("term"), index.SearchField("definition"), index.AutocompleteField("term")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["term"]
        unique_together = [("translation_key", "locale"), ("term", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.term

    @classmethod
    def in_language(cls, locale_id):
        """The glossary of one language: each term in it where translated, else the original."""
        from ..languages import collation_key, locale_ids

        source_id = locale_ids().get(settings.LANGUAGE_CODE)
        terms = {}
        for term in cls.objects.filter(locale_id__in={source_id, locale_id}):
            if term.locale_id == locale_id or term.translation_key not in terms:
                terms[term.translation_key] = term
        return sorted(terms.values(), key=lambda term: collation_key(term.term))

    @property
    def initial(self):
        """The A–Z letter this term is filed under (non-letters under "#")."""
        first = self.term[:1].upper()
        return first if first.isalpha() else "#"
