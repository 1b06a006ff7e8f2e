"""Admin pages for editions: progress by region and stage, setting the launch time, launching.

Setting or launching needs permission to publish the edition page: the launch *is* its
publication (see ``editorial.embargo``).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from rapporteur.publishing.builds import edition_is_public, request_build
from rapporteur.publishing.status import build_status
from rapporteur.reports.models import EditionPage

from .dashboard import STAGES, edition_progress
from .embargo import LaunchError, last_failure, last_launch, launch_edition, launch_time, schedule_launch
from .times import with_zone, zone_name

LAUNCH_ANYWAY = "I have read the reasons above and want to launch this edition as it is."


class LaunchTimeForm(forms.Form):
    """The launch time; when the edition is incomplete, also the publisher's explicit "launch anyway"."""

    launch_at = forms.DateTimeField(
        label="Launch date and time",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    launch_anyway = forms.BooleanField(required=False, label=LAUNCH_ANYWAY)

    def __init__(self, *args, blockers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.blockers = blockers
        if not blockers:
            del self.fields["launch_anyway"]
        self.fields["launch_at"].label = f"Launch date and time ({zone_name()} time)"
        self.fields["launch_at"].help_text = (
            f"In {zone_name()} time (your account's time zone setting, or the site's). "
            "Until then nothing of this edition is visible to readers."
        )

    def clean_launch_at(self):
        launch_at = self.cleaned_data["launch_at"]
        if launch_at <= timezone.now():
            raise forms.ValidationError("Choose a time in the future, or use “Launch now”.")
        return launch_at

    def clean(self):
        cleaned_data = super().clean()
        if self.blockers and not cleaned_data.get("launch_anyway"):
            self.add_error(
                "launch_anyway", "This edition is not ready (see the reasons above): confirm to schedule it anyway."
            )
        return cleaned_data


def can_launch(user, edition):
    return edition.permissions_for_user(user).can_publish()


def editions_index(request):
    editions = [(edition, launch_time(edition)) for edition in EditionPage.objects.order_by("-year")]
    return TemplateResponse(request, "editorial/editions_index.html", {"editions": editions, "page_title": "Editions"})


def edition_dashboard(request, edition_id):
    edition = get_object_or_404(EditionPage, pk=edition_id)
    may_publish = can_launch(request.user, edition)
    allowed = may_publish and not edition.live
    progress = edition_progress(edition)
    blockers = progress.launch_blockers if not edition.live else []
    form = None
    if allowed:
        form = LaunchTimeForm(request.POST or None, initial={"launch_at": launch_time(edition)}, blockers=blockers)
        if request.method == "POST" and form.is_valid():
            schedule_launch(edition, form.cleaned_data["launch_at"], user=request.user)
            messages.success(request, f"{edition.title} will launch on {with_zone(form.cleaned_data['launch_at'])}.")
            return redirect("rapporteur_edition_dashboard", edition.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return TemplateResponse(
        request,
        "editorial/edition_dashboard.html",
        {
            "edition": edition,
            "launch_at": launch_time(edition),
            "failure": None if edition.live else last_failure(edition),
            "launched": last_launch(edition) if edition.live else None,
            "form": form,
            "can_launch": allowed,
            "progress": progress,
            "builds": build_status(edition),
            "can_rebuild": may_publish and edition_is_public(edition),
            "blockers": blockers,
            "launch_anyway_label": LAUNCH_ANYWAY,
            "stages": STAGES,
            "page_title": f"{edition.title}: progress and launch",
        },
    )


@require_POST
def launch_now(request, edition_id):
    edition = get_object_or_404(EditionPage, pk=edition_id)
    if not can_launch(request.user, edition):
        raise PermissionDenied
    if edition.live:
        messages.error(request, f"{edition.title} is already published; there is nothing to launch.")
        return redirect(reverse("rapporteur_edition_dashboard", args=[edition.pk]))
    blockers = edition_progress(edition).launch_blockers
    if blockers and not request.POST.get("launch_anyway"):
        messages.error(request, "Not launched: this edition is not ready. " + " ".join(blockers))
        return redirect(reverse("rapporteur_edition_dashboard", args=[edition.pk]))
    try:
        count = launch_edition(edition, user=request.user)
    except LaunchError as error:
        messages.error(request, f"Launch failed and nothing was published: {error}")
    else:
        messages.success(request, f"{edition.title} is live: {count} pages published.")
    return redirect(reverse("rapporteur_edition_dashboard", args=[edition.pk]))


@require_POST
def rebuild_files(request, edition_id):
    """Ask the scheduler to make the edition's PDF and EPUB files again (after a failure, say)."""
    edition = get_object_or_404(EditionPage, pk=edition_id)
    if not can_launch(request.user, edition):
        raise PermissionDenied
    if not edition_is_public(edition):
        messages.error(request, "Files are made once the edition is launched; there is nothing to rebuild yet.")
    else:
        request_build(edition.pk)
        messages.success(request, "Rebuild requested: the files follow within a minute or two.")
    return redirect(reverse("rapporteur_edition_dashboard", args=[edition.pk]) + "#files-h")


def edition_pages(request, edition_id):
    """The pages behind a count on the dashboard: one region's (or every region's) entries at one stage."""
    edition = get_object_or_404(EditionPage, pk=edition_id)
    progress = edition_progress(edition)
    stage = request.GET.get("stage") or None
    region_id = request.GET.get("region") or None
    if stage is not None and stage not in STAGES:
        messages.error(request, f"Unknown stage “{stage}”; showing every stage.")
        stage = None
    regions = [r for r in progress.regions if region_id is None or str(r.page.pk) == region_id]
    rows = [
        (region.name, title, entry_stage, page_id)
        for region in regions
        for title, entry_stage, page_id in region.entries
        if stage is None or entry_stage == stage
    ]
    heading = " · ".join(filter(None, [stage, regions[0].name if region_id and regions else None])) or "All entries"
    return TemplateResponse(
        request,
        "editorial/edition_pages.html",
        {
            "edition": edition,
            "rows": rows,
            "page_title": f"{edition.title}: {heading}",
            "dashboard_url": reverse("rapporteur_edition_dashboard", args=[edition.pk]),
        },
    )
