import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from buendnis.models import Alliance
from partners.models import Partner
from tests.factories import (
    EventFactory,
    InvitationFactory,
    MinutesFactory,
    PartnerFactory,
    ProjectFactory,
    RegistrationFactory,
    SuggestionFactory,
    WorkingGroupFactory,
)
from tests.support.accounts import staff_account

DASHBOARD = "/verwaltung/"


def last_year():
    return timezone.now().replace(year=timezone.now().year - 1)


@pytest.fixture
def known_data(field):
    """Known numbers: 5 active (2 unlisted, 1 from last year), 2 unconfirmed, withdrawals."""
    alliance = Alliance.current()
    alliance.moderate_new_partners = True
    alliance.save()
    old = PartnerFactory(
        name="Stadtwerke",
        signed_at=last_year(),
        kind=Partner.Kind.MUNICIPALITY,
        entry_confirmed_at=timezone.now(),
    )
    first = PartnerFactory(name="Kita Sonnenschein", kind=Partner.Kind.YOUTH_WELFARE)
    second = PartnerFactory(name="Bäckerei Korn")
    PartnerFactory(name="Neue Firma", listed=False)
    PartnerFactory(
        name="Will nicht genannt werden",
        listed=False,
        wants_listing=False,
    )
    PartnerFactory(name="Noch unbestätigt 1", pending=True)
    PartnerFactory(name="Noch unbestätigt 2", pending=True)
    PartnerFactory(
        name="Ausgetreten heuer",
        withdrawn=True,
        signed_at=last_year(),
    )
    PartnerFactory(
        name="Ausgetreten letztes Jahr",
        withdrawn=True,
        signed_at=last_year() - datetime.timedelta(days=30),
        withdrawn_at=last_year(),
    )
    WorkingGroupFactory(name="AG Betriebe", field_of_action=field)
    WorkingGroupFactory(name="AG Pflege", field_of_action=field)
    WorkingGroupFactory(name="AG alt", status="completed", field_of_action=field)
    ProjectFactory(title="Ferienbetreuung", status="running", field_of_action=field)
    ProjectFactory(title="Pflegelotsen", status="planned", field_of_action=field)
    event = EventFactory(title="Plenum 2027")
    InvitationFactory(event=event, partner=old, reply="accepted", number_of_people=3)
    InvitationFactory(event=event, partner=first, reply="accepted", number_of_people=2)
    InvitationFactory(event=event, partner=second, reply="declined")
    RegistrationFactory(event=event, name="A", email="a@example.org", number_of_people=1)
    RegistrationFactory(
        event=event, name="B", email="b@example.org", number_of_people=4, childcare_needed=True
    )
    RegistrationFactory(
        event=event, name="C", email="c@example.org", number_of_people=9, cancelled_at=timezone.now()
    )
    past = EventFactory(title="AG-Treffen im Mai", starts_in=datetime.timedelta(days=-30))
    MinutesFactory(event=past, approved=False)
    SuggestionFactory(text="Mehr Spielplätze")
    SuggestionFactory(text="Längere Öffnungszeiten")
    SuggestionFactory(text="Erledigt", status="done")
    return event


def test_dashboard_shows_known_numbers(coordinator_client, known_data):
    response = coordinator_client.get(DASHBOARD)
    assert response.status_code == 200
    data = response.context["dashboard"]
    assert data["numbers"] == {
        "active": 5,
        "new_this_year": 4,
        "unconfirmed": 2,
        "withdrawn_this_year": 1,
        "new_suggestions": 2,
        "overdue": 4,
        "unreachable": 0,
    }
    assert [partner.name for partner in data["waiting_for_release"]] == ["Neue Firma"]
    [event] = data["upcoming_events"]
    assert (event.invited, event.accepted, event.accepted_people, event.declined) == (3, 2, 5, 1)
    assert (event.registered, event.registered_people, event.childcare) == (2, 5, 1)
    assert [minutes.event.title for minutes in data["draft_minutes"]] == ["AG-Treffen im Mai"]
    [field] = data["fields_of_action"]
    assert (field.active_groups, field.running_projects) == (2, 1)
    assert {point.label: point.value for point in data["by_kind"]} == {
        "Kommune": 1,
        "Unternehmen": 3,
        "Träger der Kinder- und Jugendhilfe": 1,
    }
    assert data["over_time"][-1].value == 5
    html = response.content.decode()
    assert "Plenum 2027" in html
    assert "Partner warten auf Freigabe" in html


def test_release_waiting_is_hidden_without_moderation(coordinator_client, known_data):
    alliance = Alliance.current()
    alliance.moderate_new_partners = False
    alliance.save()
    response = coordinator_client.get(DASHBOARD)
    assert response.context["dashboard"]["waiting_for_release"] is None
    assert "Partner warten auf Freigabe" not in response.content.decode()


def test_overdue_entries_are_listed_oldest_first(coordinator_client):
    PartnerFactory(
        name="Geprüft",
        entry_confirmed_at=timezone.now() - datetime.timedelta(days=10),
    )
    PartnerFactory(
        name="Lange her",
        entry_confirmed_at=timezone.now() - datetime.timedelta(days=400),
    )
    PartnerFactory(name="Nie bestätigt")
    PartnerFactory(name="Ausgetreten", withdrawn=True)
    response = coordinator_client.get(DASHBOARD)
    names = [partner.name for partner in response.context["dashboard"]["overdue_partners"]]
    assert set(names) == {"Lange her", "Nie bestätigt"}
    assert "Lange her" in response.content.decode()


def test_charts_are_svg_with_text_alternative_and_no_inline_style(coordinator_client, known_data):
    page = coordinator_client.get(DASHBOARD).content.decode()
    html = page[page.index('<div class="cockpit"') : page.index('<div class="app-')]
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="cockpit-chart"') == 2
    assert '<title id="aktive-partner-im-zeitverlauf-title">' in html
    assert "<desc" in html and "Unternehmen: 3" in html
    assert "style=" not in html
    # Values are written into the chart, not only encoded as bar length or colour.
    assert 'class="chart-value"' in html


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_rows(coordinator_client, known_data):
    few = _queries(coordinator_client)
    for number in range(40):
        partner = PartnerFactory(
            name=f'Mehr {number}',
            confirmed_at=last_year() - datetime.timedelta(days=number * 20),
        )
        InvitationFactory(event=known_data, partner=partner)
    for number in range(5):
        EventFactory(
            title=f'Termin {number}',
            starts_in=datetime.timedelta(days=number + 1),
        )
    assert _queries(coordinator_client) == few


def test_user_without_role_sees_no_dashboard(client, django_user_model, known_data):
    user = staff_account("ohne", password="ein-langes-passwort-123", is_staff=True)
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert response.context["dashboard"] is None
    assert "Plenum 2027" not in response.content.decode()


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith("/verwaltung/login/")


def test_every_admin_section_and_model_is_named_in_german(admin_client, alliance):
    # The installation's superuser sees every section, also those of third-party apps.
    content = admin_client.get("/verwaltung/").content.decode()
    for english in ("OTP_TOTP", "TOTP devices", "Tasks Database Backend", "Task Results", "Buendnis"):
        assert english not in content
    for german in ("Team", "Authenticator-Apps", "Einstellungen", "Bündnisprofil"):
        assert german in content
    # Background tasks are every alliance's: the Servicestelle's page, not an alliance's.
    assert "Hintergrundaufgaben" not in content


def test_the_admin_scripts_speak_german_where_django_does_not(admin_client):
    # Django 5.2's German catalogue lacks the two-box selection's strings (fields of
    # action, members, partners); buendnis/locale adds them.
    catalogue = admin_client.get("/verwaltung/jsi18n/").content.decode()
    for german in ("Alle %s ausw\\u00e4hlen", "Alle %s entfernen", "Ausgew\\u00e4hlte %s hinzuf\\u00fcgen"):
        assert german in catalogue
