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
