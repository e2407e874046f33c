from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from opendata import feeds, views
from opendata.api import PREFIX as api_prefix
from opendata.api import api
from opendata.sitemaps import SITEMAPS

app_name = "opendata"

urlpatterns = [
    path("robots.txt", views.robots, name="robots"),
    path("sitemap.xml", index, {"sitemaps": SITEMAPS, "sitemap_url_name": "opendata:sitemap_section"},
         name="sitemap"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("termine/feed.atom", feeds.UpcomingEventsFeed(), name="feed_events"),
    path("termine/protokolle.atom", feeds.MinutesFeed(), name="feed_minutes"),
    path("partner/feed.atom", feeds.NewPartnersFeed(), name="feed_partners"),
    path("projekte/feed.atom", feeds.ProjectsFeed(), name="feed_projects"),
    path("api/openapi.json", views.openapi, name="openapi"),
    path(api_prefix, api.urls),
    path("open-data/", views.overview, name="overview"),
    path("open-data/<slug:name>.<str:fmt>", views.download, name="download"),
    path("einbetten/", views.embed_index, name="embed_index"),
    path("einbetten/partner/", views.embed_partners, name="embed_partners"),
    path("einbetten/termine/", views.embed_events, name="embed_events"),
]
