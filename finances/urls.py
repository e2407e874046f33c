"""The finances: the steering group's pages inside the admin (/verwaltung/finanzen/…)
and the public transparency page (/transparenz/)."""

from django.contrib import admin
from django.urls import path, re_path

from finances import views

app_name = "finances"


def desk(view):
    return admin.site.admin_view(view)


urlpatterns = [
    path("verwaltung/finanzen/", desk(views.overview), name="overview"),
    path(
        "verwaltung/finanzen/buchungen/<int:pk>/freigeben/", desk(views.approve_entry), name="approve_entry"
    ),
    path(
        "verwaltung/finanzen/buchungen/<int:pk>/stornieren/", desk(views.reverse_entry), name="reverse_entry"
    ),
    path("verwaltung/finanzen/belege/<int:pk>/", desk(views.receipt), name="receipt"),
    re_path(
        r"^verwaltung/finanzen/buchungen-(?P<year>[0-9]{4})\.(?P<fmt>csv|xlsx)$",
        desk(views.ledger_export),
        name="ledger_export",
    ),
    re_path(
        r"^verwaltung/finanzen/zuwendungen/(?P<pk>[0-9]+)/verwendungsnachweis\.(?P<fmt>pdf|xlsx)$",
        desk(views.grant_statement),
        name="grant_statement",
    ),
    path(
        "verwaltung/finanzen/jahresbericht-<int:year>.pdf",
        desk(views.annual_report_pdf),
        name="annual_report_pdf",
    ),
    path(
        "verwaltung/finanzen/jahresberichte/<int:pk>/freigeben/",
        desk(views.approve_report),
        name="approve_report",
    ),
    path(
        "verwaltung/finanzen/jahresberichte/<int:pk>/veroeffentlichen/",
        desk(views.publish_report),
        name="publish_report",
    ),
    path("transparenz/", views.transparency, name="transparency"),
    path("transparenz/jahresbericht-<int:year>.pdf", views.published_report, name="published_report"),
]
