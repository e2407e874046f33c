from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("termine/", views.EventListView.as_view(), name="list"),
    # Fixed addresses first: no event slug may shadow them.
    path("termine/kalender.ics", views.feed, name="feed"),
    path("termine/kalender/<slug:name>.ics", views.kind_feed, name="kind_feed"),
    path("arbeitsgruppen/<slug:slug>/kalender.ics", views.group_feed, name="group_feed"),
    path("termine/archiv/", views.PastEventListView.as_view(), name="past"),
    path("termine/abmelden/<str:token>/", views.cancel, name="cancel"),
    path("termine/einladung/<str:token>/", views.invitation_detail, name="invitation"),
    path("termine/einladung/<str:token>/zusagen/", views.accept, name="accept"),
    path("termine/einladung/<str:token>/absagen/", views.decline, name="decline"),
    path(
        "termine/einladung/<str:token>/protokoll.pdf",
        views.invitation_minutes_pdf,
        name="invitation_minutes_pdf",
    ),
    path("termine/<slug:slug>.ics", views.event_ics, name="ics"),
    path("termine/<slug:slug>/", views.event_detail, name="detail"),
    path("termine/<slug:slug>/anmelden/", views.register, name="register"),
    path("termine/<slug:slug>/angemeldet/", views.registered, name="registered"),
    path("termine/<slug:slug>/protokoll.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("anregungen/", views.suggestions, name="suggestions"),
]
