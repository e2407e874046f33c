"""A Rundmail in each partner's language: the version in that language, or the German
(issue 24). The mails render each message under `translation.override(<language>)`."""

from django.urls import reverse
from django.utils import translation

from buendnis.emails import render_templated
from cockpit import mailings
from tests.factories import MailingFactory, PartnerFactory
from tests.support.admin_forms import change_form_data


def test_a_mailing_renders_in_turkish_and_falls_back_to_german(alliance):
    partner = PartnerFactory(name="Apotheke", contact_email="apotheke@example.org")
    mailing = MailingFactory(subject="Sommerfest", body="Wir feiern am **1. Juli**.")
    mailing.subject_tr, mailing.body_tr = "Yaz şenliği", "**1 Temmuz**'da kutluyoruz."
    mailing.save()

    with translation.override("tr"):
        turkish = render_templated(
            "mailing", mailings.mailing_context(mailing, partner), ["apotheke@example.org"]
        )
    assert turkish.subject == "Yaz şenliği"
    assert "<strong>1 Temmuz</strong>" in turkish.alternatives[0][0]
    assert "1 Temmuz" in turkish.body and "Juli" not in turkish.body

    with translation.override("uk"):
        ukrainian = render_templated(
            "mailing", mailings.mailing_context(mailing, partner), ["apotheke@example.org"]
        )
    assert ukrainian.subject == "Sommerfest" and "1. Juli" in ukrainian.body

    with translation.override("de"):
        german = render_templated(
            "mailing", mailings.mailing_context(mailing, partner), ["apotheke@example.org"]
        )
    assert german.subject == "Sommerfest"


def test_the_coordinator_writes_the_turkish_version_in_the_mailings_form(coordinator_client):
    mailing = MailingFactory(subject="Sommerfest", body="Wir feiern.")
    url = reverse("admin:cockpit_mailing_change", args=[mailing.pk])
    page = coordinator_client.get(url)
    assert "Übersetzung: Türkisch" in page.content.decode()
    data = change_form_data(page, subject_tr="Yaz şenliği", body_tr="Kutluyoruz.")
    assert coordinator_client.post(url, data).status_code == 302
    mailing.refresh_from_db()
    assert (mailing.subject_de, mailing.subject_tr) == ("Sommerfest", "Yaz şenliği")
