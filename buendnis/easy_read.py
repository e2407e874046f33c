"""The pages in Leichte Sprache (`buendnis.models.easy_read`): served only when
published; each links the other published ones and its normal page, and the dates
page lists the upcoming public dates that the events app contributes."""

from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from buendnis import sections
from buendnis.models import EasyReadPage, Page
from buendnis.models.easy_read import published_urls

Topic = EasyReadPage.Topic
# Where the normal page of each topic lives (URL name, arguments).
NORMAL_PAGES = {
    Topic.HOME: ("buendnis:home", []),
    Topic.ABOUT: ("buendnis:about", []),
    Topic.JOIN: ("partners:sign", []),
    Topic.DATES: ("events:list", []),
    Topic.CONTACT: ("events:suggestions", []),
    Topic.ACCESSIBILITY: ("buendnis:page", [Page.Slug.ACCESSIBILITY]),
}


def normal_url(topic):
    """The address of the topic's normal page, or None when it does not exist (an
    unpublished accessibility statement, an app that is not installed)."""
    name, args = NORMAL_PAGES[topic]
    if name == "buendnis:page" and not Page.objects.public().filter(slug=args[0]).exists():
        return None
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


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
