"""A withdrawn partner's personal links answer with a clear German page (410)."""

import datetime

import pytest
from django.urls import reverse

from events.models import Minutes
from partners import services
from partners.links import management_path
from tests.factories import EventFactory, InvitationFactory, MinutesFactory, PartnerFactory


@pytest.fixture
def withdrawn_invitation(declaration):
    partner = PartnerFactory(name="Ausgetreten GmbH")
    past = EventFactory(title="Plenum im Frühjahr", starts_in=-datetime.timedelta(days=20))
    MinutesFactory(event=past, visibility=Minutes.Visibility.PARTNERS, summary="Nur für Partner.")
    invitation = InvitationFactory(event=past, partner=partner)
    upcoming = InvitationFactory(event=EventFactory(title="Plenum im Herbst"), partner=partner)
    manage = management_path(partner)
    services.withdraw(partner)
    return invitation, upcoming, manage


@pytest.mark.parametrize(
    "name, which",
    [
        ("events:invitation", "past"),
        ("events:invitation_minutes_pdf", "past"),
        ("events:accept", "upcoming"),
        ("events:decline", "upcoming"),
    ],
)
def test_invitation_links_end(client, withdrawn_invitation, name, which):
    past, upcoming, _manage = withdrawn_invitation
    invitation = past if which == "past" else upcoming
    response = client.get(reverse(name, kwargs={"token": invitation.token}))
    assert response.status_code == 410
    content = response.content.decode()
    assert "Diese Einladung gilt nicht mehr" in content
    assert "Nur für Partner." not in content


def test_replies_are_refused_too(client, withdrawn_invitation):
    _past, upcoming, _manage = withdrawn_invitation
    url = reverse("events:accept", kwargs={"token": upcoming.token})
    response = client.post(url, {"number_of_people": 2})
    assert response.status_code == 410
    upcoming.refresh_from_db()
    assert upcoming.reply == "pending"


def test_the_management_link_ends(client, withdrawn_invitation):
    _past, _upcoming, manage = withdrawn_invitation
    for suffix in ("", "urkunde.pdf", "daten.json"):
        response = client.get(manage + suffix)
        assert response.status_code == 410, suffix
        assert "Dieser Link wurde bereits verwendet" in response.content.decode()


def test_a_members_invitation_still_works(client, declaration):
    invitation = InvitationFactory(event=EventFactory(title="Plenum im Herbst"))
    response = client.get(reverse("events:invitation", kwargs={"token": invitation.token}))
    assert response.status_code == 200 and "Plenum im Herbst" in response.content.decode()
