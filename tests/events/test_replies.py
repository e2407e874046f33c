import datetime

from django.urls import reverse

from events.models import Invitation
from tests.factories import EventFactory, InvitationFactory


def test_invitation_page_shows_event_and_reply_state(client, plenary):
    invitation = InvitationFactory(event=plenary)

    response = client.get(invitation.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert plenary.title in content
    assert invitation.partner.name in content
    assert "Sie haben noch nicht geantwortet." in content


def test_accept_with_number_of_people(client, plenary):
    invitation = InvitationFactory(event=plenary)
    url = reverse("events:accept", kwargs={"token": invitation.token})

    shown = client.get(url)
    assert shown.status_code == 200
    invitation.refresh_from_db()
    assert invitation.reply == Invitation.Reply.PENDING

    response = client.post(url, {"number_of_people": "3"}, follow=True)

    invitation.refresh_from_db()
    assert invitation.reply == Invitation.Reply.ACCEPTED
    assert invitation.number_of_people == 3
    assert invitation.replied_at is not None
    assert "Vielen Dank für Ihre Zusage!" in response.content.decode()
    assert "mit 3 Personen" in response.content.decode()
    assert "Es sind noch 17 Plätze frei." in client.get(plenary.get_absolute_url()).content.decode()


def test_decline_needs_the_button(client, plenary):
    invitation = InvitationFactory(event=plenary, reply="accepted", number_of_people=2)
    url = reverse("events:decline", kwargs={"token": invitation.token})

    client.get(url)
    invitation.refresh_from_db()
    assert invitation.reply == Invitation.Reply.ACCEPTED

    client.post(url)

    invitation.refresh_from_db()
    assert invitation.reply == Invitation.Reply.DECLINED
    assert invitation.number_of_people == 0


def test_bad_number_of_people_is_refused(client, plenary):
    invitation = InvitationFactory(event=plenary)
    url = reverse("events:accept", kwargs={"token": invitation.token})

    for value in ("0", "11", "viele"):
        response = client.post(url, {"number_of_people": value})
        assert response.status_code == 400
    invitation.refresh_from_db()
    assert invitation.reply == Invitation.Reply.PENDING
    assert "mindestens eine Person" in client.post(url, {"number_of_people": "0"}).content.decode()


def test_reply_after_the_event_began_is_refused(client):
    event = EventFactory(starts_in=datetime.timedelta(hours=-2))
    invitation = InvitationFactory(event=event)

    for name in ("accept", "decline"):
        url = reverse(f"events:{name}", kwargs={"token": invitation.token})
        response = client.post(url, {"number_of_people": "1"})
        assert response.status_code == 410
        assert "Antworten nicht mehr möglich" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.reply == Invitation.Reply.PENDING
    assert "Antworten sind nicht mehr möglich" in client.get(
        invitation.get_absolute_url()
    ).content.decode()


def test_invalid_reply_token(client, plenary):
    InvitationFactory(event=plenary)
    for name in ("invitation", "accept", "decline"):
        response = client.get(reverse(f"events:{name}", kwargs={"token": "erfunden"}))
        assert response.status_code == 404
        assert "Dieser Link ist ungültig" in response.content.decode()
    for name in ("accept", "decline"):
        url = reverse(f"events:{name}", kwargs={"token": "erfunden"})
        assert client.post(url, {"number_of_people": "2"}).status_code == 404
    assert not Invitation.objects.exclude(reply="pending").exists()
