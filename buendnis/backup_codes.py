"""The second factor's devices: the authenticator app being set up and confirmed, and ten
printable one-time backup codes (django-otp's static device).

A person who loses the phone with the authenticator app logs in with one of them instead
of the app's code; each code works once. New codes void the old ones. Without codes, a
second coordinator (the Team page) or the Servicestelle resets the second factor
(`reset_second_factor`), and the next login sets it up again.
"""

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from buendnis import emails
from buendnis.tenancy import current_alliance_id

BACKUP_CODE_COUNT = 10
DEVICE_NAME = "Ersatzcodes"


def normalized(code):
    """What a person types, as stored: without spaces and hyphens, lower case."""
    return "".join(code.split()).replace("-", "").lower()


def readable(code):
    """A stored code as printed: two groups of four ("abcd-efgh")."""
    return f"{code[:4]}-{code[4:]}" if len(code) == 8 else code


@transaction.atomic
def new_backup_codes(user):
    """Ten new codes for `user`, as printed; every earlier code is void."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = []
    while len(codes) < BACKUP_CODE_COUNT:
        code = StaticToken.random_token()
        if code not in codes:
            codes.append(code)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [readable(code) for code in codes]


def remaining_backup_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def use_backup_code(user, code):
    """The device of `code` if it is one of the user's unused codes (it is used up now),
    else None. django-otp slows down repeated failures (ThrottlingMixin)."""
    code = normalized(code)
    for device in StaticDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(code):
            return device
    return None


def renew_backup_codes(user):
    """New codes for `user` (the old ones void), who is told by e-mail. On the
    installation's own domain (the Servicestelle) there is no alliance to write in the
    name of: the new codes are on the page, no mail goes out."""
    codes = new_backup_codes(user)
    if user.email and current_alliance_id() is not None:
        emails.send_templated("backup_codes_renewed", {"user": user}, [user.email])
    return codes


def app_to_set_up(user):
    """The authenticator app `user` is setting up (its QR code), made on the first visit."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=False)


def confirm_app(device, token):
    """Whether `token` is the app's current code; if so the app is confirmed."""
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def has_app(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def has_second_factor(user):
    """An app or unused backup codes: the login asks for a code, never sets up anew
    (who knows only the password must not enrol a phone of their own)."""
    return has_app(user) or remaining_backup_codes(user) > 0


@transaction.atomic
def reset_second_factor(user):
    """Forget the app and the backup codes of `user`: the next login (and the next
    request of a running session) asks to set the second factor up again."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
