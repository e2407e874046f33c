import pytest
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.support.accounts import staff_account
from tests.support.otp import current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ein-langes-passwort-123"


def test_coordinator_enrols_an_app_and_logs_in_again(page, alliance, django_user_model, axe):
    user = staff_account("koordination", "k@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get_or_create(name="Koordination")[0])

    page.goto("/verwaltung/")
    page.get_by_label("Benutzername").fill("koordination")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("heading", name="Zwei-Faktor-Anmeldung einrichten").wait_for()
    assert page.get_by_role("img", name="QR-Code zum Einrichten der Authenticator-App").is_visible()
    axe(page)
    device = TOTPDevice.objects.get(user=user)
    page.get_by_label("Sechsstelliger Code aus der Authenticator-App").fill(current_code(device))
    page.get_by_role("button", name="Einrichten und anmelden").click()
    page.get_by_role("heading", name="Ersatzcodes für die Zwei-Faktor-Anmeldung").wait_for()
    page.get_by_role("link", name="Ich habe die Codes aufbewahrt – weiter").click()
    page.wait_for_url("**/verwaltung/")
    assert page.get_by_role("button", name="Abmelden").is_visible()

    page.get_by_role("button", name="Abmelden").click()
    page.goto("/verwaltung/")
    page.get_by_label("Benutzername").fill("koordination")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("heading", name="Anmeldung bestätigen").wait_for()
    axe(page)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)  # the same 30 s window again
    page.get_by_label("Sechsstelliger Code aus der Authenticator-App").fill(current_code(device))
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/verwaltung/")
    assert page.foreign_requests == []
