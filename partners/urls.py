from django.urls import path
from django.views.generic import TemplateView

from partners import views


def page(template_name):
    return TemplateView.as_view(template_name=template_name)


app_name = "partners"

urlpatterns = [
    path("buendniserklaerung/", views.DeclarationView.as_view(), name="declaration"),
    path(
        "buendniserklaerung/fassung/<str:version>/",
        views.DeclarationVersionView.as_view(),
        name="declaration_version",
    ),
    path("buendniserklaerung/unterzeichnen/", views.sign, name="sign"),
    path("buendniserklaerung/vor-ort/<str:token>/", views.sign_on_site, name="sign_on_site"),
    path("buendniserklaerung/gesendet/", page("partners/sign_sent.html"), name="sign_sent"),
    path("buendniserklaerung/bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("buendniserklaerung/bestaetigt/", page("partners/confirmed.html"), name="confirmed"),
    path("partner/", views.partner_list, name="list"),
    path("partner/verwalten/", views.manage_request, name="manage_request"),
    path(
        "partner/verwalten/gesendet/",
        page("partners/manage_request_sent.html"),
        name="manage_request_sent",
    ),
    path("partner/verwalten/ausgetreten/", page("partners/withdrawn.html"), name="withdrawn"),
    path("partner/verwalten/<str:token>/", views.manage, name="manage"),
    path(
        "partner/verwalten/<str:token>/aktuell/",
        views.manage_confirm_entry,
        name="manage_confirm_entry",
    ),
    path("partner/verwalten/<str:token>/austreten/", views.manage_withdraw, name="withdraw"),
    path("partner/verwalten/<str:token>/urkunde.pdf", views.certificate_download, name="certificate"),
    path("partner/verwalten/<str:token>/daten.json", views.personal_data_download, name="personal_data"),
    path("partner/rundmails-abbestellen/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("partner/<slug:slug>/", views.PartnerDetailView.as_view(), name="detail"),
    path("gruendungsurkunde.pdf", views.founding_certificate, name="founding_certificate"),
]
