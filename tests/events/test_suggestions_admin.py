"""The coordinator moderates suggestions in the admin."""

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Suggestion
from tests.factories import EventFactory, FieldOfActionFactory, SuggestionFactory, WorkingGroupFactory


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def test_changelist_counts_new_suggestions_and_filters_by_status(admin_client):
    SuggestionFactory(text="Erste neue")
    SuggestionFactory(text="Zweite neue")
    SuggestionFactory(text="Erledigt", status=Suggestion.Status.DONE)
    url = reverse("admin:events_suggestion_changelist")

    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Wünsche und Anregungen (2 neu)" in response.content.decode()
    assert response.context["cl"].result_count == 3

    response = admin_client.get(url, {"status__exact": "done"})
    assert [s.text for s in response.context["cl"].result_list] == ["Erledigt"]


def test_changelist_title_without_new_suggestions(admin_client):
    SuggestionFactory(text="Erledigt", status=Suggestion.Status.DONE)
    content = admin_client.get(reverse("admin:events_suggestion_changelist")).content.decode()
    assert "(0 neu)" not in content
    assert "Wünsche und Anregungen" in content


def test_coordinator_assigns_answers_and_the_answer_appears_publicly(admin_client, client):
    field = FieldOfActionFactory(name="Kindertagesbetreuung", slug="kita")
    group = WorkingGroupFactory(
        name="AG Randzeiten", slug="ag-randzeiten", field_of_action=field, mandate="x"
    )
    suggestion = SuggestionFactory(
        text="Kita schon um 6 Uhr öffnen?", name="Jana Muster", email="jana@example.org"
    )
    assert "Kita schon um 6 Uhr" not in client.get("/anregungen/").content.decode()

    response = admin_client.post(
        reverse("admin:events_suggestion_change", args=[suggestion.pk]),
        {
            "text": suggestion.text, "name": suggestion.name, "email": suggestion.email,
            "field_of_action": field.pk, "working_group": group.pk, "event": "",
            "status": "forwarded", "public_answer": "Die AG Randzeiten prüft das gerade.",
        },
    )

    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.FORWARDED
    assert (suggestion.field_of_action, suggestion.working_group) == (field, group)
    content = client.get("/anregungen/").content.decode()
    assert "Kita schon um 6 Uhr öffnen?" in content
    assert "Die AG Randzeiten prüft das gerade." in content
    assert "weitergeleitet" in content
    assert "Jana Muster" not in content
    assert "jana@example.org" not in content


def test_suggestion_collected_at_an_event_can_be_recorded(admin_client):
    event = EventFactory(
        title="Gründungsveranstaltung", slug="gruendung", kind=Event.Kind.FOUNDING,
        starts_at=timezone.now(), ends_at=timezone.now(),
    )
    response = admin_client.post(
        reverse("admin:events_suggestion_add"),
        {"text": "Auf Karte notiert: mehr Bänke am Spielplatz", "event": event.pk, "status": "new"},
    )
    assert response.status_code == 302
    assert Suggestion.objects.get().event == event


def test_change_form_uses_autocomplete_for_field_and_group(admin_client):
    suggestion = SuggestionFactory(text="Hallo")
    content = admin_client.get(
        reverse("admin:events_suggestion_change", args=[suggestion.pk])
    ).content.decode()
    assert content.count("admin-autocomplete") >= 2
    assert "Absender (nie öffentlich)" in content


def test_actions_set_the_status_of_several_suggestions(admin_client):
    first = SuggestionFactory(text="Eins")
    second = SuggestionFactory(text="Zwei")
    untouched = SuggestionFactory(text="Drei")
    url = reverse("admin:events_suggestion_changelist")

    response = admin_client.post(
        url, {"action": "mark_in_progress", "_selected_action": [first.pk, second.pk]}, follow=True
    )

    assert "2 Anregung(en) sind jetzt in Bearbeitung." in response.content.decode()
    for suggestion in (first, second, untouched):
        suggestion.refresh_from_db()
    assert [first.status, second.status] == [Suggestion.Status.IN_PROGRESS] * 2
    assert untouched.status == Suggestion.Status.NEW
    assert "Wünsche und Anregungen (1 neu)" in response.content.decode()

    admin_client.post(url, {"action": "mark_done", "_selected_action": [first.pk]})
    first.refresh_from_db()
    assert first.status == Suggestion.Status.DONE
