"""What the archive adds to the rest of the site: its reader pages in the sitemap."""

from django.urls import reverse
from wagtail import hooks

from .browse import country_index, people_index, theme_index


@hooks.register("rapporteur_sitemap_urls")
def archive_pages():
    """The indexes, and every country, theme and person page readers can see (the indexes list only those)."""
    yield from ((reverse(name), None) for name in ("archive_countries", "archive_themes", "archive_people"))
    for _, countries in country_index():
        yield from ((reverse("archive_country", args=(country.slug,)), None) for country in countries)
    yield from ((reverse("archive_theme", args=(theme.slug,)), None) for theme in theme_index())
    yield from ((reverse("archive_person", args=(person.slug,)), None) for person in people_index())
