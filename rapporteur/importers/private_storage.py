"""Where uploaded import files are kept: private, with no address.

An uploaded file can be a whole edition before its launch, so the storage refuses to give any
file an address (``url()``): no template or view can link to one. It is the ``imports`` entry
of ``STORAGES``, kept apart from the media files readers are served: on one machine a folder
outside ``MEDIA_ROOT`` (``RAPPORTEUR_IMPORT_ROOT``); with several, a folder every app server and
the scheduler share, or a private bucket (see README, "Running in production").
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files on disk with no address, in ``RAPPORTEUR_IMPORT_ROOT`` unless given a location."""

    def __init__(self, location=None, **options):
        super().__init__(location=location or settings.RAPPORTEUR_IMPORT_ROOT, **options)

    def url(self, name):
        raise ValueError("Uploaded import files are private and have no address.")
