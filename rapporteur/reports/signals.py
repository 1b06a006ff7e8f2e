"""Start a new content generation whenever something readers can see may have changed.

One receiver for all of it, cheap enough never to slow a save. The generation is renewed
at once (so the change is visible inside the saving transaction, e.g. to a preview or a
test) and again after commit, so that a reader who rebuilt the cache from the old state
while the transaction was open cannot keep it.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents.models import Document
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import new_generation
from .models import Country, GlossaryTerm, OrganisationSettings, Person, Region, SocialLink, Theme

READER_VISIBLE_MODELS = (
    Page,
    PageViewRestriction,
    Site,
    Locale,
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
    new_generation()
    transaction.on_commit(new_generation)


@receiver(post_save)
@receiver(post_delete)
def model_changed(sender, instance, **kwargs):
    if isinstance(instance, READER_VISIBLE_MODELS):
        content_changed()


page_published.connect(content_changed, dispatch_uid="reports-published")
page_unpublished.connect(content_changed, dispatch_uid="reports-unpublished")
post_page_move.connect(content_changed, dispatch_uid="reports-moved")
