"""Check-in by tapping names, prefilled from the acceptances; the list to sign as PDF."""

import datetime

from django.urls import reverse

from buendnis.tenancy import activate
from events.models import Minutes
from tests.factories import (
    AllianceFactory,
    EventFactory,
    InvitationFactory,
    PartnerFactory,
    RegistrationFactory,
)
from tests.support.pdfs import pdf_text, squeeze


def _url(name, event):
    return reverse(f"admin:events_event_{name}", args=[event.pk])


def test_the_acceptances_are_ticked_before_anyone_checked_in(coordinator_client):
    event = EventFactory(starts_in=-datetime.timedelta(minutes=10))
    coming = PartnerFactory(name="Kita Sonnenschein")
    InvitationFactory(event=event, partner=coming, reply="accepted", number_of_people=2)
    PartnerFactory(name="Stadtwerke")
    PartnerFactory(name="Noch unbestätigt", pending=True)
    RegistrationFactory(event=event, name="Frau Gast")

    content = coordinator_client.get(_url("checkin", event)).content.decode()

    assert f'value="{coming.pk}" id="partner-{coming.pk}" checked>' in content
    assert "Stadtwerke" in content and "Frau Gast" in content
    assert "Noch unbestätigt" not in content


def test_check_in_stores_partners_and_guests(coordinator_client):
    event = EventFactory(starts_in=-datetime.timedelta(minutes=10))
    first, second = PartnerFactory(name="Kita"), PartnerFactory(name="Stadtwerke")
    guest = RegistrationFactory(event=event, name="Frau Gast", number_of_people=3)
    RegistrationFactory(event=event, name="Herr Fern")

    response = coordinator_client.post(
        _url("checkin", event), {"partner": [first.pk, second.pk], "registration": [guest.pk]}, follow=True
    )

    assert "Anwesend: 2 Partner, 3 Gäste." in response.content.decode()
    minutes = Minutes.objects.get(event=event)
    assert set(minutes.partners_present.all()) == {first, second}
    assert minutes.number_of_guests == 3
    guest.refresh_from_db()
    assert guest.checked_in
    # Now what was stored is ticked, not the acceptances.
    content = coordinator_client.get(_url("checkin", event)).content.decode()
    assert f'id="registration-{guest.pk}" checked>' in content


def test_check_in_refuses_who_is_no_active_partner(coordinator_client):
    event = EventFactory(starts_in=-datetime.timedelta(minutes=10))
    pending = PartnerFactory(name="Noch unbestätigt", pending=True)
    other_event_guest = RegistrationFactory(name="Woanders")

    for data in ({"partner": [pending.pk]}, {"registration": [other_event_guest.pk]}):
        response = coordinator_client.post(_url("checkin", event), data)
        assert response.status_code == 400
        assert "Nur aktive Partner und angemeldete Gäste" in response.content.decode()
    assert not Minutes.objects.filter(event=event).exists()


def test_another_alliances_meeting_has_no_check_in(coordinator_client):
    with activate(AllianceFactory(slug="nachbarn")):
        foreign = EventFactory()
    assert coordinator_client.get(_url("checkin", foreign)).status_code == 404
    assert coordinator_client.get(_url("attendance_list", foreign)).status_code == 404


def test_the_attendance_list_has_a_signature_column(coordinator_client):
    event = EventFactory(title="Bündnistreffen Winter")
    InvitationFactory(event=event, partner=PartnerFactory(name="Kita Sonnenschein"), reply="accepted",
                      number_of_people=2)
    InvitationFactory(event=event, partner=PartnerFactory(name="Abgesagt GmbH"), reply="declined")
    RegistrationFactory(event=event, name="Frau Gast")

    response = coordinator_client.get(_url("attendance_list", event))

    assert response["Content-Type"] == "application/pdf"
    text = squeeze(pdf_text(response.content))
    for expected in ("Anwesenheitsliste", "Bündnistreffen Winter", "Unterschrift", "Kita Sonnenschein",
                     "Frau Gast"):
        assert squeeze(expected) in text
    assert "Abgesagt" not in text
