import datetime
import time
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from buendnis.lib.tokens import make_token
from buendnis.models import Alliance
from partners import coordination, links
from partners.models import Partner, Signature
from tests.partners.conftest import links_in
from tests.support.tasks import run_background_tasks


@pytest.fixture
def confirm_link(sign):
    sign()
    link = links_in(mail.outbox[0])[0]
    mail.outbox.clear()
    return link


def test_get_shows_a_button_and_changes_nothing(client, confirm_link):
    response = client.get(confirm_link)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Unterzeichnung bestätigen" in content
    assert '<form method="post">' in content
    assert "Tischlerei Holzwurm" in content
    assert Signature.objects.get().confirmed_at is None
    assert mail.outbox == []
    assert "no-cache" in response["Cache-Control"]


def test_post_confirms_lists_and_notifies(client, confirm_link):
    response = client.post(confirm_link)
    assert response.status_code == 302
    assert response["Location"] == "/partner/tischlerei-holzwurm/"

    signature = Signature.objects.get()
    assert signature.confirmed_at is not None
    partner = signature.partner
    assert partner.listed is True
    assert partner.entry_confirmed_at is not None
    assert Partner.objects.public().get() == partner

    coordinator, welcome = mail.outbox
    assert coordinator.to == ["koordination@example.org"]
    assert "Neuer Partner: Tischlerei Holzwurm" in coordinator.subject
    assert "erika@holzwurm.example.org" in coordinator.body
    assert "/verwaltung/partners/partner/" in coordinator.body
    assert welcome.to == ["erika@holzwurm.example.org"]
    assert "Willkommen" in welcome.subject
    assert "http://testserver/partner/tischlerei-holzwurm/" in welcome.body
    assert "http://testserver/partner/verwalten/" in welcome.body

    page = client.get(response["Location"]).content.decode()
    assert "Ihre Organisation steht jetzt im Partnerverzeichnis" in page


def test_moderation_waits_for_release(client, confirm_link):
    alliance = Alliance.current()
    alliance.moderate_new_partners = True
    alliance.save()
    response = client.post(confirm_link, follow=True)
    assert response.redirect_chain[-1][0] == "/buendniserklaerung/bestaetigt/"
    assert "Koordination schaltet Ihren Eintrag" in response.content.decode()
    partner = Partner.objects.get()
    assert partner.listed is False
    assert Partner.objects.active().get() == partner
    assert "wartet auf Ihre Freigabe" in mail.outbox[0].body
    assert client.get("/partner/tischlerei-holzwurm/").status_code == 404


def test_without_consent_to_be_named_stays_unlisted(client, sign):
    sign(wants_listing=None)
    link = links_in(mail.outbox[0])[0]
    response = client.post(link, follow=True)
    assert "nicht öffentlich" in response.content.decode()
    partner = Partner.objects.get()
    assert partner.wants_listing is False
    assert partner.listed is False
    assert Partner.objects.active().exists()


def test_used_link_is_refused(client, confirm_link):
    client.post(confirm_link)
    mail.outbox.clear()
    for method in (client.get, client.post):
        response = method(confirm_link)
        assert response.status_code == 410
        assert "bereits verwendet" in response.content.decode()
    assert mail.outbox == []


def test_expired_link_is_refused(client, sign):
    eight_days_ago = time.time() - 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        sign()
    link = links_in(mail.outbox[0])[0]
    response = client.post(link)
    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()
    assert Signature.objects.get().confirmed_at is None


def test_tampered_link_is_refused(client, confirm_link):
    response = client.post(confirm_link[:-3] + "xy/")
    assert response.status_code == 400
    assert "ungültig" in response.content.decode()
    assert Signature.objects.get().confirmed_at is None


def test_foreign_token_is_refused(client, confirm_link):
    signature = Signature.objects.get()
    # A management token for the same id, or a token of another purpose, is no confirmation.
    foreign = make_token(links.MANAGE_PURPOSE, signature.pk, "")
    response = client.post(f"/buendniserklaerung/bestaetigen/{foreign}/")
    assert response.status_code == 400
    assert Signature.objects.get().confirmed_at is None


def test_link_of_purged_signature_has_expired(client, confirm_link):
    coordination.purge_unconfirmed(now=timezone.now() + datetime.timedelta(days=30))
    assert not Partner.objects.exists()
    response = client.get(confirm_link)
    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()


def test_withdrawn_signature_cannot_be_confirmed(client, confirm_link):
    Signature.objects.update(withdrawn_at="2024-01-01T00:00:00Z")
    response = client.post(confirm_link)
    assert response.status_code == 410
    assert Signature.objects.get().confirmed_at is None


def test_the_certificate_is_rendered_by_the_background_worker_not_in_the_click(
    client, confirm_link, database_tasks, weasyprint_calls
):
    mail.outbox.clear()
    response = client.post(confirm_link)
    assert response.status_code == 302
    assert weasyprint_calls.call_count == 0
    assert [message.to for message in mail.outbox] == [["koordination@example.org"]]

    run_background_tasks()
    welcome = mail.outbox[-1]
    # The worker warms the renderer when it starts (one small document), then renders the
    # certificate once.
    assert weasyprint_calls.call_count == 2
    assert welcome.attachments and welcome.attachments[0][2] == "application/pdf"
