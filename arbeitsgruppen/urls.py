from django.urls import path

from arbeitsgruppen import views

app_name = "arbeitsgruppen"

urlpatterns = [
    path("handlungsfelder/", views.field_list, name="field_list"),
    path("handlungsfelder/<slug:slug>/", views.field_detail, name="field_detail"),
    path("arbeitsgruppen/<slug:slug>/", views.group_detail, name="group_detail"),
    path("projekte/", views.project_list, name="project_list"),
    path("projekte/<slug:slug>/", views.project_detail, name="project_detail"),
]
