"""Embargoed launch: an edition stays invisible until one instant, then goes live at once.

There is one gate: the edition page. Readers never see a page under an unpublished page
(``reports.visibility``), so while the edition page is not live, everything inside it is
invisible — and pages inside it are reviewed, approved and published as usual meanwhile,
published but unseen. The launch time is nothing but the go-live time of the edition page
itself: Wagtail's own scheduled publishing (the page's "Go-live date/time", which the
Editions dashboard sets). At that instant the scheduler publishes that one page — one
short transaction, no lock held while anything waits — and readers see the whole edition
at once. The archive's records, the files and the caches follow after the commit.

The scheduler (``run_scheduler``, every second) does Wagtail's scheduled publishing and
expiry here (``publish_due``) rather than through Wagtail's ``publish_scheduled`` command,
which stops at the first revision that fails to publish: one broken page would hold back
every later one, a launch included. Here each revision is published on its own; a failure
is logged (for an edition, as a failed launch the dashboard shows) and retried later.
"""

import logging
import time

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, Revision

from rapporteur.reports.models import EditionPage
from rapporteur.reports.visibility import reader_visible

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


class LaunchError(RuntimeError):
    pass


def scheduled_launch(edition):
    """The edition page's revision approved to go live later (Wagtail's scheduled publishing), if any."""
    return edition.revisions.filter(approved_go_live_at__isnull=False).order_by("-created_at", "-id").first()


def launch_time(edition):
    revision = scheduled_launch(edition)
    return revision.approved_go_live_at if revision else None


def schedule_launch(edition, launch_at, user=None):
    """Set (or move) the launch: the edition page's latest version is approved to go live at ``launch_at``."""
    edition = EditionPage.objects.get(pk=edition.pk)
    revision = edition.get_latest_revision()
    page = revision.as_object() if revision else edition
    page.go_live_at = launch_at
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user, skip_permission_checks=True, log_action=True)
    return revision


def visible_pages(edition):
    return reader_visible(Page.objects.descendant_of(edition, inclusive=True)).count()


def record_launch(edition, user=None):
    """Audit a launch; returns how many of the edition's pages readers can now see."""
    pages = visible_pages(edition)
    log(instance=edition, action="rapporteur.launch", user=user, data={"pages": pages})
    logger.warning("Launched %s: %d pages went live", edition.title, pages)
    return pages


def record_failure(edition, error, user=None):
    log(instance=edition, action="rapporteur.launch_failed", user=user, data={"reason": str(error)})
    logger.error("Launch of %s failed; nothing was published: %s", edition.title, error)


@transaction.atomic
def publish_now(revision, user=None, log_action=True):
    """Publish a revision at once, even if it was approved for a later time; all or nothing.

    Wagtail clears the revisions' go-live times before it saves the page, so without the
    transaction a page that fails to save would lose its schedule (and a launch its time).
    """
    if isinstance(revision.content, dict) and revision.content.get("go_live_at"):
        revision.content["go_live_at"] = None
        revision.save(update_fields=["content"])
    revision.publish(user=user, skip_permission_checks=True, log_action=log_action)


def launch_edition(edition, user=None):
    """Launch now ("Launch now" on the dashboard): publish the edition page, so everything approved in it shows.

    Returns the number of the edition's pages readers can now see, or 0 if it was already
    live. On failure nothing is published, the reason is logged, and ``LaunchError`` is raised.
    """
    edition = EditionPage.objects.get(pk=edition.pk)
    if edition.live:
        return 0
    revision = scheduled_launch(edition) or edition.get_latest_revision()
    try:
        publish_now(revision or edition.save_revision(user=user), user)
    except Exception as error:
        error = LaunchError(f"“{edition.title}” could not be published: {error}")
        record_failure(edition, error, user)
        raise error from None
    return record_launch(edition, user)


def last_failure(edition):
    """The latest failed launch of the edition since it was last scheduled or published, if any."""
    latest = (
        PageLogEntry.objects.filter(
            page=edition,
            action__in=[
                "rapporteur.launch_failed",
                "wagtail.publish.schedule",
                "wagtail.publish",
                "wagtail.publish.scheduled",
            ],
        )
        .order_by("-timestamp", "-id")
        .first()
    )
    return latest if latest is not None and latest.action == "rapporteur.launch_failed" else None


def last_launch(edition):
    """The audit entry of the edition's launch, if it was launched (rather than simply published)."""
    return (
        PageLogEntry.objects.filter(page=edition, action="rapporteur.launch")
        .select_related("user")
        .order_by("-timestamp", "-id")
        .first()
    )


# -- the scheduler's work --------------------------------------------------------------------

_failed_at = {}  # revision id -> monotonic time of its last failure in this process


def publish_due(now=None):
    """Publish every revision whose go-live time has come and unpublish expired pages, each on its own.

    Returns the editions that launched. A revision that fails is retried after
    ``RETRY_AFTER_SECONDS``; it holds nothing else back.
    """
    now = now or timezone.now()
    for page in Page.objects.filter(live=True, expire_at__lte=now).specific():
        try:
            page.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
        except Exception:
            logger.exception("Could not unpublish expired page %s", page.url_path)
    launched = []
    for revision in Revision.page_revisions.filter(approved_go_live_at__lte=now).order_by("approved_go_live_at", "id"):
        failed = _failed_at.get(revision.pk)
        if failed is not None and time.monotonic() - failed < RETRY_AFTER_SECONDS:
            continue
        page = revision.content_object
        is_edition = isinstance(page, EditionPage)
        try:
            if not publish_if_still_due(revision, now):
                continue  # another scheduler got there first
        except Exception as error:
            _failed_at[revision.pk] = time.monotonic()
            if is_edition:
                record_failure(page, LaunchError(f"“{page.title}” could not be published: {error}"))
            else:
                logger.exception("Scheduled publishing of %s failed; trying again later", revision)
            continue
        _failed_at.pop(revision.pk, None)
        if is_edition:
            record_launch(page)
            launched.append(page)
    return launched


@transaction.atomic
def publish_if_still_due(revision, now):
    """Publish a due revision unless someone else (another scheduler) already has.

    The check and the publication share one write transaction, so two schedulers never
    publish the same revision twice. Published now, by our clock, whatever go-live time
    the revision's own content carries.
    """
    if not Revision.objects.select_for_update().filter(pk=revision.pk, approved_go_live_at__lte=now).exists():
        return False
    publish_now(revision, log_action="wagtail.publish.scheduled")
    return True
