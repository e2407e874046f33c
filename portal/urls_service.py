"""The installation's own domain (SERVICE_DOMAIN): the public alliance finder and the
Servicestelle's admin (superusers). No alliance's pages live here."""

from django.urls import include, path

from cockpit import finder
from cockpit.servicestelle import service_site

urlpatterns = [
    path("", finder.finder, name="finder"),
    path("verwaltung/zwei-faktor/", include("buendnis.twofactor")),
    path("verwaltung/", service_site.urls),
]

handler404 = "cockpit.finder.page_not_found"
