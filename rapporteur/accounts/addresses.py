"""Which address a request came from, trusting exactly as many proxies as the operator configured.

Behind a reverse proxy every request arrives from the proxy's address, so the lock-out saw one
"client" for the whole world: five wrong guesses from anyone locked out everyone. Each trusted
proxy appends the address it received the request from to ``X-Forwarded-For``; with N trusted
proxies in front of the application, the client is the N-th address from the right (anything
further left was written by the client itself and proves nothing). With no proxy configured
(``TRUSTED_PROXY_COUNT=0``, the default) the header is ignored entirely, so nobody can choose
their own address by sending it.

A plain function rather than django-ipware: this one rule is all the lock-out and the audit
need, and it is short enough to read in full (it is django-axes' ``AXES_CLIENT_IP_CALLABLE``).
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The client's address as the nearest trusted proxy saw it, or the connection's address."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "RAPPORTEUR_TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return remote  # fewer hops than configured: the request did not come through the proxies
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
