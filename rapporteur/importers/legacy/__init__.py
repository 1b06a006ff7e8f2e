"""Legacy editions from their text layer: a whole book's ``.txt`` or one file per country.

``read_book`` and ``read_country_files`` return an ``ImportedEdition`` (see
``importers.imported``); nothing here touches the database. ``probably_same_people`` flags office
holders whose names drift by a letter across editions.
"""

from ..offices import printed
from .book import read_book, read_country_file, read_country_files
from .people import probably_same_people, same_people_warnings
from .topics import agreement

__all__ = [
    "agreement",
    "printed",
    "probably_same_people",
    "read_book",
    "read_country_file",
    "read_country_files",
    "same_people_warnings",
]
