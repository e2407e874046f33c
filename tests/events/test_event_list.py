import datetime

from django.urls import reverse


def test_list_shows_upcoming_public_events_in_date_order(client, make_event):
    later = make_event(title="Später", starts_in=datetime.timedelta(days=30))
    sooner = make_event(title="Bald", starts_in=datetime.timedelta(days=3))
    make_event(title="Vorbei", starts_in=datetime.timedelta(days=-3))
    make_event(title="Nur für Eingeladene", is_public=False)
    make_event(title="Noch nicht veröffentlicht", published=False)

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


def test_list_shows_places_left_and_closed_registration(client, make_event, make_registration):
    open_event = make_event(title="Mit Plätzen", registration_open=True, capacity=10)
    make_registration(open_event, number_of_people=3)
    full_event = make_event(title="Voll", registration_open=True, capacity=2)
    make_registration(full_event, number_of_people=2)

    content = client.get(reverse("events:list")).content.decode()

    assert "noch 7 Plätze frei" in content
    assert "Die Veranstaltung ist ausgebucht." in content


def test_past_list_newest_first_with_minutes_marker(client, make_event, make_minutes):
    older = make_event(title="Gründung", starts_in=datetime.timedelta(days=-3000))
    newer = make_event(title="Plenum", starts_in=datetime.timedelta(days=-300))
    make_event(title="Zukunft", starts_in=datetime.timedelta(days=3))
    make_event(title="Intern vorbei", starts_in=datetime.timedelta(days=-5), is_public=False)
    make_minutes(older)

    response = client.get(reverse("events:past"))

    content = response.content.decode()
    assert content.index(newer.title) < content.index(older.title)
    assert "Zukunft" not in content
    assert "Intern vorbei" not in content
    assert content.count("Protokoll online") == 1


def test_event_running_now_is_still_listed(client, make_event):
    make_event(title="Läuft gerade", starts_in=datetime.timedelta(hours=-1), hours=3)
    assert "Läuft gerade" in client.get(reverse("events:list")).content.decode()


def test_home_page_shows_next_events(client, make_event):
    make_event(title="Nächstes Plenum", starts_in=datetime.timedelta(days=2))
    make_event(title="Geheimes Treffen", is_public=False)

    content = client.get("/").content.decode()

    assert "Nächste Termine" in content
    assert "Nächstes Plenum" in content
    assert "Geheimes Treffen" not in content


def test_home_page_without_events_has_no_section(client):
    assert "Nächste Termine" not in client.get("/").content.decode()
