"""Editorial state that is not content: when an edition launches."""

from django.conf import settings
from django.db import models

from rapporteur.reports.models import EditionPage


class EditionLaunch(models.Model):
    """The embargo on an edition: nothing of it is public before ``launch_at``.

    At that instant the scheduler publishes the edition page and every approved page
    inside it, in one transaction (see ``editorial.embargo.launch_edition``).
    """

    edition = models.OneToOneField(EditionPage, on_delete=models.CASCADE, related_name="launch")
    launch_at = models.DateTimeField(help_text="The embargo lifts at this instant (your time zone is shown below).")
    launched_at = models.DateTimeField(null=True, blank=True, editable=False)
    launched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    last_failure = models.TextField(blank=True, editable=False, help_text="Why the last launch attempt failed.")
    last_attempt_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["launch_at"]

    def __str__(self):
        state = (
            f"launched {self.launched_at:%Y-%m-%d %H:%M}"
            if self.launched_at
            else f"launches {self.launch_at:%Y-%m-%d %H:%M %Z}"
        )
        return f"{self.edition.title}: {state}"

    @property
    def is_pending(self):
        return self.launched_at is None
