"""Events in schema.org JSON-LD, with what search engines require of an event
(name, startDate, location with its address) and what they recommend."""

import datetime

from django.utils import timezone

from tests.factories import EventFactory
from tests.support.structured_data import item_of_type

# Google's event rich results: required, then recommended properties.
REQUIRED = {"name", "startDate", "location"}
RECOMMENDED = {"endDate", "eventStatus", "eventAttendanceMode", "organizer", "description", "offers"}


def test_an_event_page_describes_the_event_as_search_engines_require(client, alliance, plenary):
    plenary.description = "<p>Die Arbeitsgruppen berichten.</p><p>Danach: Kennenlernen.</p>"
    plenary.save()
    response = client.get(plenary.get_absolute_url())
    event = item_of_type(response, "Event")
    assert REQUIRED | RECOMMENDED <= event.keys()
    assert event["name"] == "Bündnistreffen im Herbst"
    assert event["startDate"] == timezone.localtime(plenary.starts_at).isoformat()
    assert datetime.datetime.fromisoformat(event["endDate"]) == plenary.ends_at
    assert event["location"] == {
        "@type": "Place", "name": "Bürgersaal",
        "address": {"@type": "PostalAddress", "streetAddress": "Marktplatz 1", "postalCode": "12345",
                    "addressLocality": "Musterhausen", "addressCountry": "DE"},
    }
    assert event["organizer"]["name"] == alliance.name
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["isAccessibleForFree"] is True
    assert event["description"] == "Die Arbeitsgruppen berichten. Danach: Kennenlernen."
    offer = event["offers"]
    assert offer["url"].endswith("/termine/buendnistreffen-herbst/#registration-title")
    assert (offer["price"], offer["priceCurrency"]) == (0, "EUR")
    assert offer["availability"] == "https://schema.org/InStock"
    crumbs = item_of_type(response, "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Startseite", "Termine", "Bündnistreffen im Herbst"]


def test_without_registration_there_is_no_offer(client):
    event = EventFactory(title="Sommerfest", registration_open=False, address="Stadtpark")
    data = item_of_type(client.get(event.get_absolute_url()), "Event")
    assert "offers" not in data
    assert data["location"]["address"] == {"@type": "PostalAddress", "streetAddress": "Stadtpark",
                                           "addressCountry": "DE"}


def test_a_full_event_is_sold_out(client, plenary):
    plenary.capacity = 0
    plenary.save()
    data = item_of_type(client.get(plenary.get_absolute_url()), "Event")
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"
