"""Open data's addresses: the API at ``/api/v1/`` and its documentation page."""

from django.urls import path

from .api import api
from .docs import api_docs

urlpatterns = [
    path("api/v1/docs/", api_docs, name="opendata_docs"),
    path("api/v1/", api.urls),
]
