"""The home page's "Neue Partner" section."""

from buendnis import home_sections
from partners.models import Partner

NEWEST_COUNT = 6


@home_sections.register("partners/includes/home_newest.html", order=20)
def newest_partners(request):
    listed = Partner.objects.listed()
    partners = list(
        listed.with_partner_since().order_by("-partner_since", "name")[:NEWEST_COUNT]
    )
    if not partners:
        return None
    return {"partners": partners, "partner_count": listed.count()}
