"""A Rundmail in each partner's language: the version in that language, or the German
(issue 24). Each partner's message is rendered by `mailings.mailing_message` inside
`in_language(partner.language)`; a bare `translation.override` does not change an e-mail's
language (buendnis.emails: e-mails not addressed in a recipient's language are German)."""

from django.urls import reverse
from django.utils import translation

from buendnis.emails import render_templated
from cockpit import mailings
from tests.factories import MailingFactory, PartnerFactory
from tests.support.admin_forms import change_form_data


def _message(mailing, language):
    partner = PartnerFactory(
        name=f"Apotheke {language}", contact_email="apotheke@example.org", language=language
    )
    return mailings.mailing_message(mailing, partner, "apotheke@example.org")


def test_a_mailing_renders_in_turkish_and_falls_back_to_german(alliance):
    mailing = MailingFactory(subject="Sommerfest", body="Wir feiern am **1. Juli**.")
    mailing.subject_tr, mailing.body_tr = "Yaz şenliği", "**1 Temmuz**'da kutluyoruz."
    mailing.save()

    turkish = _message(mailing, "tr")
    assert turkish.extra_headers["Content-Language"] == "tr"
    assert turkish.subject == "Yaz şenliği"
    assert "<strong>1 Temmuz</strong>" in turkish.alternatives[0][0]
    assert "1 Temmuz" in turkish.body and "Juli" not in turkish.body

    ukrainian = _message(mailing, "uk")
    assert ukrainian.subject == "Sommerfest" and "1. Juli" in ukrainian.body

    german = _message(mailing, "de")
    assert german.subject == "Sommerfest"


def test_an_email_outside_in_language_stays_german_whatever_is_active(alliance):
    partner = PartnerFactory(name="Apotheke", contact_email="apotheke@example.org")
    mailing = MailingFactory(subject="Sommerfest", body="Wir feiern.")
    mailing.subject_tr = "Yaz şenliği"
    mailing.save()
    with translation.override("tr"):
        message = render_templated(
            "mailing", mailings.mailing_context(mailing, partner), ["apotheke@example.org"]
        )
    assert message.subject == "Sommerfest" and message.extra_headers["Content-Language"] == "de"


def test_the_coordinator_writes_the_turkish_version_in_the_mailings_form(coordinator_client):
    mailing = MailingFactory(subject="Sommerfest", body="Wir feiern.")
    url = reverse("admin:cockpit_mailing_change", args=[mailing.pk])
    page = coordinator_client.get(url)
    assert "Übersetzung: Türkisch" in page.content.decode()
    data = change_form_data(page, subject_tr="Yaz şenliği", body_tr="Kutluyoruz.")
    assert coordinator_client.post(url, data).status_code == 302
    mailing.refresh_from_db()
    assert (mailing.subject_de, mailing.subject_tr) == ("Sommerfest", "Yaz şenliği")
