from django.urls import path

from opendata import feeds, views

app_name = "opendata"

# In every language (portal/urls.py); robots.txt, the sitemap and the API are in
# opendata/urls_fixed.py, without one.
urlpatterns = [
    path("termine/feed.atom", feeds.UpcomingEventsFeed(), name="feed_events"),
    path("termine/protokolle.atom", feeds.MinutesFeed(), name="feed_minutes"),
    path("partner/feed.atom", feeds.NewPartnersFeed(), name="feed_partners"),
    path("projekte/feed.atom", feeds.ProjectsFeed(), name="feed_projects"),
    path("open-data/", views.overview, name="overview"),
    path("open-data/<slug:name>.<str:fmt>", views.download, name="download"),
    path("einbetten/", views.embed_index, name="embed_index"),
    path("einbetten/partner/", views.embed_partners, name="embed_partners"),
    path("einbetten/termine/", views.embed_events, name="embed_events"),
]
