from django.urls import path

from . import views

urlpatterns = [path("<int:year>/files/<str:name>", views.edition_file, name="edition_file")]
