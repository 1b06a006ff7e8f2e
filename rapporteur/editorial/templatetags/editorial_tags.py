"""Template helpers of the editorial admin."""

from django import template

from ..times import with_zone

register = template.Library()


@register.filter
def zoned(moment):
    """A date and time with its zone, and in UTC too when the zone is not UTC."""
    return with_zone(moment)
