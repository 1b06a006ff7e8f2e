"""The reader addresses of countries, themes and people, and the addresses they had before.

A country hub (``/en/countries/kazakhstan/``), a theme page and a person page are found by slug.
Once readers can see one, its address is cited in articles, court filings and other reports;
changing the slug must not break those links. So a slug of something readers can see changes
only when the person changing it (a publisher: only they may change this vocabulary) approves
moving the address, and every slug it had before is kept, so the old address leads to the new
one (``archive.views``) — but only while readers may see it there, so an old address never
tells anyone about a new one that is still hidden.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.urls import reverse
from wagtail.admin.forms import WagtailAdminModelForm

from ..visibility import used_on_visible_page


class FormerSlugQuerySet(models.QuerySet):
    def of(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))

    def holder(self, rows, slug):
        """The row of ``rows`` (a manager or queryset) that had ``slug`` before, or None."""
        former = self.of(rows.model).filter(slug=slug).first()
        return rows.filter(pk=former.object_id).first() if former else None


class FormerSlug(models.Model):
    """A slug a country, theme or person had before: its old address leads to the current one."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    slug = models.SlugField(max_length=200)
    replaced_at = models.DateTimeField(auto_now=True)

    objects = FormerSlugQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_type", "slug"], name="one_holder_per_former_slug")]

    def __str__(self):
        return f"{self.content_type.model} {self.slug}"


class KeepsFormerSlugs(models.Model):
    """A vocabulary item with a reader address: every slug it gives up is remembered.

    In ``save`` rather than in the admin form, so that a rename from an import or the shell
    keeps old addresses working too. Subclasses name their reader URL in ``reader_url_name``.
    """

    reader_url_name = None

    class Meta:
        abstract = True

    def stored_slug(self):
        if self.pk is None:
            return None
        return type(self).objects.filter(pk=self.pk).values_list("slug", flat=True).first()

    def reader_url(self, slug=None):
        return reverse(self.reader_url_name, kwargs={"slug": slug or self.slug})

    def save(self, *args, **kwargs):
        with transaction.atomic():
            before = self.stored_slug()
            super().save(*args, **kwargs)
            if before and before != self.slug:
                former = FormerSlug.objects.of(type(self))
                former.filter(slug=self.slug).delete()  # a current slug is never also a former one
                former.update_or_create(
                    slug=before,
                    defaults={"content_type": ContentType.objects.get_for_model(self), "object_id": self.pk},
                )


class AddressChangeForm(WagtailAdminModelForm):
    """The admin form of a vocabulary item with a reader address: moving that address needs a tick."""

    approve_new_address = forms.BooleanField(
        required=False,
        label="Move the reader address",
        help_text="Needed only when you change the slug of something readers can already see: its old "
        "address will then lead to the new one.",
    )

    def _post_clean(self):
        super()._post_clean()  # the model's own clean() has filled a blank slug by now
        instance, before = self.instance, self.instance.stored_slug()
        if not before or before == instance.slug or self.cleaned_data.get("approve_new_address"):
            return
        if used_on_visible_page(instance):
            noun = instance._meta.verbose_name
            self.add_error(
                "slug",
                f"Readers know this {noun} at {instance.reader_url(before)}. To change it, tick “Move the "
                f"reader address”: that address will then lead to {instance.reader_url()}.",
            )
