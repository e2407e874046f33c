"""Signing at a plenary: twenty organisations on the venue's Wi-Fi, one address."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partners.models import Partner, SigningSession
from tests.factories import SigningSessionFactory
from tests.partners.conftest import sign_data
from tests.support.pdfs import pdf_text

SIGN_URL = "/buendniserklaerung/unterzeichnen/"
HALL = "192.0.2.44"


def test_failed_attempts_do_not_use_up_the_limit(client, declaration, settings):
    settings.RATELIMIT_PER_HOUR = 5
    for _ in range(10):
        client.post(SIGN_URL, sign_data(contact_email="kein@"), REMOTE_ADDR=HALL)
    for number in range(5):
        response = client.post(
            SIGN_URL, sign_data(name=f"Verein {number}", contact_email=f"v{number}@example.org"),
            REMOTE_ADDR=HALL,
        )
        assert response.status_code == 302, number
    assert Partner.objects.count() == 5
    # The sixth accepted sign-up from the same address and hour is one too many.
    data = sign_data(name="Verein 6", contact_email="v6@example.org")
    sixth = client.post(SIGN_URL, data, REMOTE_ADDR=HALL)
    assert sixth.status_code == 429


def test_a_higher_cap_on_all_submissions_keeps_bots_out(client, declaration, settings):
    settings.RATELIMIT_SUBMISSIONS_PER_HOUR = 8
    for _ in range(8):
        client.post(SIGN_URL, sign_data(contact_email="kein@"), REMOTE_ADDR=HALL)
    assert client.post(SIGN_URL, sign_data(), REMOTE_ADDR=HALL).status_code == 429
    assert not Partner.objects.exists()


@pytest.fixture
def session(db):
    now = timezone.now()
    return SigningSessionFactory(
        title="Bündnistreffen 2026", starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=2),
    )


def test_twenty_organisations_sign_in_one_hall_during_a_session(client, declaration, settings, session):
    settings.RATELIMIT_PER_HOUR = 5
    url = session.get_absolute_url()
    page = client.get(url).content.decode()
    assert "Unterzeichnung vor Ort: Bündnistreffen 2026" in page
    for number in range(20):
        response = client.post(
            url, sign_data(name=f"Organisation {number}", contact_email=f"o{number}@example.org"),
            REMOTE_ADDR=HALL,
        )
        assert response.status_code == 302, number
    assert Partner.objects.count() == 20
    # Each one still confirms by its own e-mail.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        f"o{number}@example.org" for number in range(20)
    )
    assert not Partner.objects.active().exists()


def test_a_closed_or_unknown_session_refuses_with_a_german_page(client, declaration, session):
    session.ends_at = timezone.now() - datetime.timedelta(minutes=1)
    session.save()
    response = client.post(session.get_absolute_url(), sign_data())
    assert response.status_code == 410
    assert "Dieser Link ist gerade nicht offen" in response.content.decode()
    assert not Partner.objects.exists()
    assert client.get("/buendniserklaerung/vor-ort/gibt-es-nicht/").status_code == 404


def test_the_coordinator_opens_a_session_for_an_event_with_qr_code_and_poster(
    coordinator_client, declaration
):
    from tests.factories import EventFactory

    event = EventFactory(title="Bündnistreffen 2026")
    response = coordinator_client.post(
        "/verwaltung/events/event/", {"action": "open_signing_session", "_selected_action": [event.pk]}
    )
    session = SigningSession.objects.get()
    assert response["Location"] == reverse("admin:partners_signingsession_change", args=[session.pk])
    event.refresh_from_db()
    assert event.signing_session == session
    assert session.starts_at == event.starts_at - datetime.timedelta(hours=1)
    assert session.ends_at == event.ends_at

    change = coordinator_client.get(response["Location"]).content.decode()
    assert f"http://testserver/buendniserklaerung/vor-ort/{session.token}/" in change
    assert 'src="data:image/svg+xml;base64,' in change

    poster = coordinator_client.get(reverse("admin:partners_signingsession_poster", args=[session.pk]))
    assert poster["Content-Type"] == "application/pdf"
    text = pdf_text(poster.content)
    assert "Jetzt Partner werden" in text and "Bündnistreffen 2026" in text
    assert session.token[:10] in text.replace("\n", "")
