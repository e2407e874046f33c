import datetime

import icalendar
import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from events import services, tasks
from events.models import Invitation
from tests.factories import EventFactory, FieldOfActionFactory, PartnerFactory, WorkingGroupFactory


@pytest.fixture
def admin_client(client, db):
    user = User.objects.create_superuser("koordination", "k@example.org", "geheimes-passwort-123")
    client.force_login(user)
    return client


def _invite(admin_client, event):
    """The confirmation on the meeting's invitation page."""
    return admin_client.post(reverse("admin:events_event_invite", args=[event.pk]), follow=True)


def test_meeting_page_invites_active_partners_once_each(admin_client, plenary):
    first = PartnerFactory(name="Stadtwerke", contact_email="info@stadtwerke.example")
    second = PartnerFactory(name="Kita Sonnenschein")
    PartnerFactory(name="Noch nicht bestätigt", pending=True)
    PartnerFactory(name="Ohne Adresse", contact_email="")

    response = _invite(admin_client, plenary)

    content = response.content.decode()
    assert "Die Einladungen an 2 Partner gehen im Hintergrund per E-Mail hinaus." in content
    assert "1 Partner bekommen einen Brief" in content
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [first.contact_email, second.contact_email]
    )
    invitations = Invitation.objects.filter(event=plenary)
    assert {invitation.partner.name for invitation in invitations} == {
        "Stadtwerke", "Kita Sonnenschein", "Ohne Adresse"
    }
    assert all(invitation.sent_at for invitation in invitations)
    plenary.refresh_from_db()
    assert plenary.invited_at is not None


def test_invitation_mail_has_links_and_calendar_file(admin_client, plenary):
    partner = PartnerFactory(name="Stadtwerke", contact_email="info@stadtwerke.example")

    _invite(admin_client, plenary)

    [message] = mail.outbox
    invitation = Invitation.objects.get()
    assert message.to == ["info@stadtwerke.example"]
    assert message.subject.startswith("Einladung: Bündnistreffen im Herbst am ")
    assert partner.contact_name in message.body
    assert "Stadtwerke" in message.body
    assert f"http://testserver/termine/einladung/{invitation.token}/zusagen/" in message.body
    assert f"http://testserver/termine/einladung/{invitation.token}/absagen/" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == "buendnistreffen-herbst.ics"
    assert mimetype == "text/calendar"
    [component] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert component.start == plenary.starts_at.replace(microsecond=0)
    assert str(component["URL"]) == "http://testserver/termine/buendnistreffen-herbst/"


def test_second_run_reaches_only_new_partners(admin_client, plenary):
    PartnerFactory()
    PartnerFactory()
    _invite(admin_client, plenary)
    assert len(mail.outbox) == 2
    mail.outbox.clear()
    newcomer = PartnerFactory(name="Neu dabei")

    response = _invite(admin_client, plenary)

    assert [message.to for message in mail.outbox] == [[newcomer.contact_email]]
    assert "an 1 Partner" in response.content.decode()
    mail.outbox.clear()
    response = _invite(admin_client, plenary)
    assert not mail.outbox
    assert "bereits alle Partner eingeladen" in response.content.decode()


def test_working_group_members_only(admin_client):
    field = FieldOfActionFactory(name="Betreuung", slug="betreuung")
    group = WorkingGroupFactory(
        name="AG Ferien", slug="ag-ferien", field_of_action=field, mandate="Ferien planen"
    )
    member = PartnerFactory(name="Mitglied")
    PartnerFactory(name="Kein Mitglied")
    group.members.add(member)
    meeting = EventFactory(kind="working_group", working_group=group)

    response = _invite(admin_client, meeting)

    assert [message.to for message in mail.outbox] == [[member.contact_email]]
    assert "an 1 Partner" in response.content.decode()


def test_no_invitations_for_events_that_have_started(admin_client):
    PartnerFactory()
    event = EventFactory(starts_in=datetime.timedelta(days=-1))

    response = _invite(admin_client, event)

    assert "schon begonnen hat, kann niemand mehr eingeladen werden" in response.content.decode()
    assert not mail.outbox
    assert not Invitation.objects.exists()


def test_failed_mail_is_retried_on_next_run(plenary, monkeypatch, logged_errors):
    partner = PartnerFactory()

    def broken(invitation):
        raise OSError("SMTP nicht erreichbar")

    monkeypatch.setattr("events.emails.send_invitation", broken)
    assert services.send_invitations(plenary) == 0
    assert Invitation.objects.get().sent_at is None
    assert logged_errors.messages() == [f"Einladung an {partner} konnte nicht versandt werden"]

    monkeypatch.undo()
    assert services.send_invitations(plenary) == 1
    assert len(mail.outbox) == 1


def test_task_runs_the_service(plenary):
    PartnerFactory()
    result = tasks.send_invitations.enqueue(plenary.alliance_id, event_id=plenary.pk)
    assert result.return_value == 1
    assert len(mail.outbox) == 1


def test_invitation_only_event_links_calendar_entry_to_the_invitation():
    event = EventFactory(is_public=False)
    PartnerFactory()

    services.send_invitations(event)

    invitation = Invitation.objects.get()
    [(_name, content, _type)] = mail.outbox[0].attachments
    [component] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert str(component["URL"]) == f"http://testserver{invitation.get_absolute_url()}"
