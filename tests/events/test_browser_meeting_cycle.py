"""Done-when of issue 22: a Bündnistreffen from "Neues Treffen" to published minutes on
one page, counting the clicks of each step."""

import datetime
import hashlib
from collections import Counter

import pytest
from django.core import mail
from django.utils import timezone

from events import reminders
from events.models import Event, Minutes, Task
from partners import services as partner_services
from tests.factories import PartnerFactory
from tests.support.otp import sign_in
from tests.support.pdfs import pdf_text, squeeze
from tests.support.screenshots import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Clicks(Counter):
    """Every click of the test, per step of the cycle."""

    def __init__(self, page):
        super().__init__()
        self.page, self.step = page, None

    def __call__(self, locator):
        self[self.step] += 1
        locator.click()


def _new_meeting(page, click):
    click.step = "Neues Treffen"
    page.goto("/verwaltung/events/event/")
    click(page.get_by_role("link", name="Neues Treffen"))
    # The German title; its translations wait in the collapsed "Übersetzung: …" sections.
    page.locator("#id_title").fill("Bündnistreffen Frühjahr")
    start = timezone.localtime() + datetime.timedelta(days=20)
    page.locator("#id_starts_at_0").fill(start.strftime("%d.%m.%Y"))
    page.locator("#id_starts_at_1").fill("18:00")
    page.locator("#id_ends_at_0").fill(start.strftime("%d.%m.%Y"))
    page.locator("#id_ends_at_1").fill("20:00")
    click(page.get_by_role("button", name="Sichern und weiter bearbeiten"))
    page.get_by_text("Entwurf", exact=True).wait_for()
    event = Event.objects.get(title="Bündnistreffen Frühjahr")
    assert event.stage == Event.Stage.DRAFT and not mail.outbox
    return event


def _agenda(page, click):
    click.step = "Tagesordnung"
    click(page.get_by_role("link", name="Tagesordnung und Protokoll (0 Minuten)"))
    page.locator("#id_items-0-title").fill("Begrüßung und Berichte")
    page.locator("#id_items-0-duration").fill("30")
    page.locator("#id_recorded_by").fill("Maria Beispiel")
    click(page.get_by_role("button", name="Sichern und weiter bearbeiten"))
    page.get_by_text("Geplante Dauer: 30 Minuten").wait_for()
    click(page.get_by_role("link", name="Zum Treffen"))


def _invite(page, click):
    click.step = "Einladung"
    click(page.get_by_role("link", name="Einladen …"))
    page.get_by_text("Ohne E-Mail-Adresse: 1 Partner").wait_for()
    assert "Kita ohne E-Mail" in page.content()
    assert "1. Begrüßung und Berichte (30 Min.)" in page.content()
    shot(page, "meeting-invite-1366")
    click(page.get_by_role("button", name="Jetzt einladen"))
    page.get_by_text("1 Partner bekommen einen Brief").wait_for()
    [invitation_mail] = mail.outbox
    assert invitation_mail.to == ["info@stadtwerke.example"]


def _reminders(event, click):
    click.step = "Erinnerungen"
    event.refresh_from_db()
    # The time moved forward to a week before the meeting: one reminder, once.
    assert reminders.send_due(now=event.starts_at - datetime.timedelta(days=7)) == 1
    assert reminders.send_due(now=event.starts_at - datetime.timedelta(days=7)) == 0
    assert mail.outbox[-1].subject.startswith("Erinnerung: Bündnistreffen Frühjahr")


def _check_in(page, click):
    click.step = "Anwesenheit (390 px)"
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    click(page.get_by_role("link", name="Anwesenheit erfassen"))
    click(page.get_by_text("Stadtwerke Musterhausen", exact=True))
    shot(page, "meeting-checkin-390")
    click(page.get_by_role("button", name="Anwesenheit speichern"))
    page.get_by_text("Anwesend: 1 Partner, 0 Gäste.").wait_for()
    page.set_viewport_size({"width": 1366, "height": 900})


def _minutes(page, click, event, coordinator):
    click.step = "Protokoll"
    # The meeting took place.
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    minutes = Minutes.objects.get(event=event)
    page.goto(f"/verwaltung/events/minutes/{minutes.pk}/change/")
    page.locator("#id_items-0-decisions").fill("Das Bündnis richtet ein Ferienprogramm aus.")
    page.locator("#id_items-0-votes_yes").fill("9")
    page.locator("#id_items-0-votes_no").fill("0")
    page.locator("#id_items-0-votes_abstain").fill("1")
    click(page.get_by_role("button", name="Sichern und weiter bearbeiten"))
    click(page.locator(".inline-related").get_by_role("link", name="Ändern").first)
    page.locator("#id_tasks-0-description").fill("Flyer zum Ferienprogramm drucken")
    page.locator("#id_tasks-0-responsible").fill("Maria Beispiel")
    page.locator("#id_tasks-0-responsible_account").select_option(label=coordinator.username)
    click(page.get_by_role("button", name="Sichern", exact=True))
    assert Task.objects.get().responsible_account == coordinator
    return minutes


def _approve_and_publish(page, click, event, minutes):
    click.step = "Freigabe"
    page.goto(f"/verwaltung/events/event/{event.pk}/change/")
    click(page.get_by_role("link", name="Protokoll freigeben …"))
    click(page.get_by_role("button", name="Protokoll jetzt freigeben"))
    page.get_by_text("Protokoll freigegeben (Version 1).").wait_for()
    minutes.refresh_from_db()
    assert minutes.approved_sha256 in page.content()

    click.step = "Veröffentlichung"
    click(page.get_by_role("link", name="Protokoll veröffentlichen …"))
    click(page.get_by_role("button", name="Jetzt veröffentlichen"))
    page.get_by_text("Das Protokoll ist veröffentlicht.").wait_for()
    shot(page, "meeting-page-1366")


def test_a_meeting_from_draft_to_published_minutes(page, coordinator, declaration, live_server):
    stadtwerke = PartnerFactory(name="Stadtwerke Musterhausen", contact_email="info@stadtwerke.example")
    PartnerFactory(name="Kita ohne E-Mail", contact_email="")
    sign_in(page, coordinator)
    click = Clicks(page)

    event = _new_meeting(page, click)
    _agenda(page, click)
    _invite(page, click)
    _reminders(event, click)
    _check_in(page, click)
    minutes = _minutes(page, click, event, coordinator)
    _approve_and_publish(page, click, event, minutes)

    pdf_url = f"{live_server.url}/termine/{event.slug}/protokoll.pdf"
    published = page.request.get(pdf_url).body()
    assert hashlib.sha256(published).hexdigest() == minutes.approved_sha256
    text = squeeze(pdf_text(published))
    for expected in ("Stadtwerke Musterhausen", "Abstimmung: 9 Ja, 0 Nein, 1 Enthaltungen",
                     "Flyer zum Ferienprogramm drucken", "Protokoll führt"):
        assert squeeze(expected) in text

    # A later withdrawal leaves the approved PDF as it was.
    partner_services.withdraw(stadtwerke)
    assert page.request.get(pdf_url).body() == published

    print("\nKlicks je Schritt:", dict(click), "– zusammen", sum(click.values()))
    assert sum(click.values()) <= 25
