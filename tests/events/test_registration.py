import datetime

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.models import Registration
from tests.factories import EventFactory, InvitationFactory, RegistrationFactory


def _data(**overrides):
    data = {
        "name": "Anna Schmidt",
        "email": "Anna.Schmidt@example.org",
        "number_of_people": "2",
        "childcare_needed": "on",
        "number_of_children": "2",
        "children_ages": "3 und 5 Jahre",
        "accessibility_needs": "Rollstuhlgerechter Platz",
        "privacy": "on",
        "homepage": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def _register(client, event, **overrides):
    return client.post(reverse("events:register", kwargs={"slug": event.slug}), _data(**overrides))


def test_registration_is_stored_and_confirmed_by_mail(client, plenary):
    response = _register(client, plenary)

    assert response.status_code == 302
    assert response["Location"] == reverse("events:registered", kwargs={"slug": plenary.slug})
    registration = Registration.objects.get()
    assert registration.email == "anna.schmidt@example.org"
    assert registration.number_of_people == 2
    assert registration.childcare_needed
    assert registration.number_of_children == 2
    assert registration.children_ages == "3 und 5 Jahre"
    assert registration.accessibility_needs == "Rollstuhlgerechter Platz"

    [message] = mail.outbox
    assert message.to == ["anna.schmidt@example.org"]
    assert message.subject == "Ihre Anmeldung: Bündnistreffen im Herbst"
    assert f"http://testserver/termine/abmelden/{registration.token}/" in message.body
    assert "Kinderbetreuung für 2 Kind(er)" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == f"{plenary.slug}.ics"
    assert mimetype == "text/calendar"
    assert icalendar.Calendar.from_ical(content).walk("VEVENT")[0]["SUMMARY"] == plenary.title

    page = client.get(response["Location"])
    assert "Vielen Dank für Ihre Anmeldung!" in page.content.decode()


def test_places_left_go_down(client, plenary):
    _register(client, plenary, number_of_people="5")
    assert "Es sind noch 15 Plätze frei." in client.get(plenary.get_absolute_url()).content.decode()


def test_accepted_invitations_count_against_capacity(client, plenary):
    InvitationFactory(event=plenary, reply="accepted", number_of_people=19)

    response = _register(client, plenary, number_of_people="2")

    assert response.status_code == 400
    assert "Es sind nur noch 1 Plätze frei." in response.content.decode()
    assert not Registration.objects.exists()


def test_registration_without_childcare_offered_has_no_childcare_fields(client):
    event = EventFactory(registration_open=True)
    content = client.get(event.get_absolute_url()).content.decode()
    assert "Kinderbetreuung gewünscht" not in content

    response = _register(client, event)

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert not registration.childcare_needed
    assert registration.number_of_children == 0


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"email": "keine-adresse"}, "gültige E-Mail-Adresse"),
        ({"number_of_people": "0"}, "mindestens eine Person"),
        ({"number_of_people": "11"}, "höchstens 10 Personen"),
        ({"number_of_people": "-1"}, "mindestens eine Person"),
        ({"number_of_children": "11"}, "höchstens 10 Kinder"),
        ({"name": ""}, "Dieses Feld ist zwingend erforderlich."),
        ({"privacy": None}, "Bitte bestätigen Sie die Datenschutzhinweise."),
        ({"number_of_children": "0"}, "für wie viele Kinder"),
        ({"children_ages": ""}, "Alter der Kinder"),
        ({"homepage": "http://spam.example"}, "sieht nach automatisch erzeugtem Spam aus"),
    ],
)
def test_bad_input_is_refused_and_nothing_stored(client, plenary, overrides, message):
    response = _register(client, plenary, **overrides)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Registration.objects.exists()
    assert not mail.outbox


def test_beyond_capacity_is_refused(client, plenary):
    RegistrationFactory(event=plenary, number_of_people=18)

    response = _register(client, plenary, number_of_people="3")

    assert response.status_code == 400
    assert "Es sind nur noch 2 Plätze frei." in response.content.decode()
    assert Registration.objects.count() == 1


def test_full_event_is_refused(client, plenary):
    RegistrationFactory(event=plenary, number_of_people=20)

    response = _register(client, plenary, number_of_people="1")

    assert response.status_code == 400
    assert "Die Veranstaltung ist ausgebucht." in response.content.decode()
    assert Registration.objects.count() == 1


def test_after_deadline_is_refused(client, plenary):
    plenary.registration_deadline = timezone.now() - datetime.timedelta(minutes=1)
    plenary.save()

    response = _register(client, plenary)

    assert response.status_code == 400
    assert "Die Anmeldefrist ist abgelaufen." in response.content.decode()
    assert not Registration.objects.exists()


def test_after_start_is_refused_without_deadline(client):
    event = EventFactory(registration_open=True, starts_in=datetime.timedelta(hours=-1))
    response = _register(client, event)
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_closed_registration_is_refused(client):
    event = EventFactory(registration_open=False)
    response = _register(client, event)
    assert response.status_code == 400
    assert "keine öffentliche Anmeldung" in response.content.decode()
    assert not Registration.objects.exists()


def test_same_email_twice_is_refused(client, plenary):
    _register(client, plenary)
    mail.outbox.clear()

    response = _register(client, plenary, email="ANNA.SCHMIDT@example.org")

    assert response.status_code == 400
    assert "bereits eine Anmeldung" in response.content.decode()
    assert Registration.objects.count() == 1
    assert not mail.outbox


def test_same_email_may_register_again_after_cancelling(client, plenary):
    RegistrationFactory(
        event=plenary,
        email="anna.schmidt@example.org",
        cancelled_at=timezone.now(),
    )
    assert _register(client, plenary).status_code == 302
    assert Registration.objects.active().count() == 1


def test_private_event_cannot_be_registered_for(client):
    event = EventFactory(registration_open=True, is_public=False)
    assert _register(client, event).status_code == 404
    assert not Registration.objects.exists()


def test_registration_needs_post(client, plenary):
    response = client.get(reverse("events:register", kwargs={"slug": plenary.slug}))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert not plenary.registrations.exists()


def test_rate_limit(client, plenary, settings):
    settings.RATELIMIT_PER_HOUR = 2
    for number in range(2):
        _register(client, plenary, email=f"person{number}@example.org")

    response = _register(client, plenary, email="dritte@example.org")

    assert response.status_code == 429
    assert Registration.objects.count() == 2
