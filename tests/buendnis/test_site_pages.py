"""The pages the alliance's frame links, registered by the apps that serve them
(`buendnis.site_pages`): the navigation, the "Partner werden" button and the normal
page of each topic in Leichte Sprache."""

import pytest
from django.test import RequestFactory
from django.urls import NoReverseMatch, set_urlconf

from buendnis import context_processors, site_pages
from buendnis.easy_read import NORMAL_PAGES, normal_url
from buendnis.lib.registry import Registry
from buendnis.models import EasyReadPage
from tests.factories import FieldOfActionFactory

PLACES = [site_pages.HOME, site_pages.ABOUT, site_pages.PARTNERS, site_pages.JOIN, site_pages.FIELDS,
          site_pages.PROJECTS, site_pages.DATES, site_pages.SUGGESTIONS]


def frame(path="/"):
    request = RequestFactory().get(path)
    request.alliance = None
    return context_processors.alliance(request)


def test_every_place_is_served_by_one_app():
    assert sorted(site_pages.pages.keys()) == sorted(PLACES)
    assert site_pages.object_pages.keys() == [site_pages.FIELD]
    assert site_pages.addresses() == {
        "home": "/", "about": "/buendnis/", "partners": "/partner/",
        "join": "/buendniserklaerung/unterzeichnen/", "fields": "/handlungsfelder/",
        "projects": "/projekte/", "dates": "/termine/", "suggestions": "/anregungen/",
    }


def test_the_navigation_links_each_served_page_and_marks_the_current_one():
    context = frame("/termine/sommerfest/")
    assert [(str(item["label"]), item["url"], item["active"]) for item in context["navigation"]] == [
        ("Bündnis", "/buendnis/", False), ("Partner", "/partner/", False),
        ("Handlungsfelder", "/handlungsfelder/", False), ("Projekte", "/projekte/", False),
        ("Termine", "/termine/", True), ("Anregungen", "/anregungen/", False),
    ]
    assert context["join_url"] == "/buendniserklaerung/unterzeichnen/"


def test_a_place_no_app_serves_is_not_linked(monkeypatch, alliance):
    only_buendnis = Registry()
    only_buendnis.register(site_pages.ABOUT)(lambda: "buendnis:about")
    monkeypatch.setattr(site_pages, "pages", only_buendnis)
    context = frame()
    assert [item["url"] for item in context["navigation"]] == ["/buendnis/"]
    assert context["join_url"] is None
    assert normal_url(EasyReadPage.Topic.DATES) is None
    assert normal_url(EasyReadPage.Topic.ABOUT) == "/buendnis/"


def test_on_the_servicestelle_s_urls_no_page_of_an_alliance_is_linked(settings):
    set_urlconf(settings.SERVICE_URLCONF)
    try:
        context = frame()
        assert context["navigation"] == [] and context["join_url"] is None
    finally:
        set_urlconf(None)


def test_a_field_of_action_links_its_page_in_the_working_groups_app(alliance, monkeypatch):
    field = FieldOfActionFactory(slug="familie-und-beruf")
    assert field.get_absolute_url() == "/handlungsfelder/familie-und-beruf/"
    with pytest.raises(NoReverseMatch):  # as reverse() did before: never a link to "None"
        site_pages.address(site_pages.FIELD, slug="")
    monkeypatch.setattr(site_pages, "object_pages", Registry())
    with pytest.raises(NoReverseMatch):
        site_pages.address(site_pages.FIELD, slug="familie-und-beruf")


@pytest.mark.parametrize("topic", list(NORMAL_PAGES))
def test_each_topic_in_leichte_sprache_links_its_normal_page(topic, alliance):
    assert normal_url(topic) == site_pages.addresses()[NORMAL_PAGES[topic]]
