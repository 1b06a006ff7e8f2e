"""Asking for new dataset files whenever published content changes (the scheduler builds them)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .build import request_datasets
from .sources import VOCABULARY_MODELS


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def published_content_changed(sender, instance, **kwargs):
    request_datasets()


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    request_datasets()


def vocabulary_changed(sender, **kwargs):
    """A region, country, theme or person renamed: the rows name them (``sources.VOCABULARY_MODELS``)."""
    request_datasets()


for model in VOCABULARY_MODELS:
    post_save.connect(vocabulary_changed, sender=model, dispatch_uid=f"datasets-{model.__name__}-saved")
    post_delete.connect(vocabulary_changed, sender=model, dispatch_uid=f"datasets-{model.__name__}-deleted")
