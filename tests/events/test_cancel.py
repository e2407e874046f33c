import datetime

from django.urls import reverse
from django.utils import timezone

from tests.factories import EventFactory, RegistrationFactory


def test_cancel_link_shows_button_and_changes_nothing_on_get(client, plenary):
    registration = RegistrationFactory(event=plenary, name="Anna Schmidt")

    response = client.get(registration.get_cancel_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert "Anna Schmidt" in content
    assert "Ja, Anmeldung stornieren" in content
    registration.refresh_from_db()
    assert registration.cancelled_at is None


def test_cancel_by_button(client, plenary):
    registration = RegistrationFactory(event=plenary, number_of_people=4)

    response = client.post(registration.get_cancel_url())

    assert response.status_code == 200
    assert "Ihre Anmeldung ist storniert" in response.content.decode()
    registration.refresh_from_db()
    assert registration.cancelled_at is not None
    assert "Es sind noch 20 Plätze frei." in client.get(plenary.get_absolute_url()).content.decode()


def test_used_cancel_link_explains_and_changes_nothing(client, plenary):
    cancelled_at = timezone.now() - datetime.timedelta(days=1)
    registration = RegistrationFactory(event=plenary, cancelled_at=cancelled_at)

    shown = client.get(registration.get_cancel_url())
    posted = client.post(registration.get_cancel_url())

    assert shown.status_code == 410
    assert "bereits storniert" in shown.content.decode()
    assert posted.status_code == 409
    assert "bereits storniert" in posted.content.decode()
    registration.refresh_from_db()
    assert registration.cancelled_at == cancelled_at


def test_invalid_cancel_link(client, plenary):
    RegistrationFactory(event=plenary)
    response = client.post(reverse("events:cancel", kwargs={"token": "falsch"}))
    assert response.status_code == 404
    assert "Dieser Link ist ungültig" in response.content.decode()


def test_cancel_after_start_is_refused(client):
    event = EventFactory(starts_in=datetime.timedelta(hours=-1))
    registration = RegistrationFactory(event=event)

    response = client.post(registration.get_cancel_url())

    assert response.status_code == 409
    registration.refresh_from_db()
    assert registration.cancelled_at is None
