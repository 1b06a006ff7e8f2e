"""Where a link in the report should point in a file: inside the file, or out to the web."""

from urllib.parse import urljoin

from django.conf import settings


def public_base_url():
    """The site's public address: ``RAPPORTEUR_PUBLIC_URL``, else ``WAGTAILADMIN_BASE_URL`` (see the
    README's settings), else the root URL of Wagtail's default site."""
    configured = getattr(settings, "RAPPORTEUR_PUBLIC_URL", None) or getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    if configured:
        return configured.rstrip("/")
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def absolute_url(href):
    """A page's address as readers can type it from paper: absolute, on the public site."""
    if not href or href.startswith(("http://", "https://")):
        return href
    return urljoin(public_base_url() + "/", href)


class LinkMap:
    """Maps site paths of pages inside the document to their in-file targets."""

    def __init__(self, targets):
        self.targets = targets  # {"/en/2013/.../kazakhstan/": target}

    def resolve(self, href):
        """(internal target or None, absolute URL)."""
        path, _, fragment = href.partition("#")
        target = self.targets.get(path)
        if target is not None and not fragment:
            return target, None
        if href.startswith(("http://", "https://", "mailto:")):
            return None, href
        return None, absolute_url(href)
