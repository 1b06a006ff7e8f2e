"""Start a new content generation whenever something readers can see may have changed.

One receiver for all of it, deferred to commit so a reader never caches the old state
after the new one is visible, and cheap enough never to slow a save.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents.models import Document
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import new_generation
from .models import Country, GlossaryTerm, OrganisationSettings, Person, Region, SocialLink, Theme

READER_VISIBLE_MODELS = (
    Page,
    PageViewRestriction,
    Site,
    Document,
    Region,
    Country,
    Theme,
    Person,
    GlossaryTerm,
    OrganisationSettings,
    SocialLink,
)


def content_changed(**kwargs):
    transaction.on_commit(new_generation)


@receiver(post_save)
@receiver(post_delete)
def model_changed(sender, instance, **kwargs):
    if isinstance(instance, READER_VISIBLE_MODELS):
        content_changed()


page_published.connect(content_changed, dispatch_uid="reports-published")
page_unpublished.connect(content_changed, dispatch_uid="reports-unpublished")
post_page_move.connect(content_changed, dispatch_uid="reports-moved")
