"""A partner's membership history: dates from paper, withdrawals by letter, nothing lost."""

import datetime

import pytest
from django.core import mail
from django.db.models import RestrictedError
from django.urls import reverse
from django.utils import timezone

from cockpit import dashboard
from partners import services
from partners.documents import partner_certificate_file
from partners.models import Partner, Signature
from tests.factories import PartnerFactory
from tests.support.pdfs import pdf_text, squeeze

PAPER = "/verwaltung/partners/partner/papier/"


@pytest.fixture
def founder_on_paper(coordinator_client, coordinator, declaration):
    """The coordinator enters in 2026 a declaration signed at the founding event in 2017."""
    response = coordinator_client.post(PAPER, {
        "name": "Stadtbibliothek Musterhausen", "kind": Partner.Kind.MUNICIPALITY,
        "signed_on": "2017-11-08", "signed_by": "Frau Direktorin", "declaration": declaration.pk,
        "founding_partner": "on", "wants_listing": "on",
    })
    assert response.status_code == 302
    return Partner.objects.get(name="Stadtbibliothek Musterhausen")


def test_a_paper_signature_keeps_its_date_everywhere(client, coordinator, founder_on_paper):
    signature = founder_on_paper.signatures.get()
    assert timezone.localdate(signature.signed_at) == datetime.date(2017, 11, 8)
    assert timezone.localdate(signature.confirmed_at) == datetime.date(2017, 11, 8)
    # Who entered it, and when, is recorded apart.
    assert signature.entered_by == coordinator
    assert timezone.localdate(signature.entered_at) == timezone.localdate()

    page = client.get(founder_on_paper.get_absolute_url()).content.decode()
    assert "Partner seit November 2017" in page

    text = squeeze(pdf_text(partner_certificate_file(founder_on_paper).content))
    assert squeeze("ist seit dem 8. November 2017 Partner") in text

    points = dashboard.active_partners_over_time()
    assert points[0].label == "2017" and points[0].value == 1
    figures = dashboard.collect(coordinator)
    assert figures["numbers"]["new_this_year"] == 0


def test_an_online_signature_of_this_year_counts_as_new(coordinator, declaration):
    PartnerFactory(name="Neu dabei")
    assert dashboard.collect(coordinator)["numbers"]["new_this_year"] == 1


def test_the_founding_certificate_still_names_a_founder_that_left(client, founder_on_paper):
    before = client.get("/gruendungsurkunde.pdf")
    assert squeeze("Stadtbibliothek Musterhausen") in squeeze(pdf_text(before.content))

    services.withdraw(founder_on_paper)
    after = client.get("/gruendungsurkunde.pdf")
    # The same document: a withdrawal does not change the record of the founding.
    assert after["ETag"] == before["ETag"]
    assert squeeze("Stadtbibliothek Musterhausen") in squeeze(pdf_text(after.content))


def test_a_founder_that_does_not_want_to_be_named_is_counted_not_named(client, declaration):
    PartnerFactory(name="Genannt e. V.", founding_partner=True)
    PartnerFactory(name="Ungenannt GmbH", founding_partner=True, wants_listing=False, listed=False)
    PartnerFactory(name="Nie bestätigt e. V.", founding_partner=True, pending=True)

    text = squeeze(pdf_text(client.get("/gruendungsurkunde.pdf").content))
    assert "Genannte.V." in text
    assert "Ungenannt" not in text and "Niebestätigt" not in text
    assert squeeze("und eine weitere Organisation, die nicht genannt werden möchte") in text


# Withdrawals by letter or phone


def withdrawal_url(partner):
    return reverse("admin:partners_partner_withdrawal", args=[partner.pk])


def test_the_coordinator_records_a_withdrawal_by_letter(coordinator_client, coordinator, declaration):
    partner = PartnerFactory(
        name="Autohaus Adler", contact_email="adler@example.org",
        signed_at=timezone.make_aware(datetime.datetime(2025, 3, 1, 10)),
    )
    Signature.objects.update(signed_by="Herr Adler")
    page = coordinator_client.get(reverse("admin:partners_partner_change", args=[partner.pk]))
    assert withdrawal_url(partner) in page.content.decode()

    response = coordinator_client.post(withdrawal_url(partner), {"withdrawn_on": "2026-10-31"})

    assert response.status_code == 302
    partner.refresh_from_db()
    signature = partner.signatures.get()
    assert timezone.localdate(signature.withdrawn_at) == datetime.date(2026, 10, 31)
    assert signature.withdrawal_entered_by == coordinator and signature.signed_by == ""
    assert timezone.localdate(signature.withdrawal_entered_at) == timezone.localdate()
    assert signature.entered_by is None  # an online signature: nobody entered it
    assert (partner.contact_name, partner.contact_email, partner.contact_phone) == ("", "", "")
    assert not partner.is_member and not partner.listed
    goodbye, notice = mail.outbox
    assert goodbye.to == ["adler@example.org"] and "Austritt" in goodbye.subject
    assert "Autohaus Adler" in notice.body
    assert partner.history.count() >= 2  # the change is in the partner's history


def test_a_withdrawal_in_the_future_is_refused(coordinator_client, declaration):
    partner = PartnerFactory()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = coordinator_client.post(withdrawal_url(partner), {"withdrawn_on": tomorrow.isoformat()})
    assert response.status_code == 200
    assert "in der Zukunft" in response.content.decode()
    partner.refresh_from_db()
    assert partner.is_member and mail.outbox == []


def test_only_the_coordination_records_withdrawals(client, steering_member, declaration):
    partner = PartnerFactory()
    client.force_login(steering_member)
    assert client.post(withdrawal_url(partner), {"withdrawn_on": "2026-10-31"}).status_code == 403
    partner.refresh_from_db()
    assert partner.is_member


# No cascade deletes history


def test_a_partner_with_membership_periods_is_not_deleted(coordinator_client, declaration):
    partner = PartnerFactory(name="Mit Geschichte", withdrawn=True)
    delete = reverse("admin:partners_partner_delete", args=[partner.pk])

    response = coordinator_client.post(delete, {"post": "yes"}, follow=True)

    assert Partner.objects.filter(pk=partner.pk).exists()
    content = response.content.decode()
    assert "wird nicht gelöscht" in content and "Austritt" in content
    with pytest.raises(RestrictedError):
        partner.delete()


def test_bulk_delete_refuses_partners_with_history(coordinator_client, declaration):
    kept = PartnerFactory(name="Mit Geschichte")
    empty = PartnerFactory(name="Ohne Unterzeichnung", signature=None)
    response = coordinator_client.post(
        "/verwaltung/partners/partner/",
        {"action": "delete_selected", "_selected_action": [kept.pk, empty.pk], "post": "yes"},
        follow=True,
    )
    assert "wird nicht gelöscht" in response.content.decode()
    assert Partner.objects.filter(pk__in=[kept.pk, empty.pk]).count() == 2
    # Without membership periods, deleting works as usual.
    coordinator_client.post(
        "/verwaltung/partners/partner/",
        {"action": "delete_selected", "_selected_action": [empty.pk], "post": "yes"},
    )
    assert not Partner.objects.filter(pk=empty.pk).exists()
