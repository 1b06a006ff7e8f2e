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


def stamp(moment, with_date=True):
    """ "1 December 2026, 00:16" (no leading zero on the day; the hour keeps its own) or "00:16"."""
    return f"{moment.day} {moment.strftime('%B %Y, %H:%M')}" if with_date else moment.strftime("%H:%M")


def with_zone(moment, with_date=True):
    """ "30 November 2026, 09:00 CET (08:00 UTC)" — or "… 08:00 UTC" when the zone is UTC."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    text = f"{stamp(local, with_date)} {local.tzname()}"
    if local.utcoffset():
        utc = moment.astimezone(UTC)
        same_day = utc.date() == local.date()
        text += f" ({stamp(utc, with_date and not same_day)} UTC)"
    return text
