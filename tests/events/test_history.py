"""Change history of events, minutes, agenda items, tasks and suggestions."""

import datetime

from django.urls import reverse

from events.models import Suggestion, Task
from tests.factories import AgendaItemFactory, EventFactory, MinutesFactory, SuggestionFactory
from tests.support.admin_forms import changes, edit


def test_minutes_changes_are_recorded(coordinator_client, coordinator):
    event = EventFactory(title="Plenum", starts_in=datetime.timedelta(days=-3))
    minutes = MinutesFactory(event=event, approved=False)
    edit(coordinator_client, "events_minutes", minutes, summary="Beschlüsse gefasst")
    latest = minutes.history.latest()
    assert latest.history_user == coordinator and latest.summary == "Beschlüsse gefasst"
    page = coordinator_client.get(reverse("admin:events_minutes_history", args=[minutes.pk]))
    assert "Beschlüsse gefasst" in page.content.decode()


def test_event_changes_are_recorded(coordinator_client, coordinator):
    event = EventFactory(title="Plenum", venue="Bürgersaal")
    edit(coordinator_client, "events_event", event, venue="Rathaus")
    latest = event.history.latest()
    assert latest.history_user == coordinator
    assert changes(latest)["venue"] == ("Bürgersaal", "Rathaus")


def test_agenda_items_their_decisions_and_tasks_are_recorded(coordinator_client, coordinator):
    minutes = MinutesFactory(approved=False)
    item = AgendaItemFactory(minutes=minutes, title="Ferienbetreuung", position=1)
    edit(coordinator_client, "events_agendaitem", item, decisions="Wir starten im Sommer.",
         **{"tasks-0-description": "Träger anfragen", "tasks-0-responsible": "Frau Berg"})
    latest = item.history.latest()
    assert latest.history_user == coordinator
    assert changes(latest)["decisions"] == ("", "Wir starten im Sommer.")
    task = Task.objects.get()
    assert task.history.get().history_user == coordinator
    assert task.history.get().description == "Träger anfragen"


def test_suggestions_are_recorded_without_name_and_email(coordinator_client, coordinator):
    suggestion = SuggestionFactory(name="Anna Beispiel", email="anna@example.org")
    edit(coordinator_client, "events_suggestion", suggestion, status="done", public_answer="Erledigt!")
    latest = suggestion.history.latest()
    assert latest.history_user == coordinator
    assert changes(latest)["status"] == ("new", "done")
    for record in suggestion.history.all():
        assert not hasattr(record, "email") and not hasattr(record, "name")
    page = coordinator_client.get(reverse("admin:events_suggestion_history", args=[suggestion.pk]))
    assert "Erledigt!" in page.content.decode() and "anna@example.org" not in page.content.decode()


def test_status_actions_are_recorded_one_by_one(coordinator_client, coordinator):
    first, second = SuggestionFactory(), SuggestionFactory()
    coordinator_client.post(
        "/verwaltung/events/suggestion/",
        {"action": "mark_done", "_selected_action": [first.pk, second.pk]},
    )
    for suggestion in (first, second):
        assert suggestion.history.latest().status == Suggestion.Status.DONE
        assert suggestion.history.latest().history_user == coordinator
