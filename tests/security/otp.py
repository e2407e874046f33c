"""Log a test client in as an admin user whose session passed the second factor."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def login_verified(client, user):
    """force_login plus a confirmed TOTP device marked as verified in the session."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="Test-Gerät", defaults={"confirmed": True}
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
