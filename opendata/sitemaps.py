"""/sitemap.xml (django.contrib.sitemaps) of the alliance on its own domain: every public
page with its last change (its own date, or else the alliance's last content change),
built from the same `public()` querysets as the pages.
Nothing behind a personal link and nothing of the admin is in it."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from arbeitsgruppen.models import Project, WorkingGroup
from buendnis import pagecache
from buendnis.models import Alliance, FieldOfAction, Page
from events.models import Event
from partners.models import Partner


class LastContentChange:
    """lastmod of pages without a date of their own: the alliance's last content change
    (none recorded yet: the last change of its profile)."""

    def lastmod(self, item):
        return pagecache.last_change() or Alliance.current().updated_at


class FixedPages(LastContentChange, Sitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "buendnis:home", "buendnis:about", "partners:list", "partners:declaration",
            "arbeitsgruppen:field_list", "arbeitsgruppen:project_list", "events:list", "events:past",
            "events:suggestions", "opendata:overview",
        ]

    def location(self, name):
        return reverse(name)


class ContentPages(Sitemap):
    def items(self):
        return Page.objects.public().exclude(slug=Page.Slug.ABOUT).order_by("slug")

    def lastmod(self, page):
        return page.updated_at


class Partners(Sitemap):
    def items(self):
        return Partner.objects.public().only("slug", "updated_at").order_by("name")

    def lastmod(self, partner):
        return partner.updated_at


class Fields(LastContentChange, Sitemap):
    def items(self):
        return FieldOfAction.objects.public()


class Groups(LastContentChange, Sitemap):
    def items(self):
        return WorkingGroup.objects.public().order_by("name")


class Projects(Sitemap):
    def items(self):
        return Project.objects.public().only("slug", "updated_at").order_by("title")

    def lastmod(self, project):
        return project.updated_at


class Events(Sitemap):
    def items(self):
        return Event.objects.public().only("slug", "updated_at").order_by("-starts_at")

    def lastmod(self, event):
        return event.updated_at


SITEMAPS = {
    "seiten": FixedPages,
    "inhalte": ContentPages,
    "partner": Partners,
    "handlungsfelder": Fields,
    "arbeitsgruppen": Groups,
    "projekte": Projects,
    "termine": Events,
}
