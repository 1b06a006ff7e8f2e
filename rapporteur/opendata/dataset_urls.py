"""The data page and the dataset files (/en/data/...)."""

from django.urls import path

from .datasets import views

urlpatterns = [
    path("data/", views.data_page, name="open_data"),
    path("data/files/<str:name>", views.dataset_file, name="dataset_file"),
]
