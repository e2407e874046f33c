from django.urls import path, register_converter

from buendnis import easy_read, views
from buendnis.models import EasyReadPage, Page


class PageSlugConverter:
    """Only the fixed content pages live at the top level (/impressum/ etc.)."""

    regex = "|".join(slug for slug in Page.Slug.values if slug != Page.Slug.ABOUT)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class EasyReadTopicConverter(PageSlugConverter):
    """The pages in Leichte Sprache below /leichte-sprache/ (the home variant is the folder)."""

    regex = "|".join(topic for topic in EasyReadPage.Topic.values if topic != EasyReadPage.Topic.HOME)


register_converter(PageSlugConverter, "pageslug")
register_converter(EasyReadTopicConverter, "easyreadtopic")

app_name = "buendnis"

urlpatterns = [
    path("", views.home, name="home"),
    path("buendnis/", views.AboutView.as_view(), name="about"),
    path("leichte-sprache/", easy_read.EasyReadView.as_view(), name="easy_read_home"),
    path("leichte-sprache/<easyreadtopic:topic>/", easy_read.EasyReadView.as_view(), name="easy_read"),
    path("healthz", views.healthz, name="healthz"),
    path("<pageslug:slug>/", views.PageView.as_view(), name="page"),
]
