"""Two-factor authentication pages: set up an authenticator app, then enter a code at each sign-in."""

import base64
import secrets

import segno
from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .audit import log_account_event
from .models import PasskeyDevice

BACKUP_CODES = 10
BACKUP_CODE_DIGITS = 8


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
        help_text="The 6-digit code from your authenticator app, or one of your backup codes.",
    )


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("wagtailadmin_home")
    return target


def throttled(form, device):
    """After wrong codes, django-otp makes each further try wait longer; say so rather than fail silently."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return False
    wait = ""
    if details and details.get("locked_until"):
        seconds = max(1, int((details["locked_until"] - timezone.now()).total_seconds()) + 1)
        wait = f" Wait {seconds} seconds, then"
    form.add_error("code", f"Too many wrong codes.{wait} try again with the newest code.")
    return True


def second_factor_refused(request, step, throttled=False):
    """Audit every refused code — a wrong one, or one not even checked because of throttling.

    Counting only the codes that were checked would hide a guessing run: after a few wrong
    codes django-otp stops checking, and the attempts that follow are the interesting ones.
    """
    data = {"step": step, **({"throttled": True} if throttled else {})}
    log_account_event("rapporteur.2fa_failed", request.user.get_username(), request, data=data)


def setup(request):
    """First sign-in: pair an authenticator app by scanning a QR code, confirm with one code."""
    user = request.user
    if TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
        return redirect(f"{reverse('rapporteur_2fa_verify')}?next={next_url(request)}")
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and throttled(form, device):
        second_factor_refused(request, "setup", throttled=True)
    elif request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            device.confirmed = True
            device.save()
            codes = issue_backup_codes(user)
            otp_login(request, device)
            log_account_event("rapporteur.2fa_enrolled", user.get_username(), request)
            return render(request, "accounts/two_factor_backup_codes.html", {"codes": codes, "next": next_url(request)})
        form.add_error("code", "That code did not match. Check the time on your phone and try the newest code.")
        second_factor_refused(request, "setup")
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#000", light="#fff")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {"form": form, "qr_svg": qr_svg, "secret": secret, "next": next_url(request)},
    )


def issue_backup_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    codes = [f"{secrets.randbelow(10**BACKUP_CODE_DIGITS):0{BACKUP_CODE_DIGITS}d}" for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify(request):
    """Every sign-in: enter the current code (or a backup code, which then stops working)."""
    user = request.user
    if not TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
        return redirect(f"{reverse('rapporteur_2fa_setup')}?next={next_url(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"].replace(" ", "")
        # 8 digits is a backup code, 6 the app's code: try only that device, so that using a
        # backup code does not count as a wrong app code (which would slow the next try).
        devices = StaticDevice if len(code) == BACKUP_CODE_DIGITS else TOTPDevice
        device = devices.objects.devices_for_user(user, confirmed=True).first()
        if device is not None and throttled(form, device):
            second_factor_refused(request, "sign-in", throttled=True)
        elif device is not None:
            if device.verify_token(code):
                otp_login(request, device)
                if isinstance(device, StaticDevice):
                    messages.warning(request, f"You used a backup code; {device.token_set.count()} remain.")
                return redirect(next_url(request))
            form.add_error("code", "That code is not valid. Try the newest code from your app.")
            second_factor_refused(request, "sign-in")
        else:  # a backup code, but no backup codes were ever issued
            form.add_error("code", "That code is not valid. Try the newest code from your app.")
            second_factor_refused(request, "sign-in")
    has_passkey = PasskeyDevice.objects.devices_for_user(user, confirmed=True).exists()
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": next_url(request), "has_passkey": has_passkey},
    )
