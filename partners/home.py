"""The home page's "Neue Partner" section."""

from buendnis import home_sections
from buendnis.lib.fragments import render_entries
from partners.models import Partner, Signature

NEWEST_COUNT = 6


@home_sections.register("partners/includes/home_newest.html", order=20)
def newest_partners(request):
    listed = Partner.objects.listed()
    # The newest open periods first, from the index on confirmed_at, instead of
    # aggregating every partner's signatures (140 ms at 13,000 partners; scale, issue 8).
    newest = (
        Signature.objects.active()
        .filter(partner__listed=True)
        .order_by("-confirmed_at")
        .values("partner_id")[:NEWEST_COUNT]
    )
    partners = list(
        listed.filter(pk__in=newest).with_partner_since().order_by("-partner_since", "name")
    )
    if not partners:
        return None
    cards = render_entries(
        "partners/includes/partner_card.html", partners, name="partner", context={"heading_level": 3}
    )
    return {"partners": partners, "cards": cards, "partner_count": listed.count()}
