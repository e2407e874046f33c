"""The coordinator's cockpit inside the admin: dashboard and exports."""

from django.contrib import admin
from django.urls import path, re_path

from cockpit import documents, views

app_name = "cockpit"

urlpatterns = [
    path("", admin.site.admin_view(views.index), name="dashboard"),
    path("offene-daten/", admin.site.admin_view(views.open_data), name="open_data"),
    path("dokumente/", admin.site.admin_view(documents.documents_page), name="documents"),
    path(
        "dokumente/partner/<int:pk>/urkunde.pdf",
        admin.site.admin_view(documents.partner_certificate),
        name="partner_certificate",
    ),
    re_path(
        r"^exporte/partner\.(?P<fmt>csv|xlsx)$",
        admin.site.admin_view(views.export_partners),
        name="export_partners",
    ),
    re_path(
        r"^exporte/projekte\.(?P<fmt>csv|xlsx)$",
        admin.site.admin_view(views.export_projects),
        name="export_projects",
    ),
    re_path(
        r"^exporte/termine/(?P<pk>[0-9]+)/antworten\.(?P<fmt>csv|xlsx)$",
        admin.site.admin_view(views.export_event),
        name="export_event",
    ),
]
