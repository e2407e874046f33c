"""One way to add a partner: the declaration signed on paper. The status follows from
the signatures; the dates are plausible; who entered what is shown and kept."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from partners import coordination
from partners.models import Partner, Signature
from tests.factories import DeclarationFactory, PartnerFactory

CHANGELIST = "/verwaltung/partners/partner/"
ADD = "/verwaltung/partners/partner/add/"


def _paper(**overrides):
    data = {
        "name": "Gründungsverein", "kind": Partner.Kind.ASSOCIATION, "signed_on": "08.11.2017",
        "signed_by": "Hans Vorstand", "wants_listing": "on",
    }
    data.update(overrides)
    return data


def _today():
    return timezone.localdate().strftime("%d.%m.%Y")


def test_partner_hinzufuegen_is_the_paper_signature_form(coordinator_client, declaration):
    page = coordinator_client.get(CHANGELIST).content.decode()
    assert f'href="{ADD}"' in page and "Partner hinzufügen" in page

    response = coordinator_client.get(ADD)
    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["title"] == "Partner hinzufügen"
    for label in ("unterzeichnet am", "unterzeichnet von", "unterzeichnete Fassung",
                  "Ansprechperson", "möchte öffentlich genannt werden"):
        assert label in content
    # No status to type: it follows from the signature.
    assert 'name="status"' not in content and 'name="listed"' not in content
    # The date she sees is today's, in German, in a text input every browser shows.
    assert f'value="{_today()}"' in content
    assert 'placeholder="TT.MM.JJJJ"' in content and 'inputmode="numeric"' in content
    assert 'type="date"' not in content


def test_a_partner_added_on_paper_is_active_with_who_entered_it(
    coordinator_client, coordinator, declaration
):
    response = coordinator_client.post(ADD, {**_paper(), "declaration": declaration.pk})

    partner = Partner.objects.get(name="Gründungsverein")
    assert response.status_code == 302
    assert response["Location"] == f"{CHANGELIST}{partner.pk}/change/"
    signature = partner.signatures.get()
    assert signature.source == Signature.Source.PAPER
    assert timezone.localdate(signature.signed_at) == datetime.date(2017, 11, 8)
    assert signature.entered_by == coordinator
    assert partner.is_member and partner.listed
    assert mail.outbox == []

    page = coordinator_client.get(response["Location"]).content.decode()
    today = timezone.localdate()
    assert f"erfasst von Maria Beispiel am {today.day}. " in page
    assert "8. November 2017" in page
    assert "12:00" not in page and "2017-11-08" not in page
    assert '<div class="readonly">aktiv</div>' in page


def test_the_change_form_has_no_status_to_type(coordinator_client, declaration):
    partner = PartnerFactory(withdrawn=True, listed=False)
    page = coordinator_client.get(f"{CHANGELIST}{partner.pk}/change/").content.decode()
    assert '<div class="readonly">ausgetreten</div>' in page
    assert 'name="status"' not in page and 'name="is_member"' not in page


@pytest.mark.parametrize("typed", ["08.11.2017", "8.11.2017", "08112017", "8 11 2017", "2017-11-08"])
def test_a_german_date_is_read_however_it_is_typed(coordinator_client, declaration, typed):
    coordinator_client.post(ADD, {**_paper(signed_on=typed), "declaration": declaration.pk})
    signature = Signature.objects.get(partner__name="Gründungsverein")
    assert timezone.localdate(signature.signed_at) == datetime.date(2017, 11, 8)


def test_a_signature_in_the_future_is_refused(coordinator_client, declaration):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = coordinator_client.post(
        ADD, {**_paper(signed_on=tomorrow.strftime("%d.%m.%Y")), "declaration": declaration.pk}
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors["signed_on"]
    assert "liegt in der Zukunft" in error and str(tomorrow.year) in error
    assert not Partner.objects.exists()


def test_a_signature_before_its_version_was_valid_is_refused(coordinator_client, declaration):
    newer = DeclarationFactory(version="2024-2", valid_from=datetime.date(2024, 6, 1))
    response = coordinator_client.post(ADD, {**_paper(signed_on="31.05.2024"), "declaration": newer.pk})
    [error] = response.context["form"].errors["signed_on"]
    assert error.startswith("Am 31. Mai 2024 galt die Fassung „2024-2“ noch nicht (gültig ab 1. Juni 2024).")
    assert not Partner.objects.exists()


def test_the_service_refuses_implausible_paper_dates(coordinator, declaration):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="in der Zukunft"):
        coordination.enter_paper_signature(
            name="Zukunft e. V.", kind=Partner.Kind.ASSOCIATION, signed_on=tomorrow,
            declaration=declaration, entered_by=coordinator,
        )
    with pytest.raises(ValidationError, match="galt die Fassung"):
        coordination.enter_paper_signature(
            name="Zu früh e. V.", kind=Partner.Kind.ASSOCIATION, signed_on=datetime.date(2017, 11, 7),
            declaration=declaration, entered_by=coordinator,
        )
    assert not Partner.objects.exists()


def _since_2025():
    return PartnerFactory(
        name="Autohaus Adler", signed_at=timezone.make_aware(datetime.datetime(2025, 3, 1, 12)),
    )


def test_a_withdrawal_before_the_membership_began_is_refused(coordinator_client, coordinator, declaration):
    partner = _since_2025()
    url = reverse("admin:partners_partner_withdrawal", args=[partner.pk])
    response = coordinator_client.post(url, {"withdrawn_on": "28.02.2025"})
    assert response.status_code == 200
    [error] = response.context["form"].errors["withdrawn_on"]
    assert error.startswith(
        "Der Austritt am 28. Februar 2025 läge vor dem Beginn der Mitgliedschaft am 1. März 2025."
    )
    with pytest.raises(ValidationError, match="vor dem Beginn"):
        coordination.record_withdrawal(partner, datetime.date(2025, 2, 28), coordinator)
    partner.refresh_from_db()
    assert partner.is_member and mail.outbox == []


def test_a_withdrawal_by_letter_keeps_who_entered_the_paper_signature(
    coordinator_client, coordinator, declaration
):
    coordinator_client.post(ADD, {**_paper(), "declaration": declaration.pk})
    partner = Partner.objects.get(name="Gründungsverein")
    entered_at = partner.signatures.get().entered_at

    url = reverse("admin:partners_partner_withdrawal", args=[partner.pk])
    assert coordinator_client.post(url, {"withdrawn_on": "31.10.2026"}).status_code == 302

    signature = partner.signatures.get()
    assert signature.entered_by == coordinator and signature.entered_at == entered_at
    assert signature.withdrawal_entered_by == coordinator
    assert timezone.localdate(signature.withdrawn_at) == datetime.date(2026, 10, 31)
    page = coordinator_client.get(f"{CHANGELIST}{partner.pk}/change/").content.decode()
    assert "erfasst von Maria Beispiel am" in page
    assert "Austritt erfasst von Maria Beispiel am" in page
    assert "31. Oktober 2026" in page


def test_the_partner_list_reads_in_her_words(coordinator_client, declaration):
    PartnerFactory(name="Seit 2017", signed_at=timezone.make_aware(datetime.datetime(2017, 11, 8, 12)))
    PartnerFactory(name="Ausgetreten AG", withdrawn=True, listed=False, town="")
    PartnerFactory(name="Ohne Einwilligung", wants_listing=False, listed=False)
    response = coordinator_client.get(CHANGELIST)
    content = response.content.decode()
    start = content.index('id="result_list"')
    table = content[start:content.index("</table>", start)]
    assert "8. November 2017" in table
    assert "None" not in table and "2017-11-08" not in table and "08.11.2017" not in table
    assert "verborgen (ohne Einwilligung)" in table and "gezeigt" in table
    assert "ausgetreten" in table
    assert "css/admin_partners.css" in content


def test_a_paper_signature_is_shown_as_a_day_without_a_time(coordinator_client, declaration):
    coordinator_client.post(ADD, {**_paper(), "declaration": declaration.pk})
    signature = Signature.objects.get()
    for url in ("/verwaltung/partners/signature/", f"/verwaltung/partners/signature/{signature.pk}/change/"):
        content = coordinator_client.get(url).content.decode()
        assert "8. November 2017" in content, url
        assert "12:00" not in content and "13:00" not in content, url
    assert "erfasst von Maria Beispiel am" in content
