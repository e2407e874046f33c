import re

import pytest
from django.core import mail

from events.models import Registration
from tests.factories import AgendaItemFactory, EventFactory, MinutesFactory, TaskFactory

pytestmark = pytest.mark.browser


def test_citizen_registers_with_childcare_and_cancels(page, axe, live_server, plenary):
    page.goto(plenary.get_absolute_url())
    axe(page)
    page.get_by_label("Name").fill("Anna Schmidt")
    page.get_by_label("E-Mail").fill("anna@example.org")
    page.get_by_label("Anzahl Personen").fill("2")
    page.get_by_label("Kinderbetreuung gewünscht").check()
    page.get_by_label("Anzahl Kinder").fill("1")
    page.get_by_label("Alter der Kinder").fill("4 Jahre")
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen").check()
    page.get_by_role("button", name="Verbindlich anmelden").click()

    page.get_by_role("heading", name="Vielen Dank für Ihre Anmeldung!").wait_for()
    registration = Registration.objects.get()
    assert registration.childcare_needed and registration.number_of_children == 1

    [message] = mail.outbox
    cancel_url = re.search(r"(http://\S+/termine/abmelden/\S+/)", message.body).group(1)
    assert cancel_url.startswith(live_server.url)

    page.goto(cancel_url)
    registration.refresh_from_db()
    assert registration.cancelled_at is None
    page.get_by_role("button", name="Ja, Anmeldung stornieren").click()

    page.get_by_role("heading", name="Ihre Anmeldung ist storniert").wait_for()
    registration.refresh_from_db()
    assert registration.cancelled_at is not None
    assert not page.foreign_requests


def test_event_pages_are_accessible(page, axe, plenary):
    import datetime

    past = EventFactory(title="Gründung", starts_in=datetime.timedelta(days=-400))
    minutes = MinutesFactory(event=past, number_of_guests=3)
    item = AgendaItemFactory(minutes=minutes, position=1, title="Begrüßung")
    TaskFactory(agenda_item=item, description="Fotos verschicken", responsible="Presse")

    for url in ("/termine/", "/termine/archiv/", past.get_absolute_url(), "/"):
        page.goto(url)
        axe(page)
    assert not page.foreign_requests


def test_an_event_with_a_long_venue_fits_a_phone(page, alliance):
    """The facts (when, where, …) break a long compound word rather than push the page
    wider than a phone."""
    event = EventFactory(
        title="Familienfest", venue="Mehrgenerationenbegegnungsstättenzentrum Nachbarschaftshilfe",
        address="Bürgermeister-Wilhelm-Hoffmann-Straße 12, 12345 Musterhausen",
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(event.get_absolute_url())
    page.get_by_role("heading", name="Familienfest").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
