"""Feeds and citation files, under the language prefix (``/en/...``).

Every address ends in a file name (``feed.atom``, ``2013-KZ.bib``): page addresses always end
in "/", so none of these can hide a page, and no page slug needs to be reserved for them.
"""

from django.urls import path

from .citation import citation_file
from .feeds import CorrectionsFeed, CountryFeed, EditionFeed

urlpatterns = [
    path("<int:year>/feed.atom", EditionFeed(), name="opendata_edition_feed"),
    path("countries/<slug:slug>/feed.atom", CountryFeed(), name="opendata_country_feed"),
    path("corrections.atom", CorrectionsFeed(), name="opendata_corrections_feed"),
    path("cite/<str:identifier>.<str:format>", citation_file, name="opendata_citation"),
]
