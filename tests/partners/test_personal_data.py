"""Access and portability (DSGVO Art. 15 and 20): everything stored about a partner, as JSON."""

import json

import pytest
from django.urls import reverse

from cockpit import mailings
from tests.factories import (
    EventFactory,
    InvitationFactory,
    MailingFactory,
    PartnerFactory,
    ProjectFactory,
    RegistrationFactory,
    WorkingGroupFactory,
)


@pytest.fixture
def partner(declaration):
    partner = PartnerFactory(
        name="Kita Regenbogen", contact_name="Erika Muster", contact_email="erika@kita.example.org"
    )
    WorkingGroupFactory(name="AG Betreuung", members=[partner])
    ProjectFactory(title="Ferienprogramm", partners=[partner])
    InvitationFactory(event=EventFactory(title="Bündnistreffen"), partner=partner, reply="accepted")
    mailings.send(MailingFactory(subject="Neuigkeiten", body="…"))
    return partner


def read(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    return json.loads(response.content)


def assert_everything(data):
    assert data["organisation"]["name"] == "Kita Regenbogen"
    assert data["ansprechperson"] == {
        "name": "Erika Muster", "email": "erika@kita.example.org", "telefon": "",
    }
    assert data["mitgliedschaften"][0]["bestaetigt_am"]
    assert data["arbeitsgruppen"] == ["AG Betreuung"]
    assert data["projekte"] == ["Ferienprogramm"]
    assert data["einladungen"][0]["termin"] == "Bündnistreffen"
    assert data["einladungen"][0]["antwort"] == "zugesagt"
    [delivery] = data["rundmails"]
    assert (delivery["betreff"], delivery["an"]) == ("Neuigkeiten", "erika@kita.example.org")


def test_a_partner_downloads_its_data_through_its_personal_link(client, partner):
    from partners.links import management_path

    manage = client.get(management_path(partner)).content.decode()
    assert "Daten herunterladen" in manage
    assert_everything(read(client.get(management_path(partner) + "daten.json")))


def test_the_coordination_downloads_it_in_the_admin(coordinator_client, partner):
    url = reverse("admin:partners_partner_data", args=[partner.pk])
    change = coordinator_client.get(reverse("admin:partners_partner_change", args=[partner.pk]))
    assert url in change.content.decode()
    assert_everything(read(coordinator_client.get(url)))


def test_the_steering_group_does_not(client, steering_member, partner):
    client.force_login(steering_member)
    assert client.get(reverse("admin:partners_partner_data", args=[partner.pk])).status_code == 403


def test_the_coordination_downloads_a_registrants_data(coordinator_client, declaration):
    first = RegistrationFactory(name="Familie Kaya", email="kaya@example.org", children_ages="3 und 5")
    RegistrationFactory(email="KAYA@example.org", event=EventFactory(title="Zweites Fest"))
    RegistrationFactory(email="andere@example.org")
    response = coordinator_client.post(
        "/verwaltung/events/registration/",
        {"action": "personal_data_action", "_selected_action": [first.pk]},
    )
    data = read(response)
    assert data["email"] == "kaya@example.org"
    assert len(data["anmeldungen"]) == 2
    assert data["anmeldungen"][0]["alter_der_kinder"] == "3 und 5"
