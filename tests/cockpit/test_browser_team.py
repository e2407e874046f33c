"""In the browser: the coordinator invites a steering-group member, who sets the password from
the mailed link, sets up the second factor, keeps the backup codes and later logs in with
one of them; a used code is refused."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import TOTPDeviceFactory
from tests.support.otp import current_code, log_in_to_admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "Familien brauchen Zeit 2026!"
WIDE = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def axe_at_both_widths(page, axe):
    for size in (WIDE, PHONE):
        page.set_viewport_size(size)
        axe(page)
    page.set_viewport_size(WIDE)


def log_in(page, username, password):
    page.goto("/verwaltung/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()


def log_out(page):
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url("**/verwaltung/logout/")


def set_password_from_the_mailed_link(page):
    """The mailed link: set the password; the next page says what comes next."""
    (invitation,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/verwaltung/zugang/\S+)", invitation.body).group(1)
    page.goto(link)
    page.get_by_label("Passwort:", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Passwort wiederholen:").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Passwort festlegen").click()
    page.get_by_role("heading", name="Ihr Passwort ist gespeichert").wait_for()
    ready = page.locator("#content-main").inner_text()
    assert "mit der Rolle Steuerungsgruppe" in ready and "zehn Ersatzcodes" in ready
    assert "zurücksetzen" not in ready.lower()
    page.get_by_role("link", name="Zur Anmeldung").click()


def test_an_invited_steering_member_keeps_backup_codes_and_logs_in_with_one(page, coordinator, axe):
    TOTPDeviceFactory(user=coordinator, name="App")
    log_in_to_admin(page, coordinator)

    page.goto("/verwaltung/team/")
    page.get_by_role("heading", name="Wer was darf").wait_for()
    axe_at_both_widths(page, axe)
    page.get_by_role("link", name="Person einladen").click()
    page.get_by_label("E-Mail-Adresse").fill("jonas.keller@example.org")
    page.get_by_label("Vorname").fill("Jonas")
    page.get_by_label("Nachname").fill("Keller")
    page.get_by_role("radio", name=re.compile("Steuerungsgruppe: Sieht alles")).check()
    axe(page)
    page.get_by_role("button", name="Einladung senden").click()
    page.get_by_text("Jonas Keller ist eingeladen").wait_for()
    page.get_by_role("cell", name=re.compile("Steuerungsgruppe")).wait_for()
    log_out(page)

    set_password_from_the_mailed_link(page)

    # First login: the second factor, then the backup codes, shown once.
    log_in(page, "jonas.keller@example.org", NEW_PASSWORD)
    page.get_by_role("heading", name="Zwei-Faktor-Anmeldung einrichten").wait_for()
    member = get_user_model().objects.get(username="jonas.keller@example.org")
    page.get_by_label("Sechsstelliger Code aus der Authenticator-App").fill(
        current_code(TOTPDevice.objects.get(user=member))
    )
    page.get_by_role("button", name="Einrichten und anmelden").click()
    page.get_by_role("heading", name="Ersatzcodes für die Zwei-Faktor-Anmeldung").wait_for()
    codes = page.locator(".backup-code-list code").all_inner_texts()
    assert len(codes) == 10
    axe_at_both_widths(page, axe)
    page.get_by_role("link", name="Ich habe die Codes aufbewahrt – weiter").click()
    page.wait_for_url("**/verwaltung/")
    log_out(page)

    # The phone is not at hand: a backup code instead of the app's code.
    log_in(page, "jonas.keller@example.org", NEW_PASSWORD)
    page.get_by_label("Ersatzcode (acht Zeichen, vom Ausdruck)").fill(codes[0])
    page.get_by_role("button", name="Ersatzcode verwenden").click()
    page.get_by_text("Sie haben sich mit einem Ersatzcode angemeldet").wait_for()
    assert "Es bleiben 9 Ersatzcodes" in page.locator(".messagelist").inner_text()
    log_out(page)

    # The same code again is refused.
    log_in(page, "jonas.keller@example.org", NEW_PASSWORD)
    page.get_by_label("Ersatzcode (acht Zeichen, vom Ausdruck)").fill(codes[0])
    page.get_by_role("button", name="Ersatzcode verwenden").click()
    page.get_by_text("Dieser Ersatzcode gilt nicht").wait_for()
    page.goto("/verwaltung/")
    page.get_by_role("heading", name="Anmeldung bestätigen").wait_for()
    assert page.foreign_requests == []


def test_the_team_pages_at_both_widths(page, coordinator, steering_member, axe, tmp_path):
    TOTPDeviceFactory(user=coordinator, name="App")
    log_in_to_admin(page, coordinator)
    for path in (
        f"/verwaltung/team/{steering_member.pk}/",
        f"/verwaltung/team/{steering_member.pk}/zwei-faktor-zuruecksetzen/",
        "/verwaltung/team/einladen/",
    ):
        page.goto(path)
        axe_at_both_widths(page, axe)
    # A phone shows every person as a card, nothing cut off.
    page.goto("/verwaltung/team/")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.get_by_text("Rolle:").first.is_visible()
