"""The coordinator's cockpit inside the admin: dashboard and exports (issue 7)."""

from django.contrib import admin
from django.urls import path, re_path

from buendnis import dashboard, exports, roles

app_name = "cockpit"


def index(request):
    """The admin index with the dashboard above the list of apps (Koordination, Steuerungsgruppe)."""
    data = dashboard.collect(request.user) if roles.sees_everything(request.user) else None
    return admin.site.index(request, extra_context={"dashboard": data})


urlpatterns = [
    path("", admin.site.admin_view(index), name="dashboard"),
    re_path(
        r"^exporte/partner\.(?P<fmt>csv|xlsx)$",
        admin.site.admin_view(exports.export_partners),
        name="export_partners",
    ),
    re_path(
        r"^exporte/projekte\.(?P<fmt>csv|xlsx)$",
        admin.site.admin_view(exports.export_projects),
        name="export_projects",
    ),
    re_path(
        r"^exporte/termine/(?P<pk>[0-9]+)/antworten\.(?P<fmt>csv|xlsx)$",
        admin.site.admin_view(exports.export_event),
        name="export_event",
    ),
]
