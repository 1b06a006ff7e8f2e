"""Whether an edition's launch is close: long background work (typesetting, mirrors, imports) yields to it.

In the core because the jobs that must yield (publishing, importers) cannot depend on the
editorial app, which holds the scheduler and the embargo.
"""

from django.utils import timezone
from wagtail.models import Revision

from .models import EditionPage


def launch_due_within(seconds):
    """Whether an edition launches within ``seconds`` (so the scheduler starts no long job now)."""
    horizon = timezone.now() + timezone.timedelta(seconds=seconds)
    edition_ids = [str(pk) for pk in EditionPage.objects.filter(live=False).values_list("pk", flat=True)]
    return Revision.page_revisions.filter(object_id__in=edition_ids, approved_go_live_at__lte=horizon).exists()
