"""Embargoed launch: an edition stays invisible until one instant, then goes live at once.

Three rules make it work:

1. *Approved content waits.* Every revision saved for a page inside an edition whose launch
   is still pending carries the launch time as its go-live time, so Wagtail's own
   publishing (a publisher's "Publish", a workflow's final approval) schedules it instead
   of making it live.
2. *The edition is the gate.* The edition page itself is not live before launch, and
   readers never see a page under an unpublished ancestor (``reports.visibility``).
3. *Launch is one transaction.* ``launch_edition`` publishes the edition page and every
   approved page inside it together; if any of them fails, none goes live and the
   failure is recorded for the team.

``run_scheduler`` calls ``launch_due_editions`` every second. It starts a launch a few
seconds early (``RAPPORTEUR_LAUNCH_LEAD_SECONDS``; 10 on SQLite, 30 on PostgreSQL by
default): it publishes everything
inside the transaction, waits for the launch instant, then commits — so readers see the
whole edition at the instant itself, however many pages it has. (On SQLite, other saves
wait during those seconds; readers are never blocked.) It also does Wagtail's ordinary
scheduled publishing and expiry — except inside editions still under embargo, which only
a launch may publish.
"""

import datetime
import logging
import time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.log_actions import log
from wagtail.models import Page, Revision

from rapporteur.reports.models import EditionPage
from rapporteur.reports.visibility import ancestor_paths

from .models import EditionLaunch

logger = logging.getLogger(__name__)


def pending_launch_for_path(path):
    """The pending launch of the edition containing the page at ``path`` (or being it), if any."""
    return (
        EditionLaunch.objects.filter(launched_at__isnull=True, edition__path__in=ancestor_paths(path))
        .select_related("edition")
        .first()
    )


def embargoed_edition_paths():
    return list(EditionLaunch.objects.filter(launched_at__isnull=True).values_list("edition__path", flat=True))


# -- rule 1: approved content waits ----------------------------------------------------------


@receiver(pre_save, sender=Revision)
def hold_revision_for_launch(sender, instance, raw=False, **kwargs):
    """Stamp the launch time as go-live time on new revisions of embargoed pages."""
    if raw or instance.pk or instance.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return
    page = Page.objects.filter(pk=instance.object_id).only("path").first()
    if page is None:
        return
    launch = pending_launch_for_path(page.path)
    if launch is None:
        return
    current = instance.content.get("go_live_at")
    if isinstance(current, str):
        current = parse_datetime(current)
    if current is None or current < launch.launch_at:
        instance.content["go_live_at"] = launch.launch_at.isoformat()


@receiver(post_save, sender=EditionLaunch)
def launch_time_changed(sender, instance, raw=False, **kwargs):
    """Move already-approved revisions to the new launch time, so none goes live at the old one."""
    if raw or not instance.is_pending:
        return
    pages = Page.objects.filter(path__startswith=instance.edition.path)
    Revision.page_revisions.filter(object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)]).filter(
        approved_go_live_at__isnull=False
    ).update(approved_go_live_at=instance.launch_at)


# -- rule 3: launch is one transaction ----------------------------------------------------------


class LaunchError(RuntimeError):
    pass


def revision_to_launch(page):
    """The revision that goes live at launch: the approved (scheduled) one, if any."""
    return page.revisions.filter(approved_go_live_at__isnull=False).order_by("-created_at", "-id").first()


def publish_now(revision, user):
    """Publish a revision immediately, even if it was stamped with a later go-live time."""
    if isinstance(revision.content, dict) and revision.content.get("go_live_at"):
        revision.content["go_live_at"] = None
        revision.save(update_fields=["content"])
    revision.publish(user=user, skip_permission_checks=True, log_action=True)


def wait_until(instant):
    delay = (instant - timezone.now()).total_seconds()
    if delay > 0:
        time.sleep(delay)


def launch_edition(launch, user=None, commit_at=None):
    """Publish the edition page and every approved page in it, all or nothing.

    With ``commit_at``, the work is done first and committed at that instant, so that
    everything becomes visible exactly then. Returns the number of pages that went live.
    On failure nothing is published, the reason is stored on the launch and logged, and
    ``LaunchError`` is raised.
    """
    edition = launch.edition
    try:
        with transaction.atomic():
            launch = EditionLaunch.objects.select_for_update().get(pk=launch.pk)
            if not launch.is_pending:
                return 0
            prepared_from = timezone.now()
            published = []
            for page in Page.objects.filter(path__startswith=edition.path).order_by("path"):
                revision = revision_to_launch(page)
                if revision is None and page.pk == edition.pk and not page.live:
                    revision = page.get_latest_revision()  # launching is the publisher's approval of the edition itself
                if revision is None:
                    continue
                try:
                    publish_now(revision, user)
                except Exception as error:
                    raise LaunchError(f"“{page.title}” ({page.url_path}) could not be published: {error}") from error
                published.append(page.pk)
            if commit_at is not None:
                wait_until(commit_at)
            launched_at = timezone.now()
            # The pages were published a moment ago; they went public now.
            launched = Page.objects.filter(pk__in=published)
            launched.filter(first_published_at__gte=prepared_from).update(first_published_at=launched_at)
            launched.update(last_published_at=launched_at)
            launch.launched_at = launch.last_attempt_at = launched_at
            launch.launched_by = user
            launch.last_failure = ""
            launch.save()
            log(instance=edition, action="rapporteur.launch", user=user, data={"pages": len(published)})
        logger.warning("Launched %s: %d pages went live", edition.title, len(published))
        return len(published)
    except LaunchError as error:
        EditionLaunch.objects.filter(pk=launch.pk).update(last_failure=str(error), last_attempt_at=timezone.now())
        log(instance=edition, action="rapporteur.launch_failed", user=user, data={"reason": str(error)})
        logger.error("Launch of %s failed; nothing was published: %s", edition.title, error)
        raise


def launch_lead():
    """How early to start preparing a launch.

    PostgreSQL locks only the rows being published, so it can afford a generous lead;
    SQLite makes other writers wait for the whole lead, so it gets a short one.
    """
    from django.db import connection

    seconds = settings.RAPPORTEUR_LAUNCH_LEAD_SECONDS
    if seconds is None:
        seconds = 30 if connection.vendor == "postgresql" else 10
    return datetime.timedelta(seconds=seconds)


def launch_due_within(seconds):
    """Whether a launch will start within ``seconds`` (its lead time included)."""
    horizon = timezone.now() + launch_lead() + datetime.timedelta(seconds=seconds)
    return EditionLaunch.objects.filter(launched_at__isnull=True, launch_at__lte=horizon).exists()


def launch_due_editions(now=None, retry_after_seconds=30):
    """Launch every edition whose time has come (or comes within the lead time).

    Failed launches are retried after a pause.
    """
    now = now or timezone.now()
    launched = []
    due = EditionLaunch.objects.filter(launched_at__isnull=True, launch_at__lte=now + launch_lead())
    for launch in due.select_related("edition").order_by("launch_at"):
        if launch.last_attempt_at and (now - launch.last_attempt_at).total_seconds() < retry_after_seconds:
            continue
        try:
            launch_edition(launch, commit_at=launch.launch_at)
            launched.append(launch.edition)
        except LaunchError:
            continue
    return launched


# -- Wagtail's scheduled publishing, minus embargoed editions --------------------------------------


def publish_scheduled(now=None):
    """Publish due scheduled revisions and unpublish expired pages, outside embargoed editions."""
    now = now or timezone.now()
    embargoed = embargoed_edition_paths()

    def under_embargo(page):
        return any(page.path.startswith(path) for path in embargoed)

    done = 0
    for revision in Revision.page_revisions.filter(approved_go_live_at__lte=now).order_by("approved_go_live_at"):
        page = revision.content_object
        if page is None or under_embargo(page):
            continue
        revision.publish(log_action="wagtail.publish.scheduled", skip_permission_checks=True)
        done += 1
    for page in Page.objects.filter(live=True, expire_at__lte=now):
        if not under_embargo(page):
            page.specific.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
            done += 1
    return done


def edition_launch(edition):
    return EditionLaunch.objects.filter(edition=edition).first()


__all__ = ["EditionPage", "launch_edition", "launch_due_editions", "publish_scheduled", "LaunchError"]
