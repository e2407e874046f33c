"""The pages in Leichte Sprache (`buendnis.models.easy_read`): served only when
published; each links the other published ones and its normal page, and the dates
page lists the upcoming public dates that the events app contributes."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from buendnis import sections, site_pages
from buendnis.models import EasyReadPage, Page
from buendnis.models.easy_read import published_urls

Topic = EasyReadPage.Topic
# Where the normal page of each topic lives (buendnis.site_pages); the accessibility
# statement is one of the alliance's content pages.
NORMAL_PAGES = {
    Topic.HOME: site_pages.HOME,
    Topic.ABOUT: site_pages.ABOUT,
    Topic.JOIN: site_pages.JOIN,
    Topic.DATES: site_pages.DATES,
    Topic.CONTACT: site_pages.SUGGESTIONS,
}


def normal_url(topic):
    """The address of the topic's normal page, or None when it does not exist (an
    unpublished accessibility statement, an app that is not installed)."""
    if topic == Topic.ACCESSIBILITY:
        slug = Page.Slug.ACCESSIBILITY
        published = Page.objects.public().filter(slug=slug).exists()
        return reverse("buendnis:page", args=[slug]) if published else None
    return site_pages.addresses().get(NORMAL_PAGES[topic])


# The links between the pages, in Leichte Sprache (long words split with a hyphen).
LINK_LABELS = {
    Topic.HOME: _("Start-Seite"),
    Topic.ABOUT: _("Das Bündnis"),
    Topic.JOIN: _("Mitmachen"),
    Topic.DATES: _("Termine"),
    Topic.CONTACT: _("Kontakt"),
    Topic.ACCESSIBILITY: _("Barriere-Freiheit"),
}


def other_pages(current):
    return [
        {"label": LINK_LABELS[topic], "url": url}
        for topic, url in published_urls().items()
        if topic != current
    ]


def upcoming_dates(request):
    """Said in German whatever the site's language: Leichte Sprache is German only."""
    with translation.override("de"):
        return [
            item for _key, items in sections.easy_read_dates.results(request) for item in items or []
        ]


class EasyReadView(DetailView):
    template_name = "buendnis/easy_read.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        topic = self.kwargs.get("topic", Topic.HOME)
        return get_object_or_404(EasyReadPage.objects.public().select_related("alliance"), topic=topic)

    def get_context_data(self, **kwargs):
        page = self.object
        return {
            **super().get_context_data(**kwargs),
            "normal_url": normal_url(page.topic),
            "other_pages": other_pages(page.topic),
            "dates": upcoming_dates(self.request) if page.topic == Topic.DATES else None,
            "statement_url": normal_url(Topic.ACCESSIBILITY) if page.is_home else None,
        }
