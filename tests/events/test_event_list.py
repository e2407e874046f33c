import datetime
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.factories import EventFactory, MinutesFactory, RegistrationFactory


def test_list_shows_upcoming_public_events_in_date_order(client):
    later = EventFactory(title="Später", starts_in=datetime.timedelta(days=30))
    sooner = EventFactory(title="Bald", starts_in=datetime.timedelta(days=3))
    EventFactory(title="Vorbei", starts_in=datetime.timedelta(days=-3))
    EventFactory(title="Nur für Eingeladene", is_public=False)
    EventFactory(title="Noch nicht veröffentlicht", published=False)

    response = client.get(reverse("events:list"))

    assert response.status_code == 200
    content = response.content.decode()
    assert content.index(sooner.title) < content.index(later.title)
    assert "Vorbei" not in content
    assert "Nur für Eingeladene" not in content
    assert "Noch nicht veröffentlicht" not in content
    assert reverse("events:past") in content
    assert reverse("events:feed") in content
    assert content.count("<h1") == 1


def test_list_shows_places_left_and_closed_registration(client):
    open_event = EventFactory(title="Mit Plätzen", registration_open=True, capacity=10)
    RegistrationFactory(event=open_event, number_of_people=3)
    full_event = EventFactory(title="Voll", registration_open=True, capacity=2)
    RegistrationFactory(event=full_event, number_of_people=2)

    content = client.get(reverse("events:list")).content.decode()

    assert "noch 7 Plätze frei" in content
    assert "Die Veranstaltung ist ausgebucht." in content


def test_past_list_newest_first_with_minutes_marker(client):
    older = EventFactory(title="Gründung", starts_in=datetime.timedelta(days=-3000))
    newer = EventFactory(title="Plenum", starts_in=datetime.timedelta(days=-300))
    EventFactory(title="Zukunft", starts_in=datetime.timedelta(days=3))
    EventFactory(
        title="Intern vorbei",
        starts_in=datetime.timedelta(days=-5),
        is_public=False,
    )
    MinutesFactory(event=older)

    response = client.get(reverse("events:past"))

    content = response.content.decode()
    assert content.index(newer.title) < content.index(older.title)
    assert "Zukunft" not in content
    assert "Intern vorbei" not in content
    assert content.count("Protokoll online") == 1


def test_event_running_now_is_still_listed(client):
    EventFactory(
        title="Läuft gerade",
        starts_in=datetime.timedelta(hours=-1),
        hours=3,
    )
    assert "Läuft gerade" in client.get(reverse("events:list")).content.decode()


def test_home_page_shows_next_events(client):
    EventFactory(title="Nächstes Plenum", starts_in=datetime.timedelta(days=2))
    EventFactory(title="Geheimes Treffen", is_public=False)

    content = client.get("/").content.decode()

    assert "Nächste Termine" in content
    assert "Nächstes Plenum" in content
    assert "Geheimes Treffen" not in content


def test_home_page_without_events_has_no_section(client):
    assert "Nächste Termine" not in client.get("/").content.decode()


def test_upcoming_dates_are_paginated(client, alliance):
    from events.models import Event

    start = timezone.now() + timedelta(days=1)
    for number in range(25):
        EventFactory(
            title=f"Termin {number:02}", slug=f"termin-{number:02}", kind=Event.Kind.PUBLIC,
            starts_at=start + timedelta(days=number), ends_at=start + timedelta(days=number, hours=2),
        )
    first = client.get("/termine/").content.decode()
    assert "Termin 00" in first and "Termin 19" in first and "Termin 20" not in first
    assert 'href="?seite=2"' in first
    second = client.get("/termine/?seite=2").content.decode()
    assert "Termin 20" in second and "Termin 24" in second and "Termin 19" not in second
    assert "Seite 2 von 2" in second
    assert '<a class="page-link" href="?seite=1">Frühere</a>' in second
    assert 'href="?seite=2">Spätere</a>' in first
