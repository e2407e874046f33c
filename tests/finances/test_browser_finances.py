"""The whole cycle in the browser: the coordinator books a grant and three expenses with
receipts, one waits, a steering-group member approves it, the page and the yearly
account's PDF show the same totals, and a Storno corrects an entry without deleting it."""

import re
from decimal import Decimal

import pytest

from buendnis.roles import STEERING_GROUP
from finances.models import Entry
from tests.factories import CategoryFactory, UserFactory
from tests.support.otp import sign_in
from tests.support.pdfs import pdf_text, squeeze
from tests.support.screenshots import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def book(page, direction, amount, payee, *, category=None, source=None, receipt=None):
    page.goto("/verwaltung/finances/entry/add/")
    page.get_by_label(re.compile("^Art:?$")).select_option(label=direction)
    if source:
        page.get_by_label("Herkunft").select_option(label=source)
    page.get_by_label("Datum").fill("15.03.2026")
    page.get_by_label("Betrag (Euro)").fill(amount)
    if category:
        page.get_by_label("Kategorie").select_option(label=category)
    page.get_by_label(re.compile("^Zuwendung:?$")).select_option(index=1)
    page.get_by_label("Empfänger oder Geber").fill(payee)
    if receipt:
        page.get_by_label("Beleg").set_input_files(receipt)
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.get_by_text("erfolgreich hinzugefügt").wait_for()


def totals(page):
    page.goto("/verwaltung/finanzen/?jahr=2026")
    return page.locator("#income-total").inner_text(), page.locator("#spending-total").inner_text()


def test_book_approve_report_and_reverse(page, browser, live_server, coordinator, axe):
    CategoryFactory(name="Veranstaltungen", slug="veranstaltungen")
    steering = UserFactory(username="steuerung", first_name="Stefan", roles=[STEERING_GROUP])
    sign_in(page, coordinator)

    page.goto("/verwaltung/finances/grant/add/")
    page.get_by_label("Zuwendungsgeber").fill("Landkreis Musterhausen")
    page.get_by_label("Zweck").fill("Familientag 2026")
    page.get_by_label("Bewilligungszeitraum von").fill("01.01.2026")
    page.get_by_label("Bewilligungszeitraum bis").fill("31.12.2026")
    page.get_by_label("bewilligt (Euro)").fill("3000")
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.get_by_text("erfolgreich hinzugefügt").wait_for()

    book(page, "Einnahme", "3000.00", "Landkreis Musterhausen", source="Zuwendung (Auszahlung)")
    receipt = {"name": "rechnung.pdf", "mimeType": "application/pdf", "buffer": PDF}
    book(page, "Ausgabe", "120.00", "Druckerei Korn", category="Veranstaltungen", receipt=receipt)
    book(page, "Ausgabe", "80.50", "Bäckerei am Markt", category="Veranstaltungen", receipt=receipt)
    book(page, "Ausgabe", "600.00", "Stadthalle", category="Veranstaltungen", receipt=receipt)

    assert totals(page) == ("3.000,00\u00a0€", "200,50\u00a0€")
    assert "600,00" in page.locator("#waiting").inner_text()
    axe(page)

    other = browser.new_context(locale="de-DE", base_url=live_server.url)
    steering_page = other.new_page()
    sign_in(steering_page, steering, live_server.url)
    steering_page.goto("/verwaltung/finanzen/?jahr=2026")
    steering_page.get_by_role("link", name="Freigeben …").click()
    steering_page.get_by_role("button", name="Ja, Ausgabe freigeben").click()
    steering_page.get_by_text("Die Ausgabe ist freigegeben").wait_for()
    assert totals(steering_page) == ("3.000,00\u00a0€", "800,50\u00a0€")
    assert "Keine Ausgabe wartet auf Freigabe" in steering_page.content()
    for width in (1366, 390):
        steering_page.set_viewport_size({"width": width, "height": 900})
        shot(steering_page, f"finanzen-{width}")
    axe(steering_page)

    pdf = steering_page.request.get("/verwaltung/finanzen/jahresbericht-2026.pdf")
    text = squeeze(pdf_text(pdf.body()))
    assert "3.000,00€" in text and "800,50€" in text

    bakery = Entry.objects.get(counterparty="Bäckerei am Markt")
    page.goto(f"/verwaltung/finances/entry/{bakery.pk}/change/")
    page.get_by_role("link", name="Stornieren …").click()
    page.get_by_label("Grund des Stornos").fill("Rechnung ging an die AG")
    page.get_by_role("button", name="Ja, Buchung stornieren").click()
    page.get_by_text(re.compile("Storno der Buchung")).first.wait_for()
    assert totals(page) == ("3.000,00\u00a0€", "720,00\u00a0€")
    bakery.refresh_from_db()
    assert bakery.amount == Decimal("80.50") and bakery.reversal.amount == Decimal("-80.50")
    other.close()
    assert page.foreign_requests == []
