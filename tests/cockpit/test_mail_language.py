"""Rundmails in each partner's language: the frame (greeting, footer, links) translated,
the text as the coordination wrote it; the List-Unsubscribe link in that language too."""

from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from cockpit import mailings
from tests.factories import MailingFactory, PartnerFactory


def test_each_partner_gets_the_mailing_in_its_language(alliance):
    PartnerFactory(name="Open Doors", contact_email="doors@example.org", language="en")
    PartnerFactory(name="Bäckerei Korn", contact_email="korn@example.org")
    mailing = MailingFactory()

    with translation.override("tr"):  # the worker's or coordinator's language does not count
        assert mailings.send(mailing) == 2

    by_address = {message.to[0]: message for message in mail.outbox}
    english, german = by_address["doors@example.org"], by_address["korn@example.org"]
    assert english.extra_headers["Content-Language"] == "en"
    assert german.extra_headers["Content-Language"] == "de"
    assert english.subject == german.subject == "Neuigkeiten aus dem Bündnis"
    assert "Liebe Partner, es gibt Neues." in english.body
    with translation.override("en"):
        greeting = gettext("Guten Tag %(name)s,") % {"name": "Max Kontakt"}
        footer = gettext("Keine Rundmails mehr bekommen:")
        unsubscribe = reverse("partners:unsubscribe", kwargs={"token": "T"}).removesuffix("T/")
        manage = reverse("partners:manage", kwargs={"token": "T"}).removesuffix("T/")
    assert english.body.startswith(greeting)
    assert footer in english.body
    assert unsubscribe in english.extra_headers["List-Unsubscribe"]
    assert manage in english.body
    [(html, _type)] = english.alternatives
    assert '<html lang="en" dir="ltr">' in html
    assert german.body.startswith("Guten Tag Max Kontakt,")
    assert '<html lang="de" dir="ltr">' in german.alternatives[0][0]
    assert "Keine Rundmails mehr bekommen:" in german.body


def test_the_test_mail_shows_the_first_recipients_language(alliance):
    PartnerFactory(name="Aaa", contact_email="aaa@example.org", language="ar")
    mailing = MailingFactory()

    message = mailings.send_test(mailing, "maria@example.org")

    assert message.to == ["maria@example.org"]
    assert message.extra_headers["Content-Language"] == "ar"
    assert '<html lang="ar" dir="rtl">' in message.alternatives[0][0]
    assert message.subject.startswith("[Test] ")
    assert len(mail.outbox) == 1
