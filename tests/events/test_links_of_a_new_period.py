"""A partner that withdrew and is continued on re-joining ("fortsetzen") starts a new
membership period: new personal links; the old ones stay ended, old replies do not count."""

import pytest
from django.core import mail
from django.urls import reverse

from events import services as event_services
from events.models import Invitation
from partners import coordination
from partners import services as partner_services
from tests.factories import EventFactory, InvitationFactory, PartnerFactory


@pytest.fixture
def rejoined(declaration):
    partner = PartnerFactory(name="Familienzentrum Nord", contact_email="alt@example.org")
    event = EventFactory(title="Plenum im Herbst")
    old = InvitationFactory(event=event, partner=partner, reply="accepted", number_of_people=2)
    partner_services.withdraw(partner)
    sign_up = PartnerFactory(
        name="Familienzentrum Nord", slug="familienzentrum-nord-2", contact_email="neu@example.org",
        possible_duplicate=partner,
    )
    coordination.continue_existing(sign_up)
    partner.refresh_from_db()
    assert partner.is_member and partner.contact_email == "neu@example.org"
    mail.outbox.clear()
    return partner, event, old


@pytest.mark.parametrize("name", ["events:invitation", "events:accept", "events:decline"])
def test_the_old_links_stay_ended(client, rejoined, name):
    _partner, _event, old = rejoined

    response = client.get(reverse(name, kwargs={"token": old.token}))

    assert response.status_code == 410
    assert "Diese Einladung gilt nicht mehr" in response.content.decode()


def test_the_old_reply_does_not_count(client, rejoined):
    _partner, event, old = rejoined

    assert event.attendance_totals()["invitations"]["accepted"] == 0
    assert event.count_places_taken() == 0
    response = client.post(reverse("events:accept", kwargs={"token": old.token}), {"number_of_people": 3})
    assert response.status_code == 410
    old.refresh_from_db()
    assert old.number_of_people == 2  # untouched, and still not counted


def test_the_new_period_gets_a_new_invitation_with_new_links(client, rejoined):
    partner, event, old = rejoined

    assert event_services.send_invitations(event) == 1

    new = Invitation.objects.exclude(pk=old.pk).get(partner=partner, event=event)
    assert new.token != old.token and new.reply == "pending"
    [message] = mail.outbox
    assert message.to == ["neu@example.org"]
    assert new.token in message.body and old.token not in message.body
    assert client.get(reverse("events:invitation", kwargs={"token": new.token})).status_code == 200
