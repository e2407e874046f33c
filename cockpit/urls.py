"""The coordinator's cockpit inside the admin: dashboard, exports and her team."""

from django.contrib import admin
from django.urls import path, re_path

from cockpit import documents, team_views, views

app_name = "cockpit"

urlpatterns = [
    path("", admin.site.admin_view(views.index), name="dashboard"),
    path("offene-daten/", admin.site.admin_view(views.open_data), name="open_data"),
    path("dokumente/", admin.site.admin_view(documents.documents_page), name="documents"),
    path("uebersetzungen/", admin.site.admin_view(views.translations), name="translations"),
    path(
        "dokumente/partner/<int:pk>/urkunde.pdf",
        admin.site.admin_view(documents.partner_certificate),
        name="partner_certificate",
    ),
    path("team/", admin.site.admin_view(team_views.team_page), name="team"),
    path("team/einladen/", admin.site.admin_view(team_views.invite), name="team_invite"),
    path("team/<int:pk>/", admin.site.admin_view(team_views.member), name="team_member"),
    path(
        "team/<int:pk>/<slug:action>/", admin.site.admin_view(team_views.member_action), name="team_action"
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
