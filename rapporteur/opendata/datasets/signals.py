"""Asking for new dataset files whenever published content changes (the scheduler builds them)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .build import request_datasets


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def published_content_changed(sender, instance, **kwargs):
    request_datasets()


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    request_datasets()
