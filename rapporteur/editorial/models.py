"""Editorial state that is not content: when an edition launches, and staff passkeys."""

from django.conf import settings
from django.db import models
from django_otp.models import Device, TimestampMixin

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


class PasskeyDevice(TimestampMixin, Device):
    """A passkey (WebAuthn credential) as a second factor: a touch or a fingerprint instead of a code.

    A django-otp device like the authenticator app, so the same middleware counts a session
    verified by it; only the public key is stored. ``sign_count`` follows the authenticator's
    counter, where it keeps one, so a cloned security key is refused.
    """

    credential_id = models.BinaryField(unique=True)
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)
    transports = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "passkey"
