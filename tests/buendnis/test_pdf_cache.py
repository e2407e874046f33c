"""A PDF is rendered once and served from MEDIA_ROOT until what it shows changes."""

from unittest import mock

import pytest
import weasyprint
from django.utils import timezone

from buendnis.lib import pdf
from events.models import AgendaItem, Minutes, Task
from partners.documents import partner_certificate_file
from tests.factories import AT_FOUNDING, PartnerFactory
from tests.support.pdfs import pdf_text, squeeze

FOUNDING = "/gruendungsurkunde.pdf"
MINUTES = "/termine/buendnistreffen-2025/protokoll.pdf"


def cached_files(settings):
    return sorted((settings.MEDIA_ROOT / pdf.CACHE_DIRECTORY).rglob("*.pdf"))


def test_second_request_does_not_run_weasyprint(client, alliance, founding_partners, settings):
    founding_partners(3)
    first = client.get(FOUNDING)

    with mock.patch.object(weasyprint, "HTML", side_effect=AssertionError("rendered again")):
        second = client.get(FOUNDING)

    assert second.status_code == 200
    assert second.content == first.content
    assert len(cached_files(settings)) == 1


def test_change_to_the_alliance_profile_gives_a_new_pdf(client, alliance, weasyprint_calls, settings):
    first = client.get(FOUNDING)
    alliance.founding_place = "Stadthalle Musterhausen"
    alliance.save()

    second = client.get(FOUNDING)

    assert weasyprint_calls.call_count == 2
    assert second["ETag"] != first["ETag"]
    assert "Stadthalle Musterhausen" in pdf_text(second.content)
    assert len(cached_files(settings)) == 1  # the outdated PDF is gone


@pytest.mark.parametrize("change", ["rename", "new founding partner"])
def test_change_to_the_founding_partners_gives_a_new_pdf(
    client,
    alliance,
    founding_partners,
    weasyprint_calls,
    change,
):
    first, second = founding_partners(2)
    client.get(FOUNDING)
    if change == "rename":
        first.name = "Umbenannte Organisation"
        first.save()
    else:
        founding_partners(1)

    response = client.get(FOUNDING)
    client.get(FOUNDING)

    assert weasyprint_calls.call_count == 2
    text = squeeze(pdf_text(response.content))
    if change == "rename":
        assert "UmbenannteOrganisation" in text


def test_a_founder_withdrawing_leaves_the_cached_certificate_as_it_is(
    client, alliance, founding_partners, weasyprint_calls
):
    first, second = founding_partners(2)
    before = client.get(FOUNDING)
    second.signatures.update(withdrawn_at=timezone.now())

    after = client.get(FOUNDING)

    assert weasyprint_calls.call_count == 1
    assert after["ETag"] == before["ETag"]
    assert squeeze(second.name) in squeeze(pdf_text(after.content))


@pytest.mark.parametrize("change", ["minutes", "item", "task", "attendee"])
def test_change_to_the_minutes_gives_a_new_pdf(client, alliance, full_minutes, weasyprint_calls, change):
    minutes = full_minutes(items=2)
    client.get(MINUTES)
    client.get(MINUTES)
    assert weasyprint_calls.call_count == 1

    if change == "minutes":
        minutes.summary = "Neue Zusammenfassung."
        minutes.save()
    elif change == "item":
        AgendaItem.objects.filter(minutes=minutes, position=1).update(decisions="Neuer Beschluss.")
    elif change == "task":
        Task.objects.filter(agenda_item__minutes=minutes).update(responsible="Steuerungsgruppe")
    else:
        minutes.partners_present.add(PartnerFactory(name="Neu dabei e. V.", **AT_FOUNDING))

    response = client.get(MINUTES)

    assert weasyprint_calls.call_count == 2
    text = squeeze(pdf_text(response.content))
    expected = {
        "minutes": "Neue Zusammenfassung.",
        "item": "Neuer Beschluss.",
        "task": "Steuerungsgruppe",
        "attendee": "Neu dabei e. V.",
    }[change]
    assert squeeze(expected) in text


def test_draft_and_approved_minutes_are_stored_apart(alliance, full_minutes, settings):
    from events.documents import minutes_pdf_file

    minutes = full_minutes(approved=False)
    draft = minutes_pdf_file(minutes)
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at = timezone.now()
    minutes.save()
    approved = minutes_pdf_file(minutes)

    assert draft.fingerprint != approved.fingerprint
    assert {path.parent.name for path in cached_files(settings)} == {
        f"protokoll-{minutes.pk}",
        f"protokoll-{minutes.pk}-entwurf",
    }


def test_partner_certificate_is_cached_until_the_partner_changes(alliance, weasyprint_calls):
    partner = PartnerFactory(name="Kita Regenbogen", **AT_FOUNDING)
    first = partner_certificate_file(partner).content
    assert partner_certificate_file(partner).content == first
    assert weasyprint_calls.call_count == 1

    partner.name = "Kita Regenbogen gGmbH"
    partner.save()
    renamed = partner_certificate_file(partner).content

    assert weasyprint_calls.call_count == 2
    assert "Kita Regenbogen gGmbH" in pdf_text(renamed)


def test_cache_headers_and_not_modified(client, alliance):
    first = client.get(FOUNDING)

    assert first["ETag"].startswith('"') and len(first["ETag"]) > 20
    assert first["Cache-Control"] == "public, no-cache"
    assert "Last-Modified" in first

    again = client.get(FOUNDING, headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_an_outdated_etag_gets_the_new_pdf(client, alliance):
    first = client.get(FOUNDING)
    alliance.name = "Neues Bündnis"
    alliance.save()

    response = client.get(FOUNDING, headers={"If-None-Match": first["ETag"]})

    assert response.status_code == 200
    assert "Neues Bündnis" in pdf_text(response.content)


def test_a_cached_file_that_disappeared_is_rendered_again(client, alliance, settings):
    client.get(FOUNDING)
    for path in cached_files(settings):
        path.unlink()

    response = client.get(FOUNDING)

    assert response.status_code == 200
    assert len(cached_files(settings)) == 1


def test_head_request_answers_without_a_body(client, alliance):
    response = client.head(FOUNDING)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content == b""
