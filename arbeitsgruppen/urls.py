from django.urls import path

from arbeitsgruppen import views

app_name = "arbeitsgruppen"

urlpatterns = [
    path("handlungsfelder/", views.field_list, name="field_list"),
    path("handlungsfelder/<slug:slug>/", views.FieldDetailView.as_view(), name="field_detail"),
    path("arbeitsgruppen/<slug:slug>/", views.GroupDetailView.as_view(), name="group_detail"),
    path("projekte/", views.project_list, name="project_list"),
    path("projekte/<slug:slug>/", views.ProjectDetailView.as_view(), name="project_detail"),
]
