from django.urls import path

from events import documents

app_name = "events"

urlpatterns = [
    path("termine/<slug:slug>/protokoll.pdf", documents.minutes_pdf, name="minutes_pdf"),
    path(
        "termine/einladung/<str:token>/protokoll.pdf",
        documents.invitation_minutes_pdf,
        name="invitation_minutes_pdf",
    ),
]
