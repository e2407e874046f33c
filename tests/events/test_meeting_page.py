"""The meeting page: status line, invitation with preview, letters, agenda, approval."""

import datetime
import hashlib

import pytest
from django.core import mail
from django.urls import reverse

from buendnis.models import Alliance
from buendnis.tenancy import activate
from events.models import AgendaItem, Event, Invitation, Minutes
from partners import services as partner_services
from tests.factories import (
    AgendaItemFactory,
    AllianceFactory,
    EventFactory,
    MinutesFactory,
    PartnerFactory,
)
from tests.support.pdfs import pdf_text, squeeze


def _url(name, event):
    return reverse(f"admin:events_event_{name}", args=[event.pk])


def test_the_status_line_shows_where_the_meeting_stands(coordinator_client):
    event = EventFactory(title="Bündnistreffen Winter")

    content = coordinator_client.get(_url("change", event)).content.decode()

    assert 'class="current" aria-current="step">Entwurf<' in content
    for stage in ("eingeladen", "läuft", "Protokoll im Entwurf", "freigegeben", "veröffentlicht"):
        assert f">{stage}<" in content
    assert f'href="{_url("invite", event)}">Einladen …<' in content


def test_a_new_meeting_has_its_agenda_at_once(coordinator_client):
    response = coordinator_client.post(reverse("admin:events_event_add"), {
        "title": "Neues Treffen", "slug": "neues-treffen", "kind": "plenary",
        "starts_at_0": "01.06.2031", "starts_at_1": "18:00",
        "ends_at_0": "01.06.2031", "ends_at_1": "20:00",
        "is_public": "on", "published": "on",
        "invitations-TOTAL_FORMS": "0", "invitations-INITIAL_FORMS": "0",
        "registrations-TOTAL_FORMS": "0", "registrations-INITIAL_FORMS": "0",
        "suggestions-TOTAL_FORMS": "0", "suggestions-INITIAL_FORMS": "0",
    })

    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(slug="neues-treffen")
    assert Minutes.objects.get(event=event).status == Minutes.Status.DRAFT
    assert event.stage == Event.Stage.DRAFT
    assert not mail.outbox


def test_the_preview_shows_mail_recipients_and_partners_without_email(coordinator_client):
    event = EventFactory(title="Bündnistreffen Winter", starts_in=datetime.timedelta(days=10))
    minutes = MinutesFactory(event=event, approved=False)
    AgendaItemFactory(minutes=minutes, title="Ferienprogramm", duration=30)
    PartnerFactory(name="Stadtwerke", contact_email="info@stadtwerke.example")
    PartnerFactory(name="Ohne Adresse e. V.", contact_email="")
    PartnerFactory(name="Unbestätigt", pending=True)

    content = coordinator_client.get(_url("invite", event)).content.decode()

    assert "Per E-Mail: 1 Partner" in content
    assert "Stadtwerke &lt;info@stadtwerke.example&gt;" in content
    assert "Ohne E-Mail-Adresse: 1 Partner" in content and "Ohne Adresse e. V." in content
    assert "Unbestätigt" not in content
    assert "Einladung: Bündnistreffen Winter am" in content
    assert "1. Ferienprogramm (30 Min.)" in content
    assert "die Einladungsfrist des Bündnisses beträgt 14 Tage" in content
    # Looking sends nothing.
    assert not mail.outbox and not Invitation.objects.exists()
    event.refresh_from_db()
    assert event.invited_at is None


def test_no_warning_when_the_notice_period_is_kept(coordinator_client):
    event = EventFactory(starts_in=datetime.timedelta(days=30))
    PartnerFactory()
    alliance = Alliance.current()
    alliance.notice_period_days = 21
    alliance.save()

    content = coordinator_client.get(_url("invite", event)).content.decode()

    assert "Einladungsfrist" not in content


def test_invitation_is_post_only_and_sends_the_agenda(coordinator_client):
    event = EventFactory(title="Bündnistreffen Winter")
    AgendaItemFactory(minutes=MinutesFactory(event=event, approved=False), title="Haushalt", duration=20)
    PartnerFactory(name="Stadtwerke")

    coordinator_client.get(_url("invite", event))
    assert not mail.outbox
    response = coordinator_client.post(_url("invite", event), follow=True)

    [message] = mail.outbox
    assert "Tagesordnung:\n1. Haushalt (20 Min.)" in message.body
    event.refresh_from_db()
    assert event.stage == Event.Stage.INVITED
    assert 'aria-current="step">eingeladen<' in response.content.decode()


def test_one_letter_pdf_for_the_partners_without_email(coordinator_client):
    event = EventFactory(title="Bündnistreffen Winter")
    PartnerFactory(name="Kita Regenbogen", contact_email="", town="Musterhausen")
    PartnerFactory(name="Seniorenbeirat", contact_email="")
    PartnerFactory(name="Mit Adresse")
    assert coordinator_client.get(_url("letters", event)).status_code == 302  # nothing yet

    coordinator_client.post(_url("invite", event))
    response = coordinator_client.get(_url("letters", event))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = squeeze(pdf_text(response.content))
    for partner in ("Kita Regenbogen", "Seniorenbeirat"):
        invitation = Invitation.objects.get(partner__name=partner)
        assert squeeze(f"http://testserver/termine/einladung/{invitation.token}/") in text
    assert squeeze("Mit Adresse") not in text
    assert squeeze("Einladung: Bündnistreffen Winter") in text


def test_copy_the_agenda_of_the_previous_meeting(coordinator_client):
    earlier = EventFactory(starts_in=-datetime.timedelta(days=60))
    old = MinutesFactory(event=earlier)
    AgendaItemFactory(minutes=old, position=1, title="Begrüßung", duration=10)
    AgendaItemFactory(minutes=old, position=2, title="Berichte aus den AGs", duration=45)
    event = EventFactory()
    minutes = MinutesFactory(event=event, approved=False)

    coordinator_client.post(_url("copy_agenda", event))

    assert [(item.title, item.duration) for item in minutes.items.all()] == [
        ("Begrüßung", 10), ("Berichte aus den AGs", 45)
    ]
    content = coordinator_client.get(_url("change", event)).content.decode()
    assert "Tagesordnung und Protokoll (55 Minuten)" in content


def test_copy_without_a_previous_meeting_says_so(coordinator_client):
    event = EventFactory()

    response = coordinator_client.post(_url("copy_agenda", event), follow=True)

    assert "kein früheres Treffen mit Tagesordnung" in response.content.decode()
    assert not AgendaItem.objects.exists()


def test_step_pages_refuse_get_where_they_change_state(coordinator_client):
    event = EventFactory()
    assert coordinator_client.get(_url("agenda", event)).status_code == 405
    assert coordinator_client.get(_url("copy_agenda", event)).status_code == 405


def test_another_alliances_meeting_is_not_found(coordinator_client):
    other = AllianceFactory(slug="nachbarn")
    with activate(other):
        foreign = EventFactory()
    for name in ("invite", "letters", "approve", "publish"):
        assert coordinator_client.get(_url(name, foreign)).status_code == 404, name
    assert coordinator_client.post(_url("invite", foreign)).status_code == 404


@pytest.fixture
def minutes_to_approve(full_minutes):
    minutes = full_minutes(approved=False, items=2)
    quiet = PartnerFactory(name="Stiller Partner GmbH", listed=False)
    minutes.partners_present.add(quiet)
    return minutes


def test_approval_freezes_the_pdf_with_version_and_checksum(coordinator_client, minutes_to_approve):
    minutes = minutes_to_approve
    event = minutes.event
    page = coordinator_client.get(_url("approve", event)).content.decode()
    assert "Protokoll jetzt freigeben" in page
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.DRAFT  # looking approves nothing

    coordinator_client.post(_url("approve", event))

    minutes.refresh_from_db()
    assert minutes.is_approved and minutes.version == 1
    frozen = bytes(minutes.approved_pdf)
    assert minutes.approved_sha256 == hashlib.sha256(frozen).hexdigest()
    served = coordinator_client.get(reverse("admin:events_minutes_pdf", args=[minutes.pk])).content
    assert served == frozen
    text = squeeze(pdf_text(served))
    assert squeeze("Stadt Musterhausen") in text and "Stiller" not in text
    assert squeeze("Protokoll führt") in text
    assert minutes.approved_sha256 in coordinator_client.get(_url("change", event)).content.decode()

    # A later withdrawal changes nothing in what was approved.
    partner_services.withdraw(minutes.partners_present.get(name="Stadt Musterhausen"))
    assert coordinator_client.get(reverse("admin:events_minutes_pdf", args=[minutes.pk])).content == frozen


def test_publication_follows_approval(coordinator_client, client, minutes_to_approve):
    event = minutes_to_approve.event
    response = coordinator_client.post(_url("publish", event), follow=True)
    assert "Nur ein freigegebenes Protokoll" in response.content.decode()

    coordinator_client.post(_url("approve", event))
    assert client.get(reverse("events:minutes_pdf", args=[event.slug])).status_code == 404
    coordinator_client.post(_url("publish", event))

    event.refresh_from_db()
    assert event.stage == Event.Stage.PUBLISHED
    response = client.get(reverse("events:minutes_pdf", args=[event.slug]))
    assert response.status_code == 200
    assert response.content == bytes(Minutes.objects.get(event=event).approved_pdf)


def test_approval_needs_the_permission(client, group_lead, minutes_to_approve):
    event = minutes_to_approve.event
    event.working_group = group_lead.led_group
    event.save()
    client.force_login(group_lead)

    assert client.post(_url("approve", event)).status_code == 403
    minutes_to_approve.refresh_from_db()
    assert not minutes_to_approve.is_approved


def test_approving_again_after_reopening_is_a_new_version(coordinator_client, minutes_to_approve):
    event = minutes_to_approve.event
    coordinator_client.post(_url("approve", event))
    response = coordinator_client.post(_url("approve", event), follow=True)
    assert "bereits freigegeben" in response.content.decode()

    reopen = {"action": "reopen", "_selected_action": [minutes_to_approve.pk]}
    # Back to a draft only after the confirmation page.
    page = coordinator_client.post(reverse("admin:events_minutes_changelist"), reopen)
    assert "Ja, ausführen" in page.content.decode()
    coordinator_client.post(reverse("admin:events_minutes_changelist"), {**reopen, "post": "yes"})
    minutes_to_approve.refresh_from_db()
    assert not minutes_to_approve.is_approved and minutes_to_approve.approved_pdf is None
    coordinator_client.post(_url("approve", event))

    minutes_to_approve.refresh_from_db()
    assert minutes_to_approve.version == 2
    assert squeeze("Version 2") in squeeze(pdf_text(bytes(minutes_to_approve.approved_pdf)))
