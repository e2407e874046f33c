"""schema.org JSON-LD for the public pages: what search engines read of the alliance.

Each app builds the data of its own pages (`partners/structured_data.py`, …) from the
same querysets the pages show; the base template writes every item of the context's
`structured_data` into the page's head (`{{ item|json_ld }}`).
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from buendnis.lib.registry import Registry


def absolute(request, path):
    return request.build_absolute_uri(path)


def alliance_reference(alliance, request):
    """The alliance as others refer to it (organizer, memberOf)."""
    return {"@type": "NGO", "@id": absolute(request, "/#buendnis"), "name": alliance.name,
            "url": absolute(request, "/")}


def organization(alliance, request, members=()):
    """The alliance as an organisation (schema.org NGO), with its member partners."""
    data = {
        "@context": "https://schema.org",
        **alliance_reference(alliance, request),
        "description": alliance.tagline or alliance.introduction[:300],
    }
    if alliance.logo:
        data["logo"] = absolute(request, alliance.logo.url)
    address = {
        key: value for key, value in (
            ("streetAddress", alliance.street), ("postalCode", alliance.postal_code),
            ("addressLocality", alliance.town), ("addressCountry", "DE"),
        ) if value
    }
    if alliance.town:
        data["address"] = {"@type": "PostalAddress", **address}
    if alliance.email:
        data["email"] = alliance.email
    if alliance.phone:
        data["telephone"] = alliance.phone
    if alliance.founding_date:
        data["foundingDate"] = alliance.founding_date.isoformat()
    if members:
        data["member"] = [
            {"@type": "Organization", "name": name, "url": absolute(request, url)} for name, url in members
        ]
    return data


def breadcrumbs(request, *items):
    """BreadcrumbList from (name, path) pairs, the home page first."""
    trail = [(_("Startseite"), reverse("buendnis:home")), *items]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute(request, path)}
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


# The alliance's member partners as (name, path): partners sit above this layer and
# register them (`partners/structured_data.py`); until they do, there are none.
member_lists = Registry()


def members():
    return [member for _key, found in member_lists.results() for member in found]
