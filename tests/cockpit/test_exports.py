import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import (
    EventFactory,
    InvitationFactory,
    PartnerFactory,
    ProjectFactory,
    RegistrationFactory,
    WorkingGroupFactory,
)
from tests.support.accounts import staff_account
from tests.support.cursors import no_open_cursors
from tests.support.responses import assert_login_required, assert_not_found, streamed_body
from tests.support.tenancy import outside_any_scope


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = streamed_body(response).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def read_xlsx(response):
    workbook = load_workbook(io.BytesIO(streamed_body(response)), read_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


@pytest.fixture
def partners():
    return [
        PartnerFactory(name="Zahnarztpraxis", contact_email="praxis@example.org"),
        PartnerFactory(name="=HYPERLINK(\"http://evil\")"),
        PartnerFactory(name="Autohaus Adler", town="Musterhausen"),
        PartnerFactory(name="Unbestätigt", pending=True),
        PartnerFactory(name="Ausgetreten", withdrawn=True),
    ]


def test_partner_csv_contains_active_partners_with_contact_data(coordinator_client, partners):
    response = coordinator_client.get(reverse("cockpit:export_partners", args=["csv"]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][:6] == ["Name", "Art", "Ort", "Website", "Ansprechperson", "E-Mail"]
    names = [row[0] for row in rows[1:]]
    assert names == ['\'=HYPERLINK("http://evil")', "Autohaus Adler", "Zahnarztpraxis"]
    praxis = rows[3]
    assert praxis[1] == "Unternehmen" and praxis[5] == "praxis@example.org"


def test_partner_excel_parses_with_the_same_rows(coordinator_client, partners):
    response = coordinator_client.get(reverse("cockpit:export_partners", args=["xlsx"]))
    assert response.status_code == 200
    rows = read_xlsx(response)
    assert rows[0][0] == "Name"
    assert [row[0] for row in rows[1:]] == ['\'=HYPERLINK("http://evil")', "Autohaus Adler", "Zahnarztpraxis"]
    assert rows[2][2] == "Musterhausen"


def test_partner_export_is_for_the_coordinator_only(client, django_user_model, partners):
    viewer = staff_account("nur-lesen", password="x", is_staff=True)
    client.force_login(viewer)
    refused = client.get(reverse("cockpit:export_partners", args=["csv"]))
    assert refused.status_code == 403
    assert "text/csv" not in refused["Content-Type"]
    client.logout()
    assert_login_required(client.get(reverse("cockpit:export_partners", args=["csv"])))


def test_unknown_format_is_not_found(coordinator_client):
    assert_not_found(coordinator_client.get("/verwaltung/exporte/partner.pdf"))


def test_event_export_lists_replies_and_registrations(coordinator_client, partners):
    event = EventFactory(title="Plenum")
    InvitationFactory(event=event, partner=partners[0], reply="accepted", number_of_people=2)
    InvitationFactory(event=event, partner=partners[2], reply="declined")
    RegistrationFactory(
        event=event,
        name="Familie Lang",
        email="lang@example.org",
        number_of_people=3,
        childcare_needed=True,
        number_of_children=2,
        children_ages="3, 5",
    )
    RegistrationFactory(
        event=event, name="Storniert", email="s@example.org", cancelled_at=event.starts_at
    )
    other = EventFactory(title="Anderer Termin")
    InvitationFactory(event=other, partner=partners[1])

    rows = read_csv(coordinator_client.get(reverse("cockpit:export_event", args=[event.pk, "csv"])))
    # The coordination sees the contact addresses of invited partners and registrants;
    # an organisation and a person stand in columns of their own.
    assert rows[0][:6] == ["Art", "Organisation", "Name", "E-Mail", "Antwort", "Personen"]
    assert [row[:6] for row in rows[1:]] == [
        ["Einladung", "Autohaus Adler", "", partners[2].contact_email, "abgesagt", "0"],
        ["Einladung", "Zahnarztpraxis", "", "praxis@example.org", "zugesagt", "2"],
        ["Anmeldung", "", "Familie Lang", "lang@example.org", "angemeldet", "3"],
    ]
    assert rows[3][6:9] == ["ja", "2", "3, 5"]
    rows = read_xlsx(coordinator_client.get(reverse("cockpit:export_event", args=[event.pk, "xlsx"])))
    assert len(rows) == 4 and rows[3][6] is True
    assert_not_found(coordinator_client.get(reverse("cockpit:export_event", args=[9999, "csv"])))


def test_project_export(coordinator_client, partners, field):
    group = WorkingGroupFactory(name="AG Ferien", field_of_action=field)
    project = ProjectFactory(title="Ferienprogramm", status="running", working_group=group)
    project.partners.set([partners[0], partners[2]])
    ProjectFactory(title="Elterncafé", field_of_action=field)
    rows = read_csv(coordinator_client.get(reverse("cockpit:export_projects", args=["csv"])))
    assert rows[1][:4] == ["Elterncafé", "in Planung", "Familie und Beruf", "bündnisweit"]
    assert rows[2][:4] == ["Ferienprogramm", "laufend", "Familie und Beruf", "AG Ferien"]
    assert rows[2][6] == "Autohaus Adler, Zahnarztpraxis"
    rows = read_xlsx(coordinator_client.get(reverse("cockpit:export_projects", args=["xlsx"])))
    assert [row[0] for row in rows] == ["Titel", "Elterncafé", "Ferienprogramm"]


def test_partner_export_streams_in_chunks(coordinator_client, django_assert_max_num_queries):
    for number in range(30):
        PartnerFactory(name=f'Partner Nr. {number:03d}')
    response = coordinator_client.get(reverse("cockpit:export_partners", args=["csv"]))
    # Streaming: the rows are produced while the response is read, a chunk at a time
    # (the ids, the partners, their signatures, the declarations signed).
    assert response.streaming
    with django_assert_max_num_queries(4), no_open_cursors():
        rows = read_csv(response)
    assert len(rows) == 31


def test_no_export_keeps_a_cursor_open(coordinator_client, partners, field):
    ProjectFactory(title="Elterncafé", field_of_action=field, partners=[partners[0]])
    event = EventFactory(title="Plenum")
    InvitationFactory(event=event, partner=partners[0], reply="accepted", number_of_people=2)
    RegistrationFactory(event=event, name="Familie Lang", email="lang@example.org")
    rows = {  # a header and the rows
        reverse("cockpit:export_partners", args=["csv"]): 1 + 3,
        reverse("cockpit:export_projects", args=["csv"]): 1 + 1,
        reverse("cockpit:export_event", args=[event.pk, "csv"]): 1 + 2,
    }
    with no_open_cursors():
        for url, count in rows.items():
            assert len(read_csv(coordinator_client.get(url))) == count, url


def test_admin_actions_export_selected_projects_and_one_events_replies(coordinator_client, partners, field):
    chosen = ProjectFactory(title="Elterncafé", field_of_action=field)
    ProjectFactory(title="Nicht gewählt", field_of_action=field)
    response = coordinator_client.post(
        reverse("admin:arbeitsgruppen_project_changelist"),
        {"action": "export_action", "_selected_action": [chosen.pk]},
    )
    assert [row[0] for row in read_xlsx(response)] == ["Titel", "Elterncafé"]

    event = EventFactory(title="Plenum")
    InvitationFactory(event=event, partner=partners[0], reply="accepted", number_of_people=2)
    changelist = reverse("admin:events_event_changelist")
    response = coordinator_client.post(
        changelist, {"action": "export_replies_action", "_selected_action": [event.pk]}
    )
    expected = ["Einladung", "Zahnarztpraxis", None, "praxis@example.org", "zugesagt", 2]
    assert read_xlsx(response)[1][:6] == expected
    other = EventFactory(title="Zweiter Termin")
    response = coordinator_client.post(
        changelist, {"action": "export_replies_action", "_selected_action": [event.pk, other.pk]}, follow=True
    )
    assert "Bitte genau einen Termin auswählen." in response.content.decode()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_steering_group_gets_replies_without_anything_about_persons(client, steering_member, partners, fmt):
    event = EventFactory(title="Plenum")
    InvitationFactory(event=event, partner=partners[0], reply="accepted", number_of_people=2)
    RegistrationFactory(
        event=event, name="Familie Lang", email="lang@example.org", number_of_people=3,
        childcare_needed=True, number_of_children=2, children_ages="3, 5",
        accessibility_needs="Rollstuhlplatz",
    )
    client.force_login(steering_member)
    response = client.get(reverse("cockpit:export_event", args=[event.pk, fmt]))
    rows = read_csv(response) if fmt == "csv" else read_xlsx(response)
    assert rows[0] == ["Art", "Organisation", "Antwort", "Personen", "Datum"]
    assert [row[:4] for row in rows[1:]] == [
        ["Einladung", "Zahnarztpraxis", "zugesagt", 2 if fmt == "xlsx" else "2"],
        ["Anmeldung", "" if fmt == "csv" else None, "angemeldet", 3 if fmt == "xlsx" else "3"],
    ]
    cells = [str(cell) for row in rows for cell in row if cell is not None]
    for personal in ("Familie Lang", "lang@example.org", "3, 5", "Rollstuhlplatz", "praxis@example.org"):
        assert not [cell for cell in cells if personal in cell], personal


def test_a_streamed_export_is_complete_when_read_after_the_request(coordinator_client, partners):
    """The server reads a streamed CSV after the view and the middleware have returned:
    its rows must still come from the alliance's data (they were lost outside the scope)."""
    response = coordinator_client.get(reverse("cockpit:export_partners", args=["csv"]))
    with outside_any_scope():
        text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert len(text.strip().splitlines()) == 1 + 3
    assert "Zahnarztpraxis" in text and "Autohaus Adler" in text
