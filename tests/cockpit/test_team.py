"""The Team page: the coordinator invites, changes roles, resets a lost second factor and
ends accounts of her own alliance; nobody else's, and nobody but Koordination."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from buendnis import backup_codes
from buendnis.models import Account, Domain
from buendnis.roles import COORDINATION, STEERING_GROUP, WORKING_GROUP_LEAD
from buendnis.tenancy import activate
from tests.factories import AllianceFactory, TOTPDeviceFactory, UserFactory, WorkingGroupFactory
from tests.support.responses import assert_not_found

TEAM = reverse("cockpit:team")
INVITE = reverse("cockpit:team_invite")


def member_url(user):
    return reverse("cockpit:team_member", args=[user.pk])


def action_url(user, action):
    return reverse("cockpit:team_action", args=[user.pk, action])


@pytest.fixture
def colleague(role_groups):
    return UserFactory(username="kollegin", first_name="Eva", last_name="Ludwig", roles=[COORDINATION])


@pytest.fixture
def other_alliance_account(role_groups, alliance):
    """A coordinator of Nordheim, another alliance on the installation (this one keeps
    `testserver`)."""
    Domain.objects.create(alliance=alliance, name="testserver", is_primary=True)
    nordheim = AllianceFactory(slug="nordheim")
    with activate(nordheim):
        return UserFactory(username="koordination@nordheim.example.org", roles=[COORDINATION])


def test_the_team_page_lists_the_alliances_accounts_with_what_each_role_may_do(
    coordinator_client, coordinator, steering_member, group_lead, other_alliance_account, admin_user
):
    coordinator.last_login = "2026-12-07T10:00:00+01:00"
    coordinator.save()
    TOTPDeviceFactory(user=steering_member, name="App", confirmed=True)

    response = coordinator_client.get(TEAM)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Maria Beispiel" in page
    assert "steuerung" in page and "ag-leitung" in page
    assert "leitet AG Eigene" in page
    assert "7. Dezember 2026" in page and "noch nie" in page
    # One sentence per role.
    assert "Sieht alles und gibt Protokolle frei" in page
    assert "Pflegt nur die Arbeitsgruppen, die sie leitet" in page
    assert "Führt das Bündnis in der Verwaltung" in page
    members = list(response.context["members"])
    assert {member.username for member in members} == {"koordination", "steuerung", "ag-leitung"}
    assert {member.username: member.has_app for member in members}["steuerung"] is True
    # Never another alliance's account, never a superuser.
    assert "nordheim" not in page
    assert admin_user.email not in page


def test_steering_group_and_group_leads_see_no_team_page(client, steering_member, group_lead, coordinator):
    for user in (steering_member, group_lead):
        client.force_login(user)
        for url in (TEAM, INVITE, member_url(coordinator), action_url(coordinator, "entfernen")):
            assert client.get(url).status_code == 403
        assert client.post(action_url(coordinator, "entfernen")).status_code == 403
    coordinator.refresh_from_db()
    assert coordinator.is_active


def test_coordinator_invites_a_group_lead_who_gets_a_link(coordinator_client, coordinator, role_groups):
    group = WorkingGroupFactory(name="AG Zeitpolitik")
    page = coordinator_client.get(INVITE).content.decode()
    assert "Einladung senden" in page and "AG Zeitpolitik" in page

    response = coordinator_client.post(
        INVITE,
        {
            "email": " Jana.Vogel@Example.org ",
            "first_name": "Jana",
            "last_name": "Vogel",
            "role": WORKING_GROUP_LEAD,
            "working_groups": [group.pk],
        },
        follow=True,
    )

    assert "Jana Vogel ist eingeladen: Der Link ging an jana.vogel@example.org." in response.content.decode()
    user = get_user_model().objects.get(username="jana.vogel@example.org")
    assert user.is_staff and not user.is_superuser and not user.has_usable_password()
    assert Account.objects.filter(user=user).exists()
    assert list(user.groups.values_list("name", flat=True)) == [WORKING_GROUP_LEAD]
    assert list(user.led_working_groups.all()) == [group]
    (message,) = mail.outbox
    assert message.to == ["jana.vogel@example.org"]
    assert "Maria Beispiel lädt Sie" in message.body
    assert "Ihre Rolle: AG-Leitung. Pflegt nur die Arbeitsgruppen" in message.body
    link = re.search(r"http://testserver(/verwaltung/zugang/\S+)", message.body).group(1)
    form = coordinator_client.get(link, follow=True)
    assert form.context["validlink"]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"email": "kein-adresse", "role": STEERING_GROUP}, "gültige E-Mail-Adresse"),
        ({"email": "steuerung@example.org", "role": STEERING_GROUP}, "gibt es schon einen Zugang"),
        ({"email": "neu@example.org", "role": WORKING_GROUP_LEAD}, "mindestens eine Arbeitsgruppe"),
        ({"email": "neu@example.org", "role": "Servicestelle"}, "keine gültige Auswahl"),
    ],
)
def test_an_invitation_with_wrong_data_changes_nothing(coordinator_client, steering_member, data, error):
    before = get_user_model().objects.count()
    response = coordinator_client.post(INVITE, {"first_name": "Jana", "last_name": "Vogel", **data})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert get_user_model().objects.count() == before
    assert mail.outbox == []


def test_the_address_of_another_alliances_account_is_not_invited_again(
    coordinator_client, other_alliance_account
):
    data = {"email": other_alliance_account.username, "first_name": "A", "last_name": "B"}
    response = coordinator_client.post(INVITE, {**data, "role": STEERING_GROUP})
    assert "gibt es schon einen Zugang" in response.content.decode()
    assert not other_alliance_account.groups.filter(name=STEERING_GROUP).exists()


def test_coordinator_changes_a_role_and_the_person_is_told(coordinator_client, group_lead):
    page = coordinator_client.get(member_url(group_lead)).content.decode()
    assert "Rolle speichern" in page and "noch nicht eingerichtet" in page

    response = coordinator_client.post(member_url(group_lead), {"role": STEERING_GROUP}, follow=True)

    assert "hat jetzt die Rolle Steuerungsgruppe" in response.content.decode()
    group_lead.refresh_from_db()
    assert list(group_lead.groups.values_list("name", flat=True)) == [STEERING_GROUP]
    assert not group_lead.led_working_groups.exists()
    (message,) = mail.outbox
    assert message.to == [group_lead.email]
    assert "Ihre Rolle ist jetzt: Steuerungsgruppe." in message.body


def test_the_last_coordinator_can_neither_leave_nor_give_up_the_role(coordinator_client, coordinator):
    response = coordinator_client.post(action_url(coordinator, "entfernen"))
    assert response.status_code == 400
    assert "die einzige Person mit der Rolle Koordination" in response.content.decode()
    response = coordinator_client.post(member_url(coordinator), {"role": STEERING_GROUP})
    assert response.status_code == 400
    assert "Geben Sie zuerst einer zweiten Person diese Rolle." in response.content.decode()
    coordinator.refresh_from_db()
    assert coordinator.is_active
    assert list(coordinator.groups.values_list("name", flat=True)) == [COORDINATION]
    assert mail.outbox == []


def test_with_a_second_coordinator_she_may_leave(coordinator_client, coordinator, colleague):
    response = coordinator_client.post(action_url(coordinator, "entfernen"))
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert not coordinator.is_active
    # Her session ends with it.
    assert coordinator_client.get(TEAM).status_code == 302


def test_removing_asks_first_then_deactivates_and_keeps_the_account(coordinator_client, steering_member):
    confirm = coordinator_client.get(action_url(steering_member, "entfernen"))
    assert "kann sich danach nicht mehr anmelden" in confirm.content.decode()
    assert "Ja, Zugang beenden" in confirm.content.decode()
    steering_member.refresh_from_db()
    assert steering_member.is_active  # GET changes nothing

    response = coordinator_client.post(action_url(steering_member, "entfernen"), follow=True)

    assert "Der Zugang von steuerung ist beendet." in response.content.decode()
    steering_member.refresh_from_db()
    assert not steering_member.is_active
    assert Account.objects.filter(user=steering_member).exists()
    assert "Zugang beendet" in coordinator_client.get(TEAM).content.decode()
    (message,) = mail.outbox
    assert message.to == [steering_member.email] and "beendet" in message.subject
    assert not coordinator_client.login(username="steuerung", password="ein-langes-passwort-123")
    again = coordinator_client.post(action_url(steering_member, "entfernen"))
    assert again.status_code == 400 and "schon beendet" in again.content.decode()
    assert len(mail.outbox) == 1


def test_resetting_a_lost_phone_voids_the_app_and_the_codes(coordinator_client, colleague):
    TOTPDeviceFactory(user=colleague, name="App", confirmed=True)
    backup_codes.new_backup_codes(colleague)
    assert "eingerichtet" in coordinator_client.get(member_url(colleague)).content.decode()

    confirm = coordinator_client.get(action_url(colleague, "zwei-faktor-zuruecksetzen"))
    assert "Tun Sie das nur, wenn Sie sicher sind" in confirm.content.decode()
    assert TOTPDevice.objects.filter(user=colleague).exists()

    response = coordinator_client.post(action_url(colleague, "zwei-faktor-zuruecksetzen"), follow=True)

    assert "Die Zwei-Faktor-Anmeldung von Eva Ludwig ist zurückgesetzt" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert not StaticToken.objects.filter(device__user=colleague).exists()
    (message,) = mail.outbox
    assert message.to == [colleague.email]
    assert "Maria Beispiel hat Ihre Zwei-Faktor-Anmeldung" in message.body


def test_a_new_password_link(coordinator_client, steering_member):
    response = coordinator_client.post(action_url(steering_member, "neuer-link"))
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.subject.startswith("Neuer Link zu Ihrem Passwort")
    assert "schickt Ihnen einen neuen Link" in message.body and "/verwaltung/zugang/" in message.body


def test_an_ended_account_gets_no_new_link(coordinator_client, steering_member):
    steering_member.is_active = False
    steering_member.save()
    response = coordinator_client.post(action_url(steering_member, "neuer-link"))
    assert response.status_code == 400
    assert "bekommt keinen Link" in response.content.decode()
    assert mail.outbox == []


def test_another_alliances_account_and_superusers_are_not_found(
    coordinator_client, other_alliance_account, admin_user
):
    for user in (other_alliance_account, admin_user):
        assert_not_found(coordinator_client.get(member_url(user)))
        assert_not_found(coordinator_client.post(member_url(user), {"role": STEERING_GROUP}))
        for action in ("entfernen", "zwei-faktor-zuruecksetzen", "neuer-link"):
            assert_not_found(coordinator_client.post(action_url(user, action)))
    other_alliance_account.refresh_from_db()
    assert other_alliance_account.is_active
    assert mail.outbox == []


def test_an_unknown_step_is_not_found(coordinator_client, steering_member):
    assert_not_found(coordinator_client.post(action_url(steering_member, "loeschen")))


def test_the_servicestelle_resets_a_coordinators_phone(admin_client, coordinator):
    TOTPDeviceFactory(user=coordinator, name="App", confirmed=True)
    response = admin_client.post(action_url(coordinator, "zwei-faktor-zuruecksetzen"))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    (message,) = mail.outbox
    assert message.to == [coordinator.email]
