"""Rundmails that reach everyone they may: test mail, who is not reached and why, a
confirmation, Markdown as HTML with a text part, one-click unsubscribe (RFC 8058/2369)."""

import email
import email.policy

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cockpit.models import Delivery, Mailing
from events import services as event_services
from events.models import Invitation
from partners.models import Partner
from tests.factories import EventFactory, PartnerFactory

ADD = reverse("admin:cockpit_mailing_add")


@pytest.fixture
def mailing(coordinator_client, coordinator):
    coordinator.email = "maria@example.org"
    coordinator.save()
    PartnerFactory(name="Apotheke", contact_email="apotheke@example.org")
    PartnerFactory(name="Ohne Adresse e. V.", contact_email="")
    PartnerFactory(
        name="Abbesteller GmbH", contact_email="weg@example.org", mailings_unsubscribed_at=timezone.now()
    )
    body = "Wir feiern **am 1. Juli**.\n\n- Kuchen\n- Musik\n\n<script>x()</script>"
    coordinator_client.post(ADD, {
        "subject": "Sommerfest", "body": body, "audience": "all_partners", "working_group": "", "event": "",
    })
    return Mailing.objects.get()


def _url(name, mailing):
    return reverse(f"admin:cockpit_mailing_{name}", args=[mailing.pk])


def _raw(message):
    return email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)


def test_the_preview_names_who_is_not_reached_and_why(coordinator_client, mailing):
    content = coordinator_client.get(_url("preview", mailing)).content.decode()

    assert "1 E-Mail-Adresse" in content
    assert "Nicht erreicht: 2 Partner" in content
    assert "Abbesteller GmbH – hat Rundmails abbestellt" in content
    assert "Ohne Adresse e. V. – keine E-Mail-Adresse" in content
    assert "Testmail an mich (maria@example.org)" in content


def test_a_test_mail_goes_to_herself_only(coordinator_client, mailing):
    response = coordinator_client.post(_url("test", mailing), follow=True)

    [message] = mail.outbox
    assert message.to == ["maria@example.org"] and message.subject == "[Test] Sommerfest"
    assert "Testmail an maria@example.org gesendet." in response.content.decode()
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DRAFT and not Delivery.objects.exists()


def test_sending_needs_the_confirmation(coordinator_client, mailing):
    response = coordinator_client.post(_url("send", mailing), follow=True)

    assert "Bitte bestätigen Sie den Versand" in response.content.decode()
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DRAFT and not mail.outbox

    response = coordinator_client.post(_url("send", mailing), {"confirm": "yes"}, follow=True)

    assert [message.to for message in mail.outbox] == [["apotheke@example.org"]]
    content = response.content.decode()
    assert "Status: versandt." in content and "apotheke@example.org" in content  # the delivery log


def test_a_queued_mailing_page_reloads_itself(coordinator_client, mailing):
    Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.Status.QUEUED)
    content = coordinator_client.get(_url("preview", mailing)).content.decode()
    assert '<meta http-equiv="refresh" content="5">' in content
    Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.Status.SENT)
    assert "http-equiv" not in coordinator_client.get(_url("preview", mailing)).content.decode()


def test_markdown_is_sent_as_html_with_a_text_part_and_list_headers(coordinator_client, mailing):
    coordinator_client.post(_url("send", mailing), {"confirm": "yes"})

    [message] = mail.outbox
    raw = _raw(message)
    html = raw.get_body(("html",)).get_content()
    assert "<strong>am 1. Juli</strong>" in html and "<li>Kuchen</li>" in html
    assert "<script>" not in html
    text = raw.get_body(("plain",)).get_content()
    assert "Wir feiern **am 1. Juli**." in text
    unsubscribe = str(raw["List-Unsubscribe"]).strip()
    assert unsubscribe.startswith("<http://testserver/partner/rundmails-abbestellen/")
    assert "<mailto:" in unsubscribe
    assert str(raw["List-Unsubscribe-Post"]).strip() == "List-Unsubscribe=One-Click"
    assert str(raw["List-Id"]).strip().endswith("<rundmail.buendnis.testserver>")


def test_one_click_post_without_cookie_or_csrf_ends_mass_mails(coordinator_client, mailing):
    coordinator_client.post(_url("send", mailing), {"confirm": "yes"})
    link = str(_raw(mail.outbox[0])["List-Unsubscribe"]).strip().split(">")[0].lstrip("<")
    path = link.removeprefix("http://testserver")
    strict = Client(enforce_csrf_checks=True)

    # A mail scanner's GET unsubscribes nobody.
    page = strict.get(path)
    assert page.status_code == 200 and "Keine Rundmails mehr" in page.content.decode()
    apotheke = mailing.deliveries.get().partner
    apotheke.refresh_from_db()
    assert apotheke.mailings_unsubscribed_at is None

    response = strict.post(path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    apotheke.refresh_from_db()
    assert apotheke.mailings_unsubscribed_at is not None
    assert not strict.cookies  # nothing was needed, nothing was set
    mail.outbox.clear()
    coordinator_client.post(ADD, {"subject": "Nächste", "body": "Text", "audience": "all_partners",
                                  "working_group": "", "event": ""})
    second = Mailing.objects.get(subject="Nächste")
    content = coordinator_client.get(_url("preview", second)).content.decode()
    assert "Apotheke – hat Rundmails abbestellt" in content


def test_a_forged_unsubscribe_link_is_refused(visitor):
    PartnerFactory(contact_email="kita@example.org")
    for method in (visitor.get, visitor.post):
        response = method("/partner/rundmails-abbestellen/falsch/")
        assert response.status_code == 400
    assert not Partner.objects.filter(mailings_unsubscribed_at__isnull=False).exists()


def test_invitations_carry_no_list_headers(declaration):
    PartnerFactory(contact_email="kita@example.org")
    event_services.send_invitations(EventFactory())
    [message] = mail.outbox
    raw = _raw(message)
    assert Invitation.objects.count() == 1
    for header in ("List-Unsubscribe", "List-Unsubscribe-Post", "List-Id"):
        assert raw[header] is None
