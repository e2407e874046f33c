"""The Verwendungsnachweis of a grant: PDF and Excel with the list of receipts."""

import datetime
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from finances import services
from finances.models import Entry
from tests.support.pdfs import pdf_text, squeeze
from tests.support.responses import streamed_body


def url(grant, fmt):
    return reverse("finances:grant_statement", args=[grant.pk, fmt])


def test_the_pdf_lists_income_and_receipts_of_the_period(coordinator_client, steering_member, year_2026):
    grant = year_2026["grant"]
    services.approve_entry(year_2026["rent"], steering_member)
    # Outside the grant's period: not in its statement.
    services.book(Entry(direction="spending", category=year_2026["material"], grant=grant,
                        booked_on=datetime.date(2027, 1, 5), amount=Decimal("10.00")), steering_member)
    response = coordinator_client.get(url(grant, "pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = squeeze(pdf_text(response.content))
    for expected in ["Verwendungsnachweis", "LandkreisMusterhausen", "3.000,00€", "199,99€", "600,00€",
                     "799,99€", "2.200,01€", "DruckereiKorn", "StadthalleMusterhausen"]:
        assert expected in text, expected
    assert "10,00€" not in text


def test_a_waiting_entry_is_not_in_the_statement(coordinator_client, year_2026):
    text = squeeze(pdf_text(coordinator_client.get(url(year_2026["grant"], "pdf")).content))
    assert "600,00€" not in text and "199,99€" in text


def test_the_excel_has_the_same_rows(coordinator_client, year_2026):
    receipt = services.book(
        Entry(direction="spending", category=year_2026["press"], grant=year_2026["grant"],
              booked_on=datetime.date(2026, 8, 1), amount=Decimal("12.34"),
              receipt=SimpleUploadedFile("r.pdf", b"%PDF-1.4\n%%EOF")),
        None,
    )
    response = coordinator_client.get(url(year_2026["grant"], "xlsx"))
    rows = list(load_workbook(io.BytesIO(streamed_body(response))).active.iter_rows(values_only=True))
    header, *entries = rows
    amounts = [Decimal(str(row[header.index("Betrag (Euro)")])) for row in entries]
    assert amounts == [Decimal("3000.00"), Decimal("199.99"), Decimal("12.34")]
    receipts = {row[0]: row[header.index("Beleg")] for row in entries}
    assert receipts[receipt.pk] is True


def test_a_group_lead_gets_no_statement(client, group_lead, year_2026):
    client.force_login(group_lead)
    assert client.get(url(year_2026["grant"], "pdf")).status_code == 403
