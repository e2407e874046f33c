import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Minutes
from tests.factories import (
    AgendaItemFactory,
    EventFactory,
    InvitationFactory,
    MinutesFactory,
    PartnerFactory,
    RegistrationFactory,
    SuggestionFactory,
)
from tests.support.accounts import staff_account
from tests.support.responses import assert_admin_page, streamed_body


@pytest.fixture
def admin_client(client, coordinator):
    client.force_login(coordinator)
    return client


def _event_form(**overrides):
    data = {
        "title": "Plenum",
        "slug": "plenum",
        "kind": "plenary",
        "working_group": "",
        "description": "",
        "starts_at_0": "01.06.2031",
        "starts_at_1": "18:00",
        "ends_at_0": "01.06.2031",
        "ends_at_1": "20:00",
        "venue": "Rathaus",
        "address": "",
        "is_public": "on",
        "published": "on",
        "capacity": "",
        "registration_deadline_0": "",
        "registration_deadline_1": "",
        "invitations-TOTAL_FORMS": "0",
        "invitations-INITIAL_FORMS": "0",
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
        "suggestions-TOTAL_FORMS": "0",
        "suggestions-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_admin_creates_event_in_berlin_time(admin_client):
    response = admin_client.post(reverse("admin:events_event_add"), _event_form())
    assert response.status_code == 302
    event = Event.objects.get()
    assert timezone.localtime(event.starts_at).hour == 18


def test_admin_refuses_end_before_start(admin_client):
    response = admin_client.post(
        reverse("admin:events_event_add"), _event_form(ends_at_1="17:00")
    )
    assert response.status_code == 200
    assert "Das Ende darf nicht vor dem Beginn liegen." in response.content.decode()
    assert not Event.objects.exists()


def test_admin_refuses_reserved_slug(admin_client):
    response = admin_client.post(reverse("admin:events_event_add"), _event_form(slug="kalender"))
    assert "für das Portal reserviert" in response.content.decode()
    assert not Event.objects.exists()


def _minutes_form(event, **overrides):
    data = {
        "event": event.pk,
        "visibility": "public",
        "recorded_by": "Koordination",
        "summary": "Kurz zusammengefasst.",
        "number_of_guests": "5",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "0",
        "items-0-position": "2",
        "items-0-title": "Verschiedenes",
        "items-1-position": "1",
        "items-1-title": "Begrüßung",
        "items-1-decisions": "Beschlossen.",
    }
    data.update(overrides)
    return data


def test_admin_writes_minutes_with_agenda_items_in_order(admin_client):
    event = EventFactory(starts_in=datetime.timedelta(days=-2))

    response = admin_client.post(reverse("admin:events_minutes_add"), _minutes_form(event))

    assert response.status_code == 302
    minutes = Minutes.objects.get()
    assert minutes.status == Minutes.Status.DRAFT
    assert [item.title for item in minutes.items.all()] == ["Begrüßung", "Verschiedenes"]


def test_minutes_with_the_agenda_can_be_prepared_before_the_meeting(admin_client):
    event = EventFactory(starts_in=datetime.timedelta(days=2))

    response = admin_client.post(reverse("admin:events_minutes_add"), _minutes_form(event))

    assert response.status_code == 302
    minutes = Minutes.objects.get()
    assert minutes.recorded_by == "Koordination"
    assert [item.title for item in minutes.items.all()] == ["Begrüßung", "Verschiedenes"]


def test_status_cannot_be_set_through_the_form(admin_client):
    event = EventFactory(starts_in=datetime.timedelta(days=-2))
    minutes = MinutesFactory(event=event, approved=False)
    url = reverse("admin:events_minutes_change", args=[minutes.pk])

    admin_client.post(url, _minutes_form(event, status="approved", **{"items-TOTAL_FORMS": "0"}))

    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.DRAFT


def test_approval_is_recorded_and_shows_minutes(admin_client, client, coordinator):
    event = EventFactory(starts_in=datetime.timedelta(days=-2))
    minutes = MinutesFactory(event=event, approved=False)
    AgendaItemFactory(minutes=minutes, position=1, title="Ferienbetreuung")
    assert "Ferienbetreuung" not in client.get(event.get_absolute_url()).content.decode()

    approve = {"action": "approve", "_selected_action": [minutes.pk]}
    page = admin_client.post(reverse("admin:events_minutes_changelist"), approve)
    assert "Ja, ausführen" in page.content.decode()
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.DRAFT  # not before the confirmation
    admin_client.post(reverse("admin:events_minutes_changelist"), {**approve, "post": "yes"})

    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED
    assert minutes.approved_by == coordinator
    assert minutes.approved_at is not None
    # Approved is not yet published: that is the meeting page's next step.
    assert "Ferienbetreuung" not in admin_client.get(event.get_absolute_url()).content.decode()
    admin_client.post(reverse("admin:events_event_publish", args=[event.pk]))
    assert "Ferienbetreuung" in admin_client.get(event.get_absolute_url()).content.decode()

    admin_client.post(
        reverse("admin:events_minutes_changelist"),
        {"action": "reopen", "_selected_action": [minutes.pk], "post": "yes"},
    )
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.DRAFT
    assert minutes.approved_by is None
    assert "Ferienbetreuung" not in admin_client.get(event.get_absolute_url()).content.decode()


def test_minutes_admin_lists_suggestions_from_the_event(admin_client):
    event = EventFactory(starts_in=datetime.timedelta(days=-2))
    minutes = MinutesFactory(event=event, approved=False)
    SuggestionFactory(text="Wickeltisch im Rathaus", event=event)
    SuggestionFactory(text="Andere Anregung")

    content = admin_client.get(
        reverse("admin:events_minutes_change", args=[minutes.pk])
    ).content.decode()

    assert "Wickeltisch im Rathaus" in content
    assert "Andere Anregung" not in content


def test_agenda_item_admin_edits_tasks(admin_client):
    minutes = MinutesFactory(
        event=EventFactory(starts_in=datetime.timedelta(days=-2)),
        approved=False,
    )
    item = AgendaItemFactory(minutes=minutes, position=1, title="Ferien")
    url = reverse("admin:events_agendaitem_change", args=[item.pk])

    response = admin_client.post(url, {
        "minutes": minutes.pk, "position": "1", "title": "Ferien", "discussion": "",
        "decisions": "", "tasks-TOTAL_FORMS": "1", "tasks-INITIAL_FORMS": "0",
        "tasks-0-description": "Träger anfragen", "tasks-0-responsible": "Herr Kaya",
        "tasks-0-due_on": "01.07.2031",
    })

    assert response.status_code == 302
    task = item.tasks.get()
    assert task.responsible == "Herr Kaya"
    assert task.due_on == datetime.date(2031, 7, 1)


def test_event_admin_shows_totals_and_exports_csv(admin_client, plenary):
    RegistrationFactory(
        event=plenary,
        name="Familie Kaya",
        number_of_people=3,
        childcare_needed=True,
        number_of_children=2,
        children_ages="2 und 4",
    )
    RegistrationFactory(event=plenary, name="=HYPERLINK(1)", number_of_people=1)
    RegistrationFactory(
        event=plenary,
        name="Storniert",
        number_of_people=5,
        cancelled_at=timezone.now(),
    )
    InvitationFactory(
        event=plenary,
        partner=PartnerFactory(name='Stadtwerke'),
        reply="accepted",
        number_of_people=2,
    )
    InvitationFactory(event=plenary, reply="declined")
    InvitationFactory(event=plenary)

    content = admin_client.get(
        reverse("admin:events_event_change", args=[plenary.pk])
    ).content.decode()

    assert "Erwartete Personen insgesamt: 6" in content
    assert "Kinderbetreuung: 2 Plätze" in content
    assert "Öffentliche Anmeldungen: 2 mit 4 Personen" in content
    assert "zugesagt: 1 (2 Personen), abgesagt: 1, offen: 1" in content
    assert "Freie Plätze: 14 von 20" in content

    response = admin_client.get(reverse("admin:events_event_csv", args=[plenary.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = streamed_body(response).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:6] == ["Art", "Organisation", "Name", "E-Mail", "Antwort", "Personen"]
    names = [row[1] or row[2] for row in rows[1:]]
    assert "Stadtwerke" in names and "Familie Kaya" in names
    assert "'=HYPERLINK(1)" in names
    assert "Storniert" not in names
    kaya = next(row for row in rows if row[2] == "Familie Kaya")
    assert kaya[5:9] == ["3", "ja", "2", "2 und 4"]


def test_csv_export_needs_admin_login(client, plenary):
    response = client.get(reverse("admin:events_event_csv", args=[plenary.pk]))
    assert response.status_code == 302
    assert "/verwaltung/login/" in response["Location"]


def test_admin_pages_render(admin_client, plenary):
    RegistrationFactory(event=plenary)
    InvitationFactory(event=plenary)
    minutes = MinutesFactory(event=EventFactory(starts_in=datetime.timedelta(days=-3)))
    item = AgendaItemFactory(minutes=minutes, title="Punkt")
    for url in (
        reverse("admin:events_event_changelist"),
        reverse("admin:events_event_change", args=[plenary.pk]),
        reverse("admin:events_event_add"),
        reverse("admin:events_minutes_changelist"),
        reverse("admin:events_minutes_change", args=[minutes.pk]),
        reverse("admin:events_minutes_add"),
        reverse("admin:events_agendaitem_change", args=[item.pk]),
        reverse("admin:events_invitation_changelist"),
        reverse("admin:events_registration_changelist"),
    ):
        assert_admin_page(admin_client.get(url))


def test_suggestions_collected_at_the_event_are_entered_with_the_event(admin_client):
    event = EventFactory(starts_in=datetime.timedelta(days=-1), slug="plenum")
    data = _event_form(**{
        "starts_at_0": timezone.localtime(event.starts_at).strftime("%d.%m.%Y"),
        "starts_at_1": timezone.localtime(event.starts_at).strftime("%H:%M"),
        "ends_at_0": timezone.localtime(event.ends_at).strftime("%d.%m.%Y"),
        "ends_at_1": timezone.localtime(event.ends_at).strftime("%H:%M"),
        "suggestions-TOTAL_FORMS": "1",
        "suggestions-0-text": "Mehr Bänke im Stadtpark",
        "suggestions-0-status": "new",
    })

    response = admin_client.post(reverse("admin:events_event_change", args=[event.pk]), data)

    assert response.status_code == 302
    assert event.suggestions.get().text == "Mehr Bänke im Stadtpark"


def test_approving_needs_the_approve_permission(client):
    from django.contrib.auth.models import Permission

    editor = staff_account("redaktion", "r@example.org", "geheimes-passwort-123",
                                      is_staff=True)
    editor.user_permissions.set(Permission.objects.filter(
        content_type__app_label="events", codename__in=["view_minutes", "change_minutes"]
    ))
    client.force_login(editor)
    minutes = MinutesFactory(
        event=EventFactory(starts_in=datetime.timedelta(days=-2)),
        approved=False,
    )

    client.post(
        reverse("admin:events_minutes_changelist"),
        {"action": "approve", "_selected_action": [minutes.pk], "post": "yes"},
    )

    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.DRAFT
