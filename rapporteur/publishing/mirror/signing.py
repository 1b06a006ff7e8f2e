"""The mirror's signing key, and checking a mirror against it.

``SHA256SUMS`` lists every file of a mirror with its SHA-256; ``SHA256SUMS.sig`` is an Ed25519
signature of it. A reader who has the public key from the live site (its Downloads page) can
check a copy obtained anywhere — a cloud bucket, an onion service, a USB stick — with standard
tools (``sha256sum -c`` and ``openssl pkeyutl -verify``) or ``manage.py verify_mirror``.

The private key is made once, on first use, and kept outside every folder the web server or a
mirror publishes (by default ``var/mirror-signing-key.pem``, mode 0600;
``RAPPORTEUR_MIRROR_KEY_FILE`` to put it elsewhere). Only the machine that builds mirrors (the
scheduler's) needs it; the public key travels with each built mirror into the database.
"""

import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .tree import CHECKSUMS, SIGNATURE, file_sha256


def key_path():
    configured = getattr(settings, "RAPPORTEUR_MIRROR_KEY_FILE", None) or os.environ.get("RAPPORTEUR_MIRROR_KEY_FILE")
    return Path(configured) if configured else Path(settings.VAR_DIR) / "mirror-signing-key.pem"


def served_folders():
    return [Path(p).resolve() for p in (settings.MEDIA_ROOT, settings.STATIC_ROOT) if p]


def check_key_location(path):
    resolved = path.resolve()
    for folder in served_folders():
        if resolved.is_relative_to(folder):
            raise ImproperlyConfigured(
                f"The mirror signing key {path} is inside {folder}, which is served: keep it outside the web root."
            )


def load_or_create_key(path=None):
    """The private key, made (mode 0600) if there is none yet. Returns (key, created)."""
    path = Path(path) if path else key_path()
    check_key_location(path)
    if path.exists():
        return serialization.load_pem_private_key(path.read_bytes(), password=None), False
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # never readable by others
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    return key, True


def public_pem(key):
    """The public key as PEM (``-----BEGIN PUBLIC KEY-----``), the form ``openssl pkeyutl`` reads."""
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def public_key_line(pem):
    """The one base64 line of a public key PEM: what readers compare by eye."""
    return "".join(line for line in pem.strip().splitlines() if not line.startswith("-----"))


def sign(key, data):
    return key.sign(data)


def verify_mirror(root, public_key_pem):
    """Problems found in the mirror at ``root`` (empty: the mirror is intact and signed by the key).

    Every file must be listed with its right checksum, no file may be missing or extra, and the
    signature of ``SHA256SUMS`` must verify against ``public_key_pem``.
    """
    root = Path(root)
    sums, signature = root / CHECKSUMS, root / SIGNATURE
    if not sums.is_file() or not signature.is_file():
        return [f"{root} has no {CHECKSUMS} and {SIGNATURE}: it is not a signed mirror."]
    problems = []
    public_key = serialization.load_pem_public_key(public_key_pem.encode())
    if not isinstance(public_key, Ed25519PublicKey):
        return ["The public key is not an Ed25519 key."]
    try:
        public_key.verify(signature.read_bytes(), sums.read_bytes())
    except InvalidSignature:
        problems.append(f"The signature of {CHECKSUMS} does not match the public key: do not trust this copy.")
    listed = {}
    for number, line in enumerate(sums.read_text("utf-8").splitlines(), 1):
        digest, separator, name = line.partition("  ")
        if not separator or len(digest) != 64:
            problems.append(f"{CHECKSUMS} line {number} is not '<sha256>  <file>'.")
            continue
        listed[name] = digest
    present = {
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.name not in (CHECKSUMS, SIGNATURE)
    }
    for name in sorted(set(listed) - present):
        problems.append(f"Missing: {name}")
    for name in sorted(present - set(listed)):
        problems.append(f"Not listed in {CHECKSUMS}: {name}")
    for name in sorted(set(listed) & present):
        if file_sha256(root / name) != listed[name]:
            problems.append(f"Changed: {name}")
    return problems
