"""Admin accounts in tests, made the way the admin makes them."""

from django.contrib.auth import get_user_model

from buendnis.models import Account


def staff_account(username, email="", password=None, **fields):
    """A non-superuser account of the active alliance (`create_user` plus its Account),
    as the alliance's admin creates one."""
    user = get_user_model().objects.create_user(username, email, password, **fields)
    Account.objects.create(user=user)
    return user
