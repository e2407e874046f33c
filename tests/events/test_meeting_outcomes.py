"""Minutes per agenda item: decisions with their votes, tasks with who and by when; open
tasks on the responsible person's start page and offered for the next meeting's agenda."""

import datetime

from django.urls import reverse
from django.utils import timezone

from events.models import AgendaItem
from tests.factories import AgendaItemFactory, EventFactory, MinutesFactory, TaskFactory, UserFactory
from tests.support.pdfs import pdf_text, squeeze


def test_a_decision_shows_its_votes_in_the_minutes(coordinator_client):
    minutes = MinutesFactory(approved=False)
    AgendaItemFactory(
        minutes=minutes, title="Ferienprogramm", decisions="Das Bündnis unterstützt das Ferienprogramm.",
        votes_yes=7, votes_no=1, votes_abstain=2,
    )

    response = coordinator_client.get(reverse("admin:events_minutes_pdf", args=[minutes.pk]))

    text = squeeze(pdf_text(response.content))
    assert squeeze("Abstimmung: 7 Ja, 1 Nein, 2 Enthaltungen") in text


def test_open_tasks_show_on_the_start_page_of_the_person_responsible(client, coordinator):
    other = UserFactory(username="jemand")
    item = AgendaItemFactory(minutes=MinutesFactory(event=EventFactory(title="Plenum Mai")))
    TaskFactory(agenda_item=item, description="Flyer drucken", responsible_account=coordinator,
                due_on=datetime.date(2031, 6, 1))
    TaskFactory(agenda_item=item, description="Saal buchen", responsible_account=coordinator,
                done_at=timezone.now())
    TaskFactory(agenda_item=item, description="Presse anrufen", responsible_account=other)
    client.force_login(coordinator)

    content = client.get(reverse("admin:index")).content.decode()

    assert "Meine offenen Aufgaben" in content
    assert "Flyer drucken – Plenum Mai, bis 1. Juni 2031" in content
    assert "Saal buchen" not in content and "Presse anrufen" not in content


def test_no_task_section_without_open_tasks(coordinator_client):
    assert "Meine offenen Aufgaben" not in coordinator_client.get(reverse("admin:index")).content.decode()


def test_open_tasks_are_offered_for_the_next_agenda(coordinator_client):
    earlier = MinutesFactory(event=EventFactory(starts_in=-datetime.timedelta(days=30)))
    item = AgendaItemFactory(minutes=earlier)
    TaskFactory(agenda_item=item, description="Flyer drucken", responsible="Frau Weber",
                due_on=datetime.date(2031, 6, 1))
    TaskFactory(agenda_item=item, description="Erledigtes", done_at=timezone.now())
    event = EventFactory()
    minutes = MinutesFactory(event=event, approved=False)

    page = coordinator_client.get(reverse("admin:events_minutes_change", args=[minutes.pk]))
    content = page.content.decode()
    assert "Offene Aufgaben früherer Treffen: 1" in content and "<li>Flyer drucken</li>" in content

    coordinator_client.post(reverse("admin:events_event_open_tasks", args=[event.pk]))

    [added] = AgendaItem.objects.filter(minutes=minutes)
    assert added.title == "Stand der offenen Aufgaben"
    assert added.discussion == "– Flyer drucken (Frau Weber), bis 1. Juni 2031"


def test_nothing_to_offer_says_so(coordinator_client):
    event = EventFactory()

    response = coordinator_client.post(reverse("admin:events_event_open_tasks", args=[event.pk]), follow=True)

    assert "keine Aufgabe offen" in response.content.decode()
    assert not AgendaItem.objects.exists()
