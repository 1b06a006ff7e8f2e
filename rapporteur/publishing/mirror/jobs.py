"""Rebuilding mirrors after publishing, in the scheduler's background turn.

Any publish, unpublish or move inside an edition (its launch included) asks for its mirror
again. The scheduler builds one mirror per pass, only once the edition's PDF and EPUB are up
to date (the mirror carries them), and — like every background job — only when no launch is
due within the minute: a mirror build never delays an embargoed launch. A mirror that fails is
reported on the Editions dashboard and not retried every second; the previous one stays.
"""

import logging

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from rapporteur.reports.launches import launch_due_within

from ..builds import after_commit_for_editions_of, failure_reason
from ..models import BuildFailure, BuildRequest, MirrorRequest
from .build import MirrorUnavailable, build_mirror, remove_mirror
from .package import zip_name
from .render import MirrorPostponed

logger = logging.getLogger(__name__)

# A mirror takes half a minute or more: one under way stops when a launch comes this close (the
# scheduler starts none within the minute before a launch, but a launch can be set meanwhile).
LAUNCH_MARGIN = 10


def request_mirror(edition_id):
    MirrorRequest.objects.update_or_create(edition_id=edition_id)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def content_changed(sender, instance, **kwargs):
    after_commit_for_editions_of(instance, request_mirror)


def build_requested_mirrors():
    """Build the oldest requested mirror whose files are ready; lines for the scheduler's output."""
    waiting_files = set(BuildRequest.objects.values_list("edition__year", flat=True))
    for request in MirrorRequest.objects.select_related("edition").order_by("requested_at"):
        year, requested_at = request.edition.year, request.requested_at
        if year in waiting_files:
            continue
        try:
            report = build_mirror(year, keep_going=lambda: not launch_due_within(seconds=LAUNCH_MARGIN))
        except MirrorPostponed:
            return [f"Mirror of {year} postponed: a launch is due; it is made again after."]
        except MirrorUnavailable:
            remove_mirror(year)  # withdrawn, or not launched: no mirror may remain
            line = f"Removed the mirror of {year}: no edition of that year is published."
        except Exception as error:  # noqa: BLE001 — reported on the dashboard; the scheduler goes on
            logger.exception("The mirror of %s could not be built", year)
            BuildFailure.objects.update_or_create(
                edition=request.edition, name=zip_name(year), defaults={"reason": failure_reason(error)}
            )
            line = f"The mirror of {year} failed: {failure_reason(error)}"
        else:
            BuildFailure.objects.filter(edition__year=year, name=zip_name(year)).delete()
            line = f"Mirror of {year}: {len(report.written)} files written, {len(report.removed)} removed."
        # every request for that year is served; one made while building asks again
        MirrorRequest.objects.filter(edition__year=year, requested_at__lte=requested_at).delete()
        return [line]
    return []
