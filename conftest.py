"""Fixtures every test directory needs because of the admin's two-factor login (issue 8).

Superusers and the group "Koordination" must confirm each admin session with a TOTP
code (buendnis/security.py). `admin_client` is redefined here so that it logs in with
a confirmed device whose session counts as verified; other users log in with
`tests.security.otp.login_verified(client, user)` instead of `client.force_login(user)`.
(tests/conftest.py is not ours to edit; this file can move there at merge time.)
"""

import pytest


@pytest.fixture
def admin_client(client, admin_user):
    from tests.security.otp import login_verified

    return login_verified(client, admin_user)
