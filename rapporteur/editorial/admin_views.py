"""Admin pages for editions: progress by region and stage, setting the launch time, launching."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from rapporteur.reports.models import EditionPage

from .dashboard import STAGES, edition_progress
from .embargo import LaunchError, launch_edition
from .models import EditionLaunch

EDIT_LAUNCH = "editorial.change_editionlaunch"


class LaunchTimeForm(forms.ModelForm):
    launch_at = forms.DateTimeField(
        label="Launch date and time",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="Until then nothing of this edition is visible to readers. Times are in the server's time zone.",
    )

    class Meta:
        model = EditionLaunch
        fields = ["launch_at"]

    def clean_launch_at(self):
        launch_at = self.cleaned_data["launch_at"]
        if launch_at <= timezone.now():
            raise forms.ValidationError("Choose a time in the future, or use “Launch now”.")
        if self.instance.edition.live and not self.instance.pk:
            raise forms.ValidationError("This edition is already published; an embargo can only be set before launch.")
        return launch_at


def editions_index(request):
    editions = EditionPage.objects.order_by("-year").select_related("launch")
    return TemplateResponse(request, "editorial/editions_index.html", {"editions": editions, "page_title": "Editions"})


def still_to_launch(edition, launch):
    """Whether the edition can still be put under embargo or launched: not yet public by either route."""
    return launch.is_pending if launch else not edition.live


def edition_dashboard(request, edition_id):
    edition = get_object_or_404(EditionPage, pk=edition_id)
    launch = EditionLaunch.objects.filter(edition=edition).first()
    can_launch = request.user.has_perm(EDIT_LAUNCH)
    form = None
    embargo_possible = still_to_launch(edition, launch)
    if can_launch and embargo_possible:
        form = LaunchTimeForm(request.POST or None, instance=launch or EditionLaunch(edition=edition))
        if request.method == "POST" and form.is_valid():
            saved = form.save()
            messages.success(
                request, f"{edition.title} will launch at {timezone.localtime(saved.launch_at):%H:%M on %d %B %Y}."
            )
            return redirect("rapporteur_edition_dashboard", edition.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return TemplateResponse(
        request,
        "editorial/edition_dashboard.html",
        {
            "edition": edition,
            "launch": launch,
            "form": form,
            "can_launch": can_launch and embargo_possible,
            "progress": edition_progress(edition),
            "stages": STAGES,
            "page_title": f"{edition.title}: progress and launch",
        },
    )


@require_POST
def launch_now(request, edition_id):
    if not request.user.has_perm(EDIT_LAUNCH):
        raise PermissionDenied
    edition = get_object_or_404(EditionPage, pk=edition_id)
    launch = EditionLaunch.objects.filter(edition=edition).first()
    if not still_to_launch(edition, launch):
        messages.error(request, f"{edition.title} is already published; there is nothing to launch.")
        return redirect(reverse("rapporteur_edition_dashboard", args=[edition.pk]))
    if launch is None:
        launch = EditionLaunch.objects.create(edition=edition, launch_at=timezone.now())
    try:
        count = launch_edition(launch, user=request.user)
    except LaunchError as error:
        messages.error(request, f"Launch failed and nothing was published: {error}")
    else:
        messages.success(request, f"{edition.title} is live: {count} pages published.")
    return redirect(reverse("rapporteur_edition_dashboard", args=[edition.pk]))
