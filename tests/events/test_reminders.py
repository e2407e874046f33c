"""Reminders 7 and 2 days before a meeting (not to those who declined), and to the
minute-taker 3 and 7 days after while the minutes are missing; idempotent tasks."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events import reminders, tasks
from events.models import Invitation
from tests.factories import EventFactory, InvitationFactory, MinutesFactory, PartnerFactory, UserFactory


def _at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def meeting():
    event = EventFactory(title="Bündnistreffen Winter", starts_in=datetime.timedelta(days=20))
    event.invited_at = timezone.now()
    event.save()
    InvitationFactory(event=event, partner=PartnerFactory(name="Zugesagt", contact_email="ja@example.org"),
                      reply="accepted", number_of_people=2)
    InvitationFactory(event=event, partner=PartnerFactory(name="Offen", contact_email="offen@example.org"))
    InvitationFactory(event=event, partner=PartnerFactory(name="Abgesagt", contact_email="nein@example.org"),
                      reply="declined")
    return event


def test_seven_and_two_days_before_not_to_those_who_declined(meeting):
    start = meeting.starts_at
    with _at(start - datetime.timedelta(days=8)):
        assert reminders.send_due() == 0
    with _at(start - datetime.timedelta(days=7)):
        assert reminders.send_due() == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["ja@example.org", "offen@example.org"]
    accepted = next(message for message in mail.outbox if message.to == ["ja@example.org"])
    assert accepted.subject.startswith("Erinnerung: Bündnistreffen Winter am")
    assert "in 7 Tagen ist es so weit" in accepted.body
    assert "Sie haben zugesagt (2 Personen)" in accepted.body
    mail.outbox.clear()

    with _at(start - datetime.timedelta(days=6)):
        assert reminders.send_due() == 0  # idempotent: the 7-day reminder went out already
    with _at(start - datetime.timedelta(days=2)):
        assert tasks.send_reminders.enqueue(meeting.alliance_id).return_value == 2
        assert tasks.send_reminders.enqueue(meeting.alliance_id).return_value == 0
    assert len(mail.outbox) == 2
    assert Invitation.objects.get(partner__name="Offen").reminded_for == [2, 7]


def test_other_days_own_text_or_none(meeting):
    meeting.reminder_days = "3"
    meeting.reminder_text = "Bitte bringen Sie Ihre Jahresplanung mit."
    meeting.save()
    with _at(meeting.starts_at - datetime.timedelta(days=7)):
        assert reminders.send_due() == 0
    with _at(meeting.starts_at - datetime.timedelta(days=3)):
        assert reminders.send_due() == 2
    assert "Bitte bringen Sie Ihre Jahresplanung mit." in mail.outbox[0].body

    meeting.reminders = False
    meeting.reminder_days = "1"
    meeting.save()
    with _at(meeting.starts_at - datetime.timedelta(days=1)):
        assert reminders.send_due() == 0


def test_a_draft_meeting_reminds_nobody(meeting):
    meeting.invited_at = None
    meeting.save()
    with _at(meeting.starts_at - datetime.timedelta(days=2)):
        assert reminders.send_due() == 0
    assert not mail.outbox


def test_the_minute_taker_is_reminded_while_minutes_are_missing(alliance):
    taker = UserFactory(username="protokoll", email="protokoll@example.org")
    event = EventFactory(title="Plenum Herbst", starts_in=-datetime.timedelta(hours=3))
    minutes = MinutesFactory(approved=False, minute_taker=taker, event=event)
    end = minutes.event.ends_at
    with _at(end + datetime.timedelta(days=2)):
        assert reminders.send_due() == 0
    with _at(end + datetime.timedelta(days=3)):
        assert reminders.send_due() == 1
        assert reminders.send_due() == 0
    [message] = mail.outbox
    assert message.to == ["protokoll@example.org"]
    assert message.subject == "Protokoll fehlt noch: Plenum Herbst"
    assert f"/verwaltung/events/minutes/{minutes.pk}/change/" in message.body

    minutes.status = "approved"
    minutes.save()
    with _at(end + datetime.timedelta(days=7)):
        assert reminders.send_due() == 0
    assert len(mail.outbox) == 1


def test_the_command_enqueues_for_each_alliance(meeting, capsys):
    with _at(meeting.starts_at - datetime.timedelta(days=7)):
        call_command("send_meeting_reminders")
    assert "Erinnerungen für" in capsys.readouterr().out
    assert len(mail.outbox) == 2
