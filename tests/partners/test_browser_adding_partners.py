"""Adding a partner the one way there is, in Chromium at 1366 px: the paper signature,
German dates typed and shown, who entered what, and the dates refused."""

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from partners.models import Partner
from tests.factories import DeclarationFactory, FieldOfActionFactory, PartnerFactory
from tests.support.otp import sign_in
from tests.support.screenshots import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _today():
    return date_format(timezone.localdate(), "j. F Y")


def _add_on_paper(page, axe):
    """From the partner list: "Partner hinzufügen", a date in the future refused, then
    the German date from the paper."""
    page.goto("/verwaltung/partners/partner/")
    page.get_by_role("link", name="Partner hinzufügen").click()
    page.get_by_role("heading", name="Partner hinzufügen").wait_for()

    date = page.get_by_label("unterzeichnet am")
    # Today's date is visible in German, not an empty date input.
    assert date.get_attribute("type") == "text"
    assert date.input_value() == timezone.localdate().strftime("%d.%m.%Y")

    page.get_by_label("Name der Organisation").fill("Kirchengemeinde St. Marien")
    page.get_by_label("Art der Organisation").select_option(label="Kirche/Religionsgemeinschaft")
    page.get_by_label("unterzeichnet von").fill("Pfarrerin Beispiel")
    date.fill("01.01.2031")
    page.get_by_role("button", name="Unterzeichnung erfassen").click()
    page.get_by_text("Der 1. Januar 2031 liegt in der Zukunft.").wait_for()
    assert not Partner.objects.filter(name="Kirchengemeinde St. Marien").exists()
    shot(page, "partner-add-refused-1366")
    axe(page)

    page.get_by_label("unterzeichnet am").fill("")
    page.get_by_label("unterzeichnet am").press_sequentially("08.11.2017")
    page.get_by_role("button", name="Unterzeichnung erfassen").click()
    page.get_by_text("Papier-Unterzeichnung von „Kirchengemeinde St. Marien“ erfasst.").wait_for()
    return Partner.objects.get(name="Kirchengemeinde St. Marien")


def _withdraw_by_letter(page, on):
    page.get_by_label("ausgetreten am").fill(on)
    page.get_by_role("button", name="Austritt eintragen").click()


def test_the_coordinator_adds_a_partner_from_paper_then_records_its_withdrawal(
    page, coordinator, declaration, axe
):
    PartnerFactory(name="Stadtwerke Musterhausen", town="Musterhausen")
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in(page, coordinator)
    partner = _add_on_paper(page, axe)

    entered = f"erfasst von Maria Beispiel am {_today()}"
    page.get_by_text(entered).wait_for()
    assert page.locator(".field-status_display .readonly").inner_text() == "aktiv"
    assert page.get_by_text("8. November 2017").count() >= 1
    assert "12:00" not in page.content()
    shot(page, "partner-change-1366")
    assert partner.is_member and partner.listed

    page.get_by_role("link", name="Austritt eintragen (Brief, Anruf)").click()
    _withdraw_by_letter(page, "31.10.2017")
    page.get_by_text(
        "Der Austritt am 31. Oktober 2017 läge vor dem Beginn der Mitgliedschaft am 8. November 2017."
    ).wait_for()
    _withdraw_by_letter(page, "01.01.2031")
    page.get_by_text("Ein Austritt in der Zukunft lässt sich nicht eintragen").wait_for()
    partner.refresh_from_db()
    assert partner.is_member

    _withdraw_by_letter(page, "31.10.2026")
    page.get_by_text("Der Austritt von „Kirchengemeinde St. Marien“ ist eingetragen.").wait_for()
    # The line of the paper signature stays; the withdrawal adds its own.
    page.get_by_text(entered).wait_for()
    page.get_by_text(f"Austritt erfasst von Maria Beispiel am {_today()}").wait_for()
    assert page.locator(".field-status_display .readonly").inner_text() == "ausgetreten"
    assert page.get_by_text("31. Oktober 2026").count() >= 1
    partner.refresh_from_db()
    signature = partner.signatures.get()
    assert signature.entered_by == coordinator and signature.withdrawal_entered_by == coordinator
    assert timezone.localdate(signature.signed_at).isoformat() == "2017-11-08"
    assert timezone.localdate(signature.withdrawn_at).isoformat() == "2026-10-31"
    assert not partner.is_member
    assert page.foreign_requests == []


def test_the_partner_list_fits_a_laptop_and_a_phone(page, coordinator, declaration, axe):
    for number in range(3):
        PartnerFactory(
            name=f"Familienzentrum mit einem recht langen Namen Nummer {number}",
            town="Musterhausen-Nord", kind=Partner.Kind.YOUTH_WELFARE,
        )
    PartnerFactory(name="Ausgetreten AG", withdrawn=True, listed=False)
    sign_in(page, coordinator)
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/verwaltung/partners/partner/")
        table = page.locator("#result_list")
        table.wait_for()
        shot(page, f"partner-list-{width}")
        # Nothing cut off: neither the table's box nor the page scrolls sideways.
        scroll, visible = page.locator(".results").evaluate("r => [r.scrollWidth, r.clientWidth]")
        assert scroll <= visible, (width, scroll, visible)
        page_scroll = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert page_scroll[0] <= page_scroll[1], (width, page_scroll)
        text = table.inner_text()
        assert "None" not in text
        assert "partner seit" in text.lower() and "ausgetreten" in text
        axe(page)


def test_a_signed_declaration_version_cannot_be_edited(page, coordinator, declaration):
    PartnerFactory(declaration=declaration)
    unsigned = DeclarationFactory(version="2027", valid_from=timezone.localdate())
    sign_in(page, coordinator)
    page.goto(f"/verwaltung/partners/declaration/{declaration.pk}/change/")
    page.get_by_text("Partner haben diese Fassung unterzeichnet.").wait_for()
    assert page.locator("textarea[name=text]").count() == 0
    assert page.locator("input[name=version]").count() == 0
    assert page.locator(".field-signed_text .readonly").inner_text().strip() == "Wir machen mit für Familien."
    shot(page, "declaration-signed-1366")

    page.goto(f"/verwaltung/partners/declaration/{unsigned.pk}/change/")
    assert page.locator("textarea[name=text]").count() == 1
    assert page.get_by_label("gültig ab").input_value() == timezone.localdate().strftime("%d.%m.%Y")


def test_fields_of_action_are_ticked_by_touch_on_a_phone(page, coordinator, declaration):
    field = FieldOfActionFactory(name="Vereinbarkeit von Familie und Beruf")
    partner = PartnerFactory(name="Stadtwerke Musterhausen")
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, coordinator)
    page.goto(f"/verwaltung/partners/partner/{partner.pk}/change/")
    box = page.get_by_label("Vereinbarkeit von Familie und Beruf")
    assert box.get_attribute("type") == "checkbox"
    box.check()
    shot(page, "partner-change-390")
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.get_by_text("erfolgreich geändert").wait_for()
    assert list(partner.fields_of_action.all()) == [field]
