"""Personal links without passwords.

A token is a signed, timestamped value naming a purpose and an object. It also
carries a fingerprint of the object's state, so a link stops working once the
action it was made for has happened (an "already used" link), without storing
anything.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core import signing


class TokenError(Exception):
    """The link cannot be used. `reason` is one of: invalid, expired, used."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass
class TokenData:
    object_id: int
    fingerprint: str


def _fingerprint(state):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{state}".encode()).hexdigest()
    return digest[:16]


def make_token(purpose, object_id, state=""):
    return signing.dumps(
        {"id": object_id, "s": _fingerprint(state)}, salt=f"buendnis.{purpose}", compress=True
    )


def read_token(token, purpose, max_age):
    """Return TokenData or raise TokenError("invalid" | "expired")."""
    try:
        value = signing.loads(token, salt=f"buendnis.{purpose}", max_age=max_age)
    except signing.SignatureExpired:
        raise TokenError("expired") from None
    except signing.BadSignature:
        raise TokenError("invalid") from None
    if not isinstance(value, dict) or not isinstance(value.get("id"), int):
        raise TokenError("invalid")
    return TokenData(object_id=value["id"], fingerprint=str(value.get("s", "")))


def check_state(data, state):
    """Raise TokenError("used") when the object changed since the token was made."""
    if data.fingerprint != _fingerprint(state):
        raise TokenError("used")
