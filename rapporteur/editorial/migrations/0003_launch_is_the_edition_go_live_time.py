"""The launch time moves from EditionLaunch to the edition page's own scheduled revision.

A pending launch becomes the go-live time of the edition page's latest revision (Wagtail's
scheduled publishing). Pages inside it that were approved and waiting for the launch are
made due at once: the scheduler publishes them under the still unpublished edition, where
readers cannot see them until the edition itself goes live. Then the model goes.
"""

from django.db import migrations
from django.utils import timezone


def move_launch_times(apps, schema_editor):
    EditionLaunch = apps.get_model("editorial", "EditionLaunch")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is None:
        return
    now = timezone.now()
    for launch in EditionLaunch.objects.filter(launched_at__isnull=True):
        edition = Page.objects.get(pk=launch.edition_id)
        inside = [str(pk) for pk in Page.objects.filter(path__startswith=edition.path).values_list("pk", flat=True)]
        page_revisions = Revision.objects.filter(base_content_type=page_type, object_id__in=inside)
        for revision in page_revisions.filter(approved_go_live_at__isnull=False).exclude(object_id=str(edition.pk)):
            revision.content["go_live_at"] = None
            revision.approved_go_live_at = now
            revision.save(update_fields=["content", "approved_go_live_at"])
        if edition.live:
            continue
        edition_revisions = page_revisions.filter(object_id=str(edition.pk))
        latest = edition_revisions.order_by("-created_at", "-id").first()
        if latest is None:
            continue
        edition_revisions.exclude(pk=latest.pk).update(approved_go_live_at=None)
        latest.content["go_live_at"] = launch.launch_at.isoformat()
        latest.approved_go_live_at = launch.launch_at
        latest.save(update_fields=["content", "approved_go_live_at"])
        Page.objects.filter(pk=edition.pk).update(go_live_at=launch.launch_at, has_unpublished_changes=True)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_passkeys"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(move_launch_times, migrations.RunPython.noop),
        migrations.DeleteModel(name="EditionLaunch"),
    ]
