"""Log a test client in as an admin user whose session passed the second factor."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

_force_login = Client.force_login  # Django's own, before conftest.py wraps it


def mark_verified(client, user):
    """Give `user` a confirmed TOTP device and count the client's session as verified."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="Test-Gerät", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def login_verified(client, user):
    """force_login plus a verified second factor, for any user."""
    _force_login(client, user)
    return mark_verified(client, user)


def current_code(device):
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def pass_second_factor(page, user):
    """Browser tests: after the password, enter the current code (enrolling if needed)."""
    import re

    field = page.get_by_label("Sechsstelliger Code aus der Authenticator-App")
    field.wait_for()
    device = TOTPDevice.objects.filter(user=user).order_by("-pk").first()
    field.fill(current_code(device))
    page.get_by_role("button", name=re.compile("anmelden", re.IGNORECASE)).click()
    if not device.confirmed:  # set up just now: the backup codes come before the admin
        page.get_by_role("link", name="Ich habe die Codes aufbewahrt – weiter").click()


def log_in_to_admin(page, user, password="ein-langes-passwort-123"):
    """Browser tests: log in to the admin as `user`, with the second factor where needed."""
    from buendnis.security import requires_second_factor

    page.goto("/verwaltung/")
    page.get_by_label("Benutzername").fill(user.username)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    if requires_second_factor(user):
        pass_second_factor(page, user)
    page.locator("#site-name").wait_for()
