"""The home page's "Neue Partner" section."""

from buendnis import sections
from buendnis.fragments import render_entries
from partners.models import Signature, public_partner_count

NEWEST_COUNT = 6


@sections.home.register("partners/includes/home_newest.html", order=20)
def newest_partners(request):
    # The newest open membership periods, read from the index on confirmed_at, instead
    # of aggregating every partner's signatures (140 ms at 13,000 partners; issue 8).
    # A partner has at most one open period, so no partner appears twice. Ties go by
    # the signature, not the partner's name: sorting by name would make SQLite, once it
    # has statistics (analyze_database), read and sort every signature (6 ms).
    newest = (
        Signature.objects.public()
        .select_related("partner")
        .order_by("-confirmed_at", "-pk")[:NEWEST_COUNT]
    )
    partners = [signature.partner for signature in newest]
    if not partners:
        return None
    cards = render_entries(
        "partners/includes/partner_card.html", partners, name="partner", context={"heading_level": 3}
    )
    return {"cards": cards, "partner_count": public_partner_count()}
