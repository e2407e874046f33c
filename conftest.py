"""Test set-up every test directory needs because of the admin's two-factor login (issue 8).

Superusers and the group "Koordination" must confirm each admin session with a TOTP
code (buendnis/security.py). In tests, `client.force_login(user)` (and so pytest-django's
`admin_client`) means "completely logged in": it also gives the user a confirmed device
and marks the session as verified. The two-factor flow itself is tested with real
password logins in tests/security/test_admin_two_factor.py.
(tests/conftest.py is not ours to edit; this fixture can move there at merge time.)
"""

import pytest


@pytest.fixture(autouse=True)
def _force_login_passes_the_second_factor(monkeypatch):
    from django.test import Client

    from buendnis.security import requires_second_factor
    from tests.security.otp import _force_login, mark_verified

    def force_login(self, user, backend=None):
        _force_login(self, user, backend)
        if requires_second_factor(user):
            mark_verified(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)
