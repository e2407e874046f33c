from django.urls import path, register_converter

from buendnis import views
from buendnis.models import Page


class PageSlugConverter:
    """Only the fixed content pages live at the top level (/impressum/ etc.)."""

    regex = "|".join(slug for slug in Page.Slug.values if slug != Page.Slug.ABOUT)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PageSlugConverter, "pageslug")

app_name = "buendnis"

urlpatterns = [
    path("", views.home, name="home"),
    path("buendnis/", views.AboutView.as_view(), name="about"),
    path("healthz", views.healthz, name="healthz"),
    path("<pageslug:slug>/", views.PageView.as_view(), name="page"),
]
