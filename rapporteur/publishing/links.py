"""Where a link in the report should point in a file: inside the file, or out to the web."""

from urllib.parse import urljoin

from django.conf import settings


def public_base_url():
    return getattr(settings, "RAPPORTEUR_PUBLIC_URL", None) or settings.WAGTAILADMIN_BASE_URL


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
        return None, urljoin(public_base_url() + "/", href)
