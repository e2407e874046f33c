import datetime

from django.urls import reverse

from events.models import Minutes
from tests.factories import (
    AgendaItemFactory,
    EventFactory,
    FieldOfActionFactory,
    InvitationFactory,
    MinutesFactory,
    PartnerFactory,
    RegistrationFactory,
    SuggestionFactory,
    TaskFactory,
    WorkingGroupFactory,
)
from tests.support.responses import assert_not_found


def test_detail_shows_date_place_description_and_calendar_link(client, plenary):
    plenary.description = "<p>Wir sprechen über <strong>Ferienbetreuung</strong>.</p><script>x()</script>"
    plenary.save()

    response = client.get(plenary.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Bündnistreffen im Herbst</h1>" in content
    assert "Marktplatz 1, 12345 Musterhausen" in content
    assert "<strong>Ferienbetreuung</strong>" in content
    assert "<script>x()" not in content
    assert reverse("events:ics", kwargs={"slug": plenary.slug}) in content
    assert "Es sind noch 20 Plätze frei." in content
    assert "Kinderbetreuung gewünscht" in content


def test_detail_links_working_group(client):

    field = FieldOfActionFactory(name="Beruf und Familie", slug="beruf")
    group = WorkingGroupFactory(
        name="AG Ferien", slug="ag-ferien", field_of_action=field, mandate="Ferien planen"
    )
    event = EventFactory(kind="working_group", working_group=group)

    content = client.get(event.get_absolute_url()).content.decode()

    assert "AG Ferien" in content


def test_full_event_says_so_and_offers_no_form(client, plenary):
    RegistrationFactory(event=plenary, number_of_people=20)

    content = client.get(plenary.get_absolute_url()).content.decode()

    assert "Die Veranstaltung ist ausgebucht." in content
    assert reverse("events:register", kwargs={"slug": plenary.slug}) not in content


def test_deadline_passed_offers_no_form(client):
    event = EventFactory(
        registration_open=True,
        registration_deadline=datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1),
    )
    content = client.get(event.get_absolute_url()).content.decode()
    assert "Die Anmeldefrist ist abgelaufen." in content
    assert "<form" not in content.split("<main")[1]


def test_private_and_unpublished_events_are_404(client):
    assert_not_found(client.get(EventFactory(is_public=False).get_absolute_url()))
    assert_not_found(client.get(EventFactory(published=False).get_absolute_url()))
    assert_not_found(client.get("/termine/gibt-es-nicht/"))


def _minutes_with_content(event, **fields):
    minutes = MinutesFactory(
        event=event,
        summary="Ein gelungener Abend.",
        number_of_guests=12,
        **fields,
    )
    second = AgendaItemFactory(minutes=minutes, position=2, title="Zweiter Punkt")
    first = AgendaItemFactory(
        minutes=minutes, position=1, title="Erster Punkt", decisions="Wir gründen eine AG."
    )
    TaskFactory(agenda_item=first, description="Raum buchen", responsible="Frau Berg")
    SuggestionFactory(text="Mehr Spielplätze am Stadtrand", event=event)
    return minutes, first, second


def test_approved_public_minutes_are_shown(client):
    event = EventFactory(starts_in=datetime.timedelta(days=-20))
    minutes, _first, _second = _minutes_with_content(event)
    minutes.partners_present.add(PartnerFactory(name="Stadtwerke Musterhausen"))
    minutes.partners_present.add(PartnerFactory(name="Ungenannt e. V.", listed=False))

    content = client.get(event.get_absolute_url()).content.decode()

    assert "Ein gelungener Abend." in content
    assert content.index("Erster Punkt") < content.index("Zweiter Punkt")
    assert "Wir gründen eine AG." in content
    assert "Raum buchen" in content and "Frau Berg" in content
    assert "Stadtwerke Musterhausen" in content
    assert "Ungenannt e. V." not in content
    assert "12 Gäste" in content
    assert "Mehr Spielplätze am Stadtrand" in content


def test_draft_minutes_are_not_shown(client):
    event = EventFactory(starts_in=datetime.timedelta(days=-20))
    _minutes_with_content(event, approved=False)

    content = client.get(event.get_absolute_url()).content.decode()

    assert "Erster Punkt" not in content
    assert "Protokoll" not in content.split("<main")[1].split("</main>")[0].replace(
        "Alle Termine", ""
    )


def test_partner_only_minutes_are_not_public_but_reach_invited_partners(client):
    event = EventFactory(starts_in=datetime.timedelta(days=-20))
    _minutes_with_content(event, visibility=Minutes.Visibility.PARTNERS)
    invitation = InvitationFactory(event=event)

    public = client.get(event.get_absolute_url()).content.decode()
    personal = client.get(invitation.get_absolute_url()).content.decode()

    assert "Erster Punkt" not in public
    assert "über ihren persönlichen Einladungslink" in public
    assert "Erster Punkt" in personal
    assert "Raum buchen" in personal


def test_draft_minutes_do_not_reach_partners_either(client):
    event = EventFactory(starts_in=datetime.timedelta(days=-20))
    _minutes_with_content(event, approved=False, visibility="partners")
    invitation = InvitationFactory(event=event)

    assert "Erster Punkt" not in client.get(invitation.get_absolute_url()).content.decode()
