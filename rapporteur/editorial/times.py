"""Times as editors read them: always with their zone, and in UTC too when that differs.

A launch is read by people in several countries (press officers, regional offices, the
press under embargo), so "20:00" alone is a trap: every time the editorial admin shows
names its zone — the editor's own (Wagtail's account setting) or the server's — and adds
the UTC time whenever the zone is not UTC.
"""

from datetime import UTC

from django.utils import timezone


def zone_name():
    """The zone times are shown and entered in for the current request, e.g. "Europe/London"."""
    return timezone.get_current_timezone_name()


def with_zone(moment, with_date=True):
    """ "30 November 2026, 09:00 CET (08:00 UTC)" — or "… 08:00 UTC" when the zone is UTC."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    pattern = "%d %B %Y, %H:%M" if with_date else "%H:%M"
    text = f"{local.strftime(pattern).lstrip('0')} {local.tzname()}"
    if local.utcoffset():
        utc = moment.astimezone(UTC)
        same_day = utc.date() == local.date()
        text += f" ({utc.strftime('%H:%M' if same_day or not with_date else pattern).lstrip('0')} UTC)"
    return text
