"""/sitemap.xml (django.contrib.sitemaps) of the alliance on its own domain: an index of
sections (/sitemap-<section>.xml, in pages of PER_PAGE addresses), every public page with
its last change (its own date, or else the alliance's last content change), built from
the same `public()` querysets as the pages. Nothing behind a personal link and nothing of
the admin is in it. Every address in each language the alliance offers, with its
alternates (`hreflang`, x-default: German), as django.contrib.sitemaps writes them."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import translation

from arbeitsgruppen.models import Project, WorkingGroup
from buendnis import pagecache
from buendnis.models import Alliance, EasyReadPage, FieldOfAction, Page
from events.models import Event
from partners.models import Partner

# Addresses per sitemap page: an alliance with 13,000 partners has a few pages of them,
# each rendered in a few dozen milliseconds.
PER_PAGE = 1000


class InEveryLanguage(Sitemap):
    """Each address in every language the alliance offers, with its alternates."""

    i18n = True
    alternates = True
    x_default = True

    @property
    def languages(self):
        return Alliance.current().offered_languages


class LastContentChange:
    """lastmod of pages without a date of their own: the alliance's last content change
    (none recorded yet: the last change of its profile)."""

    def lastmod(self, item):
        return pagecache.last_change() or Alliance.current().updated_at

    def get_latest_lastmod(self):
        return self.lastmod(None)


class FixedPages(LastContentChange, InEveryLanguage):
    changefreq = "weekly"

    def items(self):
        return [
            "buendnis:home", "buendnis:about", "partners:list", "partners:declaration",
            "arbeitsgruppen:field_list", "arbeitsgruppen:project_list", "events:list", "events:past",
            "events:suggestions", "opendata:overview",
        ]

    def location(self, name):
        return reverse(name)


class ContentPages(InEveryLanguage):
    def items(self):
        # The legal pages, and the pages in Leichte Sprache (German only, as they are).
        pages = Page.objects.public().exclude(slug=Page.Slug.ABOUT).order_by("slug")
        return [*pages, *EasyReadPage.objects.public().order_by("topic")]

    def lastmod(self, page):
        return page.updated_at


class Fields(LastContentChange, InEveryLanguage):
    def items(self):
        return FieldOfAction.objects.public()


class Groups(LastContentChange, InEveryLanguage):
    def items(self):
        return WorkingGroup.objects.public().order_by("name")


class Entries(InEveryLanguage):
    """A large section: rows read as (slug, updated_at), their addresses made from one
    `reverse()` (one per row costs more than the rest of the sitemap)."""

    limit = PER_PAGE
    url_name = ""

    def public(self):
        raise NotImplementedError

    def items(self):
        return self.public().values_list("slug", "updated_at")

    def location(self, item):
        # Called in each language (translation.override): one prefix per language.
        prefixes = self.__dict__.setdefault("_prefixes", {})
        language = translation.get_language()
        if language not in prefixes:
            prefixes[language] = reverse(self.url_name, kwargs={"slug": "-"}).removesuffix("-/")
        return f"{prefixes[language]}{item[0]}/"

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return self.public().aggregate(latest=Max("updated_at"))["latest"]


class Partners(Entries):
    url_name = "partners:detail"

    def public(self):
        return Partner.objects.public().order_by("name")


class Projects(Entries):
    url_name = "arbeitsgruppen:project_detail"

    def public(self):
        return Project.objects.public().order_by("title")


class Events(Entries):
    url_name = "events:detail"

    def public(self):
        return Event.objects.public().order_by("-starts_at")


SITEMAPS = {
    "seiten": FixedPages,
    "inhalte": ContentPages,
    "partner": Partners,
    "handlungsfelder": Fields,
    "arbeitsgruppen": Groups,
    "projekte": Projects,
    "termine": Events,
}
