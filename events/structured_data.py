"""schema.org JSON-LD of the event pages (buendnis/structured_data.py): what search
engines need for an event (name, dates, place with address, organizer, status,
attendance mode, free or not, and how to register where that applies)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from buendnis.lib.sanitize import plain_text
from buendnis.structured_data import absolute, alliance_reference, breadcrumbs


def _postal_address(address):
    # "Marktplatz 1, 12345 Musterhausen": street, then postcode and town.
    street, _comma, town_line = address.rpartition(",")
    postcode, _space, town = town_line.strip().partition(" ")
    if street and postcode.isdigit() and town:
        return {"@type": "PostalAddress", "streetAddress": street.strip(), "postalCode": postcode,
                "addressLocality": town, "addressCountry": "DE"}
    return {"@type": "PostalAddress", "streetAddress": address, "addressCountry": "DE"}


def event(event, alliance, request):
    url = absolute(request, event.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": timezone.localtime(event.starts_at).isoformat(),
        "endDate": timezone.localtime(event.ends_at).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "isAccessibleForFree": True,
        "organizer": alliance_reference(alliance, request),
        "location": {
            "@type": "Place",
            "name": event.venue or alliance.town or alliance.name,
            "address": _postal_address(event.address or ", ".join(alliance.address_lines)),
        },
    }
    description = plain_text(event.description, 500)
    if description:
        data["description"] = description
    if event.registration_open:
        data["offers"] = {
            "@type": "Offer",
            "url": url + "#registration-title",
            "price": 0,
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock" if event.can_register else "https://schema.org/SoldOut",
            "validThrough": timezone.localtime(event.registration_closes_at).isoformat(),
        }
    return [data, breadcrumbs(request, (_("Termine"), reverse("events:list")), (event.title, request.path))]
