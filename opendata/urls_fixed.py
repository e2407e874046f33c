"""The open data's addresses without a language: robots.txt, the sitemap (it lists every
language's addresses itself) and the API. Outside `i18n_patterns` (portal/urls.py), so
/en/sitemap.xml or /tr/api/… do not exist."""

from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from opendata import views
from opendata.api import PREFIX as api_prefix
from opendata.api import api
from opendata.sitemaps import SITEMAPS

app_name = "opendata_fixed"

urlpatterns = [
    path("robots.txt", views.robots, name="robots"),
    path("sitemap.xml", index, {"sitemaps": SITEMAPS, "sitemap_url_name": "opendata_fixed:sitemap_section"},
         name="sitemap"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("api/openapi.json", views.openapi, name="openapi"),
    path(api_prefix, api.urls),
]
