"""schema.org JSON-LD of the partners' pages (buendnis/structured_data.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from buendnis import structured_data
from buendnis.structured_data import absolute, alliance_reference, breadcrumbs
from partners.models import Partner

# An alliance at national scale has thousands: the JSON-LD names the first ones by
# name; all of them are in the directory, the sitemap and the open data.
MAX_MEMBERS = 200


@structured_data.member_lists.register()
def members():
    """The public partners as the alliance's members: (name, path)."""
    rows = Partner.objects.public().order_by("name").values_list("name", "slug")[:MAX_MEMBERS]
    return [(name, reverse("partners:detail", kwargs={"slug": slug})) for name, slug in rows]


def partner(partner, alliance, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": partner.name,
        "url": absolute(request, partner.get_absolute_url()),
        "memberOf": alliance_reference(alliance, request),
    }
    if partner.description:
        data["description"] = partner.description
    if partner.website:
        data["sameAs"] = [partner.website]
    if partner.town:
        data["address"] = {"@type": "PostalAddress", "addressLocality": partner.town, "addressCountry": "DE"}
    if partner.logo:
        data["logo"] = absolute(request, partner.logo.url)
    trail = [(_("Partner"), reverse("partners:list")), (partner.name, request.path)]
    return [data, breadcrumbs(request, *trail)]
