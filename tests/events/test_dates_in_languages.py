"""Dates in the reader's language: the event page, an event's e-mail and the partner
certificate in English, Turkish, Arabic and Ukrainian have no German month or weekday and
no "Uhr"; in German they read as they always did ("Samstag, 15. März 2031, 18:00 Uhr").
The formats are portal/formats/<language>/formats.py, read by buendnis_tags' filters."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from events import emails
from partners.documents import partner_certificate_file
from tests.factories import AT_FOUNDING, EventFactory, PartnerFactory, RegistrationFactory
from tests.support.pdfs import pdf_text, squeeze

GERMAN = re.compile(
    r"\b(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    r"|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Uhr)\b"
)
OTHERS = ["en", "tr", "ar", "uk"]
STARTS = datetime.datetime(2031, 3, 15, 18, 0)


@pytest.fixture
def event(db):
    starts = timezone.make_aware(STARTS)
    return EventFactory(
        title="Familienfest", slug="familienfest", starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2), registration_open=True, capacity=20,
        registration_deadline=starts - datetime.timedelta(hours=30),
    )


def _page_text(client, event, language):
    """The event page's text (tags taken out) at its address in `language`."""
    with translation.override(language):
        url = reverse("events:detail", kwargs={"slug": event.slug})
    return re.sub(r"<[^>]+>", "", client.get(url).content.decode())


def _dates_of(text):
    """The text's date words, without the event's German title."""
    return GERMAN.findall(text.replace("Familienfest", ""))


@pytest.mark.parametrize("language", OTHERS)
def test_the_event_page_has_no_german_dates(client, event, language):
    text = _page_text(client, event, language)
    assert "2031" in text
    assert _dates_of(text) == []


def test_the_event_page_in_german_is_unchanged(client, event):
    text = _page_text(client, event, "de")
    assert "Samstag, 15. März 2031, 18:00–20:00 Uhr" in text
    assert "Anmeldung bis 14. März 2031, 12:00 Uhr." in text


def test_an_event_over_two_days_in_german(client, event):
    event.ends_at = event.starts_at + datetime.timedelta(days=1)
    event.save()
    text = _page_text(client, event, "de")
    assert "Samstag, 15. März 2031, 18:00 Uhr bis Sonntag, 16. März 2031, 18:00 Uhr" in text


def test_an_event_over_two_days_in_english(client, event):
    event.ends_at = event.starts_at + datetime.timedelta(days=1)
    event.save()
    text = _page_text(client, event, "en")
    assert "Saturday, 15 March 2031, 18:00" in text and "Sunday, 16 March 2031, 18:00" in text


@pytest.mark.parametrize("language", OTHERS)
def test_the_confirmation_has_no_german_dates(event, language):
    registration = RegistrationFactory(event=event, language=language)
    mail.outbox.clear()

    message = emails.send_registration_confirmation(registration)

    assert "2031" in message.body
    assert _dates_of(message.body) == []


def test_the_confirmation_in_german_is_unchanged(event):
    registration = RegistrationFactory(event=event, language="de")

    message = emails.send_registration_confirmation(registration)

    assert "Samstag, 15. März 2031, 18:00 Uhr\n" in message.body


@pytest.mark.parametrize("language", OTHERS)
def test_the_certificate_has_no_german_dates(alliance, language):
    partner = PartnerFactory(name="Open Doors", language=language, **AT_FOUNDING)

    text = squeeze(pdf_text(partner_certificate_file(partner).content))

    assert "2017" in text
    assert _dates_of(text.replace("Bündnis", "")) == []


def test_the_certificate_in_german_is_unchanged(alliance):
    partner = PartnerFactory(name="Open Doors", **AT_FOUNDING)

    text = squeeze(pdf_text(partner_certificate_file(partner).content))

    assert squeeze("ist seit dem 8. November 2017 Partner des Bündnisses") in text
