"""Receipts: PDF, JPEG or PNG, checked and cleaned; served only to those who read the ledger."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from finances.forms import MAX_RECEIPT_BYTES
from finances.models import Entry
from tests.factories import EntryFactory
from tests.support.responses import assert_not_found

ADD = reverse("admin:finances_entry_add")
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def png_with_metadata():
    out = io.BytesIO()
    image = Image.new("RGB", (40, 30), "white")
    info = PngInfo()
    info.add_text("Author", "Geheime Person")
    image.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def booking(category, receipt, amount="80.00"):
    return {
        "direction": "spending", "source": "", "booked_on": "2026-03-01", "amount": amount,
        "category": category.pk, "counterparty": "Bürobedarf Schulz", "note": "Papier",
        "receipt": receipt,
    }


def test_a_pdf_receipt_is_stored_in_the_private_folder_and_served_by_its_view(
    coordinator_client, year_2026
):
    response = coordinator_client.post(
        ADD, booking(year_2026["material"], SimpleUploadedFile("rechnung.pdf", PDF, "application/pdf"))
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = Entry.objects.get(counterparty="Bürobedarf Schulz")
    assert entry.receipt.name.startswith(f"alliances/{entry.alliance_id}/belege/")
    served = coordinator_client.get(reverse("finances:receipt", args=[entry.pk]))
    assert served.status_code == 200 and b"".join(served.streaming_content) == PDF
    assert "private" in served["Cache-Control"] and "no-store" in served["Cache-Control"]
    assert_not_found(coordinator_client.get(f"/media/{entry.receipt.name}"))


def test_an_image_receipt_is_cleaned_like_a_logo(coordinator_client, year_2026):
    upload = SimpleUploadedFile("quittung.png", png_with_metadata(), "image/png")
    coordinator_client.post(ADD, booking(year_2026["material"], upload))
    entry = Entry.objects.get(counterparty="Bürobedarf Schulz")
    with entry.receipt.open("rb") as file:
        content = file.read()
    assert b"Geheime Person" not in content
    assert Image.open(io.BytesIO(content)).format in {"JPEG", "PNG"}


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("skript.html", b"<script>alert(1)</script>", "als PDF, JPEG oder PNG"),
        ("halb.pdf", b"%PDF-1.4\n1 0 obj", "unvollständig"),
        ("riesig.pdf", b"%PDF-" + b"0" * (MAX_RECEIPT_BYTES + 1), "zu groß"),
    ],
)
def test_other_files_are_refused_with_a_message(coordinator_client, year_2026, name, content, message):
    response = coordinator_client.post(ADD, booking(year_2026["material"], SimpleUploadedFile(name, content)))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Entry.objects.filter(counterparty="Bürobedarf Schulz").exists()


def test_booking_in_the_admin_records_who_and_whether_it_waits(coordinator_client, coordinator, year_2026):
    coordinator_client.post(ADD, booking(year_2026["material"], "", amount="250.01"))
    entry = Entry.objects.get(counterparty="Bürobedarf Schulz")
    assert entry.recorded_by == coordinator and entry.needs_approval
    assert entry.amount == Decimal("250.01")
    assert entry.history.get().history_user == coordinator


def test_a_group_lead_gets_no_receipt(client, group_lead, year_2026):
    entry = EntryFactory(
        direction="spending", booked_on="2026-01-01", amount=Decimal("5.00"), category=year_2026["material"],
        receipt=SimpleUploadedFile("r.pdf", PDF),
    )
    client.force_login(group_lead)
    assert client.get(reverse("finances:receipt", args=[entry.pk])).status_code == 403
