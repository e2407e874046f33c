"""Log a test client (or a browser) in as an admin user whose session passed the second
factor."""

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


def sign_in(page, user, base_url=None):
    """Browser tests in which logging in is not the subject: the session that a completed
    login (password and second factor) leaves, handed to the browser as its cookie for
    `base_url` (by default the live server's), instead of the three pages of
    `log_in_to_admin` (about two seconds each time here). The login itself is clicked
    through in test_browser_two_factor.py, test_first_day.py, test_browser_team.py and
    test_browser_dashboard.py."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)  # with the second factor confirmed (tests/conftest.py)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url or page.base_url}
    page.context.add_cookies([cookie])
