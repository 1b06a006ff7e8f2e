"""Second factors beyond django-otp's own (authenticator app, backup codes): passkeys."""

from django.db import models
from django_otp.models import Device, TimestampMixin


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
