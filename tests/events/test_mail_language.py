"""E-mails and letters of the events app in the recipient's language.

A registrant gets the confirmation in the language of the registration form; a partner
its invitation, reminder and invitation letter in its own language (`Partner.language`).
The texts come from the catalogues the translators are still writing, so each test
compares with what `gettext` gives under the same language (German until a text is
translated) and checks what Django already knows in every language: the month and
weekday names, the links (`reverse()` under the language: /tr/… once the URLs carry
it) and the header Content-Language. The coordination's e-mails stay German.
"""

import datetime
from unittest import mock

import icalendar
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from buendnis.emails import absolute_url
from buendnis.templatetags.buendnis_tags import when
from events import documents, emails, reminders, services
from events.models import Registration, Suggestion
from tests.factories import (
    EventFactory,
    InvitationFactory,
    MinutesFactory,
    PartnerFactory,
    SuggestionFactory,
    UserFactory,
)
from tests.support.pdfs import pdf_text, read_pdf, squeeze


def _when(event, language):
    """The date line of an event as the e-mail writes it in `language`."""
    with translation.override(language):
        return when(event.starts_at)


def _register(client, event, language):
    """The public form in `language`: its address under that language, and the browser's."""
    with translation.override(language):
        url = reverse("events:register", kwargs={"slug": event.slug})
    data = {
        "name": "Ayşe Yılmaz", "email": "ayse@example.org", "number_of_people": "2",
        "privacy": "on", "homepage": "",
    }
    return client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)


def test_a_registration_in_turkish_gets_its_confirmation_in_turkish(client, plenary):
    plenary.starts_at = timezone.make_aware(datetime.datetime(2027, 3, 15, 18, 0))
    plenary.ends_at = plenary.starts_at + datetime.timedelta(hours=2)
    plenary.save()

    response = _register(client, plenary, "tr")

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.language == "tr"
    [message] = mail.outbox
    assert message.to == ["ayse@example.org"]
    assert message.extra_headers["Content-Language"] == "tr"
    with translation.override("tr"):
        assert message.subject == gettext("Ihre Anmeldung: %(title)s") % {"title": plenary.title}
        greeting = gettext("Guten Tag %(name)s,") % {"name": "Ayşe Yılmaz"}
        cancel = absolute_url(registration.get_cancel_url())
        event_url = absolute_url(plenary.get_absolute_url())
    assert message.body.startswith(greeting)
    # Django's Turkish: "Pazartesi, 15. Mart 2027" – not "Montag, 15. März 2027".
    assert _when(plenary, "tr") in message.body
    assert "Pazartesi" in message.body and "Mart" in message.body
    assert "Montag" not in message.body and "März" not in message.body
    # The links as the Turkish site has them (with /tr/ once the URLs carry the language).
    assert cancel in message.body and event_url in message.body
    [(_name, content, _type)] = message.attachments
    assert icalendar.Calendar.from_ical(content).walk("VEVENT")[0]["URL"] == event_url


def test_a_registration_in_german_stays_german(client, plenary):
    _register(client, plenary, "de")

    registration = Registration.objects.get()
    assert registration.language == "de"
    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "de"
    assert message.subject == "Ihre Anmeldung: Bündnistreffen im Herbst"
    assert message.body.startswith("Guten Tag Ayşe Yılmaz,\n\nvielen Dank für Ihre Anmeldung.")
    assert _when(plenary, "de") + "\n" in message.body
    assert _when(plenary, "de").endswith(" Uhr")
    assert f"http://testserver/termine/abmelden/{registration.token}/" in message.body


def test_the_confirmation_is_sent_in_the_registrations_language_not_the_senders(plenary):
    """Sent from a German context (e.g. the admin) – still in the registrant's language."""
    registration = services.register(plenary, {"name": "Olena", "email": "olena@example.org",
                                               "number_of_people": 1})
    registration.language = "uk"
    mail.outbox.clear()

    with translation.override("de"):
        message = emails.send_registration_confirmation(registration)

    assert message.extra_headers["Content-Language"] == "uk"
    assert _when(plenary, "uk") in message.body
    assert translation.get_language() == "de"  # the language of the caller is left as it was


def test_invitation_and_reminder_in_the_partners_language():
    event = EventFactory(title="Bündnistreffen Winter", starts_in=datetime.timedelta(days=20))
    event.invited_at = timezone.now()
    event.save()
    english = PartnerFactory(name="Open Doors", contact_email="doors@example.org", language="en")
    german = PartnerFactory(name="Bäckerei", contact_email="baecker@example.org")

    with translation.override("tr"):  # the coordinator's request does not count
        sent = services.send_invitations(event)

    assert sent == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    invitation = by_address["doors@example.org"]
    assert invitation.extra_headers["Content-Language"] == "en"
    assert _when(event, "en") in invitation.body
    with translation.override("en"):
        token = english.invitations.get().token
        assert absolute_url(reverse("events:accept", kwargs={"token": token})) in invitation.body
        assert invitation.subject == gettext("Einladung: %(title)s am %(date)s") % {
            "title": event.title,
            "date": formats.date_format(timezone.localtime(event.starts_at), "DATE_FORMAT"),
        }
    assert by_address["baecker@example.org"].extra_headers["Content-Language"] == "de"
    assert _when(event, "de") in by_address["baecker@example.org"].body
    assert german.language == "de"

    mail.outbox.clear()
    with translation.override("de"):
        reminder = emails.send_meeting_reminder(english.invitations.get(), 7)
    assert reminder.extra_headers["Content-Language"] == "en"
    assert _when(event, "en") in reminder.body
    with translation.override("en"):
        assert reminder.subject.startswith(gettext("Erinnerung: %(title)s am %(date)s").split("%")[0])


def test_reminders_due_go_out_in_each_partners_language():
    event = EventFactory(starts_in=datetime.timedelta(days=20))
    event.invited_at = timezone.now()
    event.save()
    InvitationFactory(event=event, partner=PartnerFactory(contact_email="uk@example.org", language="uk"))

    with mock.patch("django.utils.timezone.now", return_value=event.starts_at - datetime.timedelta(days=7)):
        assert reminders.send_due() == 1
    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "uk"
    assert _when(event, "uk") in message.body


def test_the_coordinations_mail_about_a_suggestion_stays_german(client, alliance):
    with translation.override("ar"):
        url = reverse("events:suggestions")
    client.post(url, {"text": "Mehr Spielplätze", "email": "familie@example.org"},
                HTTP_ACCEPT_LANGUAGE="ar")

    suggestion = Suggestion.objects.get()
    assert suggestion.language == "ar"
    [message] = mail.outbox
    assert message.to == [alliance.notification_email]
    assert message.extra_headers["Content-Language"] == "de"
    assert message.body.startswith("Guten Tag,\n\nüber das Portal ist eine neue Anregung eingegangen")
    assert "Geschrieben auf Arabisch: Antworten Sie, wenn möglich, in dieser Sprache." in message.body
    assert "/verwaltung/" in message.body


def test_invitation_letters_each_in_the_partners_language():
    event = EventFactory(title="Bündnistreffen Winter", starts_in=datetime.timedelta(days=20))
    turkish = InvitationFactory(event=event, partner=PartnerFactory(
        name="Türk Aile Derneği", contact_email="", language="tr"))
    german = InvitationFactory(
        event=event, partner=PartnerFactory(name="Kita Sonnenschein", contact_email="")
    )

    arabic = InvitationFactory(event=event, partner=PartnerFactory(
        name="جمعية العائلة", contact_email="", language="ar"))

    with translation.override("de"):
        content = documents.invitation_letters_pdf(event, [turkish, german, arabic]).content

    assert len(read_pdf(content).pages) == 3
    text = squeeze(pdf_text(content))
    assert squeeze(_when(event, "tr")) in text
    assert squeeze(_when(event, "de")) in text
    with translation.override("ar"):
        month = formats.date_format(timezone.localtime(event.starts_at), "F")
    assert month in text
    for invitation, language in [(turkish, "tr"), (arabic, "ar"), (german, "de")]:
        with translation.override(language):
            link = absolute_url(reverse("events:invitation", args=[invitation.token]))
        # Whole and left to right, also in the Arabic letter.
        assert squeeze(link) in text


def test_the_coordination_sees_in_german_which_language_a_suggestion_was_written_in(
    coordinator_client,
):
    suggestion = SuggestionFactory(text="Mehr Spielplätze", language="tr")
    page = coordinator_client.get(reverse("admin:events_suggestion_change", args=[suggestion.pk]))
    content = page.content.decode()
    assert "Geschrieben auf" in content and "Türkisch" in content


def test_the_minute_takers_reminder_stays_german():
    taker = UserFactory(username="protokoll", email="protokoll@example.org")
    event = EventFactory(title="Plenum Herbst", starts_in=-datetime.timedelta(hours=3))
    minutes = MinutesFactory(approved=False, minute_taker=taker, event=event)

    with translation.override("tr"):
        message = emails.send_minutes_reminder(minutes, 3)

    assert message.extra_headers["Content-Language"] == "de"
    assert message.subject == "Protokoll fehlt noch: Plenum Herbst"
    assert f"/verwaltung/events/minutes/{minutes.pk}/change/" in message.body
