from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search_view, name="archive_search"),
    path("countries/<slug:slug>/", views.country_view, name="archive_country"),
    path("themes/<slug:slug>/", views.theme_view, name="archive_theme"),
    path("people/<slug:slug>/", views.person_view, name="archive_person"),
]
