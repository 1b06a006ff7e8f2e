"""Who may import what: a researcher into their own region(s), a publisher or administrator anywhere.

Derived from the page permissions the roles already grant (``editorial.roles``) rather than from
group names: whoever may add pages below a region page may import into that region; whoever
may add pages below the home page may import whole editions (and create a new one). The writer
checks the same permissions again, page by page, when it writes.
"""

from rapporteur.reports.models import Region, RegionPage

from .models import ImportJob
from .writer import home_page


def imports_whole_editions(user):
    home = home_page()
    return home is not None and home.permissions_for_user(user).can_add_subpage()


def own_regions(user):
    """The regions ``user`` may add entries to, in at least one edition."""
    regions = []
    for region in Region.objects.order_by("name"):
        pages = RegionPage.objects.filter(region=region)
        if any(page.permissions_for_user(user).can_add_subpage() for page in pages):
            regions.append(region)
    return regions


def may_import(user):
    return user.is_active and (imports_whole_editions(user) or bool(own_regions(user)))


def sees_every_job(user):
    return user.is_superuser or user.groups.filter(name="Administrators").exists()


def jobs_for(user):
    """The jobs ``user`` may see: their own, or every job for an administrator."""
    jobs = ImportJob.objects.select_related("user")
    return jobs if sees_every_job(user) else jobs.filter(user=user)
