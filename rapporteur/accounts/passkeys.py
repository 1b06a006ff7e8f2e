"""Passkeys as a second factor: add one once signed in, then touch it at sign-in instead of typing a code.

The browser speaks WebAuthn (``static/accounts/passkeys.js``); the server keeps each passkey's
public key only and checks every signature with py_webauthn. The relying party is the host the
admin is served on (Django has checked it against ``ALLOWED_HOSTS``), so a passkey made for one
site is useless on another, and a phishing page cannot ask for it. The authenticator app stays
the way in for accounts without a passkey and the fallback when a passkey is lost.
"""

import json

from django.contrib import messages
from django.http import JsonResponse
from django.http.request import split_domain_port
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from webauthn import (
    base64url_to_bytes,
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from .audit import log_account_event
from .models import PasskeyDevice
from .views import next_url

CHALLENGE = "rapporteur_passkey_challenge"
NAME_LENGTH = 64


class PasskeyRefused(Exception):
    """What the reader of the error message needs to know; nothing was changed."""


def relying_party(request):
    """(RP ID, origin): the host name the admin is served on, and its full origin."""
    host = request.get_host()
    domain, _ = split_domain_port(host)
    return domain, f"{request.scheme}://{host}"


def descriptors(devices):
    known = {transport.value for transport in AuthenticatorTransport}
    return [
        PublicKeyCredentialDescriptor(
            id=bytes(device.credential_id),
            transports=[AuthenticatorTransport(t) for t in device.transports if t in known],
        )
        for device in devices
    ]


def challenge_response(request, options):
    """Send the options, remembering their one-time challenge in the session."""
    request.session[CHALLENGE] = bytes_to_base64url(options.challenge)
    return JsonResponse(json.loads(options_to_json(options)))


def take_challenge(request):
    """The challenge issued to this session, usable once."""
    challenge = request.session.pop(CHALLENGE, None)
    if not challenge:
        raise PasskeyRefused("The request expired. Try again.")
    return base64url_to_bytes(challenge)


def posted_credential(request):
    try:
        body = json.loads(request.body or b"{}")
        credential = body["credential"]
        if not isinstance(credential, dict):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise PasskeyRefused("The browser sent no passkey.") from None
    return body, credential


def checked(verify, failure, **arguments):
    """Run one of py_webauthn's checks; its refusal becomes ``failure`` (with ``{error}``) for the user."""
    try:
        return verify(**arguments)
    except WebAuthnException as error:
        raise PasskeyRefused(failure.format(error=error)) from None


def refused(request, error, step):
    log_account_event("rapporteur.2fa_failed", request.user.get_username(), request, data={"step": step})
    return JsonResponse({"error": str(error)}, status=400)


# -- managing one's passkeys (signed in with two factors) ----------------------------------


def passkeys(request):
    """The signed-in user's passkeys: when each was added and last used; add one (with JavaScript), remove one."""
    devices = PasskeyDevice.objects.devices_for_user(request.user).order_by("created_at")
    return render(request, "accounts/passkeys.html", {"devices": devices, "name_length": NAME_LENGTH})


@require_POST
def registration_options(request):
    user = request.user
    rp_id, _ = relying_party(request)
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name="Rapporteur",
        user_name=user.get_username(),
        user_display_name=user.get_full_name() or user.get_username(),
        user_id=f"rapporteur-user-{user.pk}".encode(),
        exclude_credentials=descriptors(PasskeyDevice.objects.devices_for_user(user)),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED, user_verification=UserVerificationRequirement.PREFERRED
        ),
    )
    return challenge_response(request, options)


@require_POST
def add(request):
    rp_id, origin = relying_party(request)
    try:
        body, credential = posted_credential(request)
        name = " ".join(str(body.get("name") or "").split())[:NAME_LENGTH] or "Passkey"
        verified = checked(
            verify_registration_response,
            "The passkey could not be checked ({error}). Nothing was added.",
            credential=credential,
            expected_challenge=take_challenge(request),
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
        if PasskeyDevice.objects.filter(credential_id=verified.credential_id).exists():
            raise PasskeyRefused("This passkey is already added.")
    except PasskeyRefused as error:
        return refused(request, error, "passkey-add")
    transports = credential.get("response", {}).get("transports") or []
    PasskeyDevice.objects.create(
        user=request.user,
        name=name,
        confirmed=True,
        credential_id=verified.credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        transports=[t for t in transports if isinstance(t, str)][:8],
    )
    log_account_event("rapporteur.passkey_added", request.user.get_username(), request, data={"name": name})
    messages.success(request, f"Passkey “{name}” added. Next time you sign in, you can use it instead of a code.")
    return JsonResponse({"redirect": reverse("rapporteur_passkeys")})


@require_POST
def remove(request, device_id):
    device = get_object_or_404(PasskeyDevice, pk=device_id, user=request.user)
    device.delete()
    log_account_event("rapporteur.passkey_removed", request.user.get_username(), request, data={"name": device.name})
    messages.success(request, f"Passkey “{device.name}” removed.")
    return redirect("rapporteur_passkeys")


# -- signing in (password given, second factor pending) -----------------------------------


@require_POST
def authentication_options(request):
    devices = list(PasskeyDevice.objects.devices_for_user(request.user, confirmed=True))
    if not devices:
        return JsonResponse({"error": "You have no passkey. Enter a code instead."}, status=400)
    rp_id, _ = relying_party(request)
    options = generate_authentication_options(
        rp_id=rp_id, allow_credentials=descriptors(devices), user_verification=UserVerificationRequirement.PREFERRED
    )
    return challenge_response(request, options)


@require_POST
def sign_in(request):
    rp_id, origin = relying_party(request)
    try:
        _, credential = posted_credential(request)
        try:
            credential_id = base64url_to_bytes(str(credential.get("rawId") or credential.get("id") or ""))
        except ValueError:
            raise PasskeyRefused("The browser sent no passkey.") from None
        # only this user's passkeys: someone else's, even valid, does not complete this sign-in
        device = PasskeyDevice.objects.filter(user=request.user, confirmed=True, credential_id=credential_id).first()
        if device is None:
            raise PasskeyRefused("That passkey is not one of yours here. Try another, or enter a code.")
        verified = checked(
            verify_authentication_response,
            "The passkey could not be checked ({error}).",
            credential=credential,
            expected_challenge=take_challenge(request),
            expected_rp_id=rp_id,
            expected_origin=origin,
            credential_public_key=bytes(device.public_key),
            credential_current_sign_count=device.sign_count,
        )
    except PasskeyRefused as error:
        return refused(request, error, "passkey-sign-in")
    device.sign_count = verified.new_sign_count
    device.set_last_used_timestamp(commit=False)
    device.save(update_fields=["sign_count", "last_used_at"])
    otp_login(request, device)
    return JsonResponse({"redirect": next_url(request)})
