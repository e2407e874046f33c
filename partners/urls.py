from django.urls import path

from partners import documents, views

app_name = "partners"

urlpatterns = [
    path("buendniserklaerung/", views.declaration, name="declaration"),
    path("buendniserklaerung/unterzeichnen/", views.sign, name="sign"),
    path("buendniserklaerung/gesendet/", views.sign_sent, name="sign_sent"),
    path("buendniserklaerung/bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("buendniserklaerung/bestaetigt/", views.confirmed, name="confirmed"),
    path("partner/", views.partner_list, name="list"),
    path("partner/verwalten/", views.manage_request, name="manage_request"),
    path("partner/verwalten/gesendet/", views.manage_request_sent, name="manage_request_sent"),
    path("partner/verwalten/ausgetreten/", views.withdrawn, name="withdrawn"),
    path("partner/verwalten/<str:token>/", views.manage, name="manage"),
    path(
        "partner/verwalten/<str:token>/aktuell/",
        views.manage_confirm_entry,
        name="manage_confirm_entry",
    ),
    path("partner/verwalten/<str:token>/austreten/", views.manage_withdraw, name="withdraw"),
    path("partner/verwalten/<str:token>/urkunde.pdf", documents.certificate_download, name="certificate"),
    path("partner/<slug:slug>/", views.partner_detail, name="detail"),
]
