"""Atom feeds (django.contrib.syndication): upcoming dates, new partners, projects and
newly approved public minutes, each announced in the <head> of its list page."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from arbeitsgruppen.models import Project
from buendnis.lib.sanitize import plain_text
from buendnis.models import Alliance
from events.models import Event, Minutes
from partners.models import Signature

# Entries per feed: what a reader shows as new; the lists and the API have all.
ITEMS = 30


class AllianceFeed(Feed):
    feed_type = Atom1Feed
    what = ""

    def title(self):
        return f"{self.what} – {Alliance.current().name}"

    def subtitle(self):
        return Alliance.current().tagline or Alliance.current().name

    def author_name(self):
        return Alliance.current().name

    def item_description(self, item):
        return plain_text(getattr(item, "description", ""), 500)


class UpcomingEventsFeed(AllianceFeed):
    what = "Termine"

    def link(self):
        return reverse("events:list")

    def items(self):
        return Event.objects.public().upcoming()[:ITEMS]

    def item_title(self, event):
        when = timezone.localtime(event.starts_at).strftime("%d.%m.%Y, %H:%M Uhr")
        return f"{event.title} ({when})"

    def item_pubdate(self, event):
        return event.created_at

    def item_updateddate(self, event):
        return event.updated_at


class NewPartnersFeed(AllianceFeed):
    what = "Neue Partner"

    def link(self):
        return reverse("partners:list")

    def items(self):
        # The public partners' open membership periods (one each), newest signed first
        # (as "Partner seit"), as the home page reads them.
        newest = Signature.objects.public().select_related("partner").order_by("-signed_at")[:ITEMS]
        partners = []
        for signature in newest:
            signature.partner.partner_since = signature.signed_at
            partners.append(signature.partner)
        return partners

    def item_title(self, partner):
        return partner.name

    def item_pubdate(self, partner):
        return partner.partner_since

    def item_updateddate(self, partner):
        return partner.updated_at


class ProjectsFeed(AllianceFeed):
    what = "Projekte"

    def link(self):
        return reverse("arbeitsgruppen:project_list")

    def items(self):
        return Project.objects.public().order_by("-created_at")[:ITEMS]

    def item_title(self, project):
        return project.title

    def item_description(self, project):
        return project.summary or super().item_description(project)

    def item_pubdate(self, project):
        return project.created_at

    def item_updateddate(self, project):
        return project.updated_at


class MinutesFeed(AllianceFeed):
    what = "Protokolle"

    def link(self):
        return reverse("events:past")

    def items(self):
        return (
            Minutes.objects.public()
            .select_related("event")
            .order_by("-approved_at")[:ITEMS]
        )

    def item_title(self, minutes):
        return f"Protokoll: {minutes.event.title}"

    def item_link(self, minutes):
        return reverse("events:minutes_pdf", kwargs={"slug": minutes.event.slug})

    def item_description(self, minutes):
        return plain_text(minutes.summary, 500)

    def item_pubdate(self, minutes):
        return minutes.approved_at

    def item_updateddate(self, minutes):
        return minutes.updated_at
