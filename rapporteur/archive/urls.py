from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search_view, name="archive_search"),
    path("countries/", views.country_index_view, name="archive_countries"),
    path("themes/", views.theme_index_view, name="archive_themes"),
    path("people/", views.people_index_view, name="archive_people"),
    path("countries/<slug:slug>/", views.country_view, name="archive_country"),
    path("themes/<slug:slug>/", views.theme_view, name="archive_theme"),
    path("people/<slug:slug>/", views.person_view, name="archive_person"),
]
