import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    AgendaItemFactory,
    EventFactory,
    InvitationFactory,
    MinutesFactory,
    PartnerFactory,
    RegistrationFactory,
    SuggestionFactory,
    TaskFactory,
)


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def _fill_events(count):
    partner = PartnerFactory()
    for number in range(count):
        event = EventFactory(registration_open=True, capacity=1000)
        RegistrationFactory(event=event)
        InvitationFactory(
            event=event,
            partner=partner,
            reply="accepted",
            number_of_people=1,
        )
        EventFactory(starts_in=datetime.timedelta(days=-number - 1))


def test_event_list_queries_do_not_grow(client):
    _fill_events(5)
    few = _queries(client, "/termine/")
    few_past = _queries(client, "/termine/archiv/")
    few_home = _queries(client, "/")

    _fill_events(60)

    assert _queries(client, "/termine/") == few
    assert _queries(client, "/termine/archiv/") == few_past
    assert _queries(client, "/") == few_home


def test_event_page_queries_do_not_grow(client):
    upcoming = EventFactory(registration_open=True, capacity=1000, childcare_offered=True)
    past = EventFactory(starts_in=datetime.timedelta(days=-5))
    minutes = MinutesFactory(event=past)

    def add_rows(count):
        for _number in range(count):
            RegistrationFactory(event=upcoming, number_of_people=2)
            partner = PartnerFactory()
            InvitationFactory(
                event=upcoming,
                partner=partner,
                reply="accepted",
                number_of_people=1,
            )
            minutes.partners_present.add(partner)
            item = AgendaItemFactory(minutes=minutes, title="Punkt")
            TaskFactory(agenda_item=item, description="Aufgabe")
            SuggestionFactory(text="Idee", event=past)

    add_rows(5)
    few_upcoming = _queries(client, upcoming.get_absolute_url())
    few_past = _queries(client, past.get_absolute_url())

    add_rows(100)

    assert _queries(client, upcoming.get_absolute_url()) == few_upcoming
    assert _queries(client, past.get_absolute_url()) == few_past
