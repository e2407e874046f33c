"""The yearly account: a draft PDF from the portal's data, approved and frozen, published."""

import datetime
import hashlib

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from events.models import Suggestion
from finances import services
from finances.models import AnnualReport
from tests.factories import (
    AnnualReportFactory,
    EventFactory,
    MailingFactory,
    MinutesFactory,
    PartnerFactory,
    ProjectFactory,
    SuggestionFactory,
    WorkingGroupFactory,
)
from tests.support.pdfs import pdf_text, squeeze
from tests.support.responses import assert_admin_page, assert_not_found


def at(day):
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)


def activity_2026():
    PartnerFactory(name="Neue Kita Sonnenschein", signed_at=at(datetime.date(2026, 2, 1)),
                   confirmed_at=at(datetime.date(2026, 2, 1)))
    PartnerFactory(name="Alte Druckerei", withdrawn=True, signed_at=at(datetime.date(2019, 1, 1)),
                   withdrawn_at=at(datetime.date(2026, 9, 1)))
    WorkingGroupFactory(name="AG Zeitpolitik", started_on=datetime.date(2026, 3, 1))
    ProjectFactory(title="Ferienbetreuung 2026", starts_on=datetime.date(2026, 6, 1))
    event = EventFactory(title="Plenum 2026", starts_at=at(datetime.date(2026, 4, 20)))
    MinutesFactory(event=event, number_of_guests=7)
    answered = SuggestionFactory(status="done")
    Suggestion.objects.filter(pk=answered.pk).update(settled_at=at(datetime.date(2026, 7, 1)))
    MailingFactory(subject="Einladung", status="sent", sent_at=at(datetime.date(2026, 5, 1)))


def draft_pdf(client, year=2026):
    response = client.get(reverse("finances:annual_report_pdf", args=[year]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return response.content


def test_the_draft_shows_the_years_work_and_money(coordinator_client, year_2026):
    activity_2026()
    AnnualReportFactory(year=2026, foreword="Danke an alle Partner für ein starkes Jahr.")
    text = squeeze(pdf_text(draft_pdf(coordinator_client)))
    for expected in [
        "Jahresbericht2026", "Entwurf", "DankeanallePartner", "NeueKitaSonnenschein", "AlteDruckerei",
        "AGZeitpolitik", "Ferienbetreuung2026", "Plenum2026",
        "1WunschoderAnregungwurdebeantwortet", "RundmailsandiePartnerversandt:1",
        "3.150,50€", "242,09€", "Sachkosten", "2.000,00€", "Spende", "Zuwendung(Auszahlung)",
    ]:
        assert squeeze(expected) in text, expected


def test_approval_freezes_the_pdf_with_its_sha256(client, coordinator_client, steering_member, year_2026):
    report = AnnualReportFactory(year=2026)
    url = reverse("finances:approve_report", args=[report.pk])
    client.force_login(steering_member)
    assert_admin_page(client.get(url))
    assert client.post(url).status_code == 302
    report.refresh_from_db()
    assert report.is_approved and report.approved_by == steering_member
    assert report.sha256 == hashlib.sha256(bytes(report.pdf)).hexdigest()
    # Later bookings change nothing in the approved PDF.
    services.approve_entry(year_2026["rent"], steering_member)
    frozen = client.get(reverse("finances:annual_report_pdf", args=[2026])).content
    assert frozen == bytes(report.pdf)
    assert "842,09" not in pdf_text(frozen)
    page = coordinator_client.get(reverse("finances:overview"), {"jahr": 2026}).content.decode()
    assert report.sha256 in page
    again = client.post(url)
    assert again.status_code == 400 and "bereits freigegeben" in again.content.decode()


def test_the_coordinator_does_not_approve_her_own_account(coordinator_client, year_2026):
    report = AnnualReportFactory(year=2026)
    response = coordinator_client.post(reverse("finances:approve_report", args=[report.pk]))
    assert response.status_code == 400
    report.refresh_from_db()
    assert not report.is_approved and not report.pdf


def test_an_approved_report_is_published_on_the_transparency_page(
    client, coordinator_client, steering_member, year_2026
):
    report = services.approve_report(AnnualReportFactory(year=2026), steering_member)
    public = reverse("finances:published_report", args=[2026])
    assert_not_found(client.get(public))
    response = coordinator_client.post(reverse("finances:publish_report", args=[report.pk]), {"publish": "1"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.published
    client.logout()
    assert client.get(public).content == bytes(report.pdf)


def test_a_draft_cannot_be_published(coordinator_client, year_2026):
    report = AnnualReportFactory(year=2026)
    coordinator_client.post(reverse("finances:publish_report", args=[report.pk]), {"publish": "1"})
    report.refresh_from_db()
    assert not report.published


def test_an_approved_report_cannot_be_edited(coordinator_client, steering_member, year_2026):
    report = services.approve_report(AnnualReportFactory(year=2026), steering_member)
    url = reverse("admin:finances_annualreport_change", args=[report.pk])
    coordinator_client.post(url, {"year": 2026, "foreword": "anders"})
    report.refresh_from_db()
    assert report.foreword == "Ein Jahr mit vielen neuen Partnern."


def test_the_command_writes_the_pdf(tmp_path, alliance, year_2026):
    output = tmp_path / "bericht.pdf"
    call_command("annual_report", "--alliance", alliance.slug, "--year", "2026", "--output", str(output))
    text = squeeze(pdf_text(output.read_bytes()))
    assert "Jahresbericht2026" in text and "242,09€" in text


def test_the_command_needs_the_alliance(tmp_path, alliance):
    with pytest.raises(CommandError, match="--alliance"):
        call_command("annual_report", "--year", "2026", "--output", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_the_report_is_for_its_alliance_only(client, group_lead, year_2026):
    client.force_login(group_lead)
    assert client.get(reverse("finances:annual_report_pdf", args=[2026])).status_code == 403
    assert AnnualReport.objects.count() == 0
