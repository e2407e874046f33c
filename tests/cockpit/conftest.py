"""Fixtures of the cockpit tests: a small alliance with known numbers."""

import datetime
import itertools

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.utils import timezone

from arbeitsgruppen.models import Project, WorkingGroup
from buendnis import roles
from buendnis.models import FieldOfAction
from cockpit import roles as cockpit_roles
from events.models import Event
from partners.models import Declaration, Partner, Signature

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


@pytest.fixture
def declaration(db):
    return Declaration.objects.create(version="2017", text="<p>Wir machen mit.</p>", is_current=True)


@pytest.fixture
def make_partner(declaration):
    """Create a partner with one signature: state "active", "unconfirmed" or "withdrawn"."""

    def make(
        name=None,
        state="active",
        kind=Partner.Kind.COMPANY,
        email=None,
        confirmed_at=None,
        withdrawn_at=None,
        **fields,
    ):
        number = next(_numbers)
        name = name or f"Partner {number}"
        partner = Partner.objects.create(
            name=name,
            slug=f"partner-{number}",
            kind=kind,
            contact_name=f"Person {number}",
            contact_email=f"kontakt{number}@example.org" if email is None else email,
            contact_phone="0123 456",
            **fields,
        )
        now = timezone.now()
        confirmed = confirmed_at or now - datetime.timedelta(days=30)
        if state == "unconfirmed":
            confirmed = None
        withdrawn = None
        if state == "withdrawn":
            withdrawn = withdrawn_at or now - datetime.timedelta(days=1)
        Signature.objects.create(
            partner=partner,
            declaration=declaration,
            signed_at=(confirmed or now) - datetime.timedelta(days=1),
            confirmed_at=confirmed,
            withdrawn_at=withdrawn,
        )
        return partner

    return make


@pytest.fixture
def field(db):
    return FieldOfAction.objects.create(name="Familie und Beruf", slug="familie-und-beruf")


@pytest.fixture
def make_group(field):
    def make(name="AG Betriebe", **fields):
        number = next(_numbers)
        return WorkingGroup.objects.create(
            name=name, slug=f"ag-{number}", field_of_action=field, mandate="Betriebe gewinnen", **fields
        )

    return make


@pytest.fixture
def make_project(field):
    def make(title="Ferienbetreuung", **fields):
        number = next(_numbers)
        return Project.objects.create(title=title, slug=f"projekt-{number}", field_of_action=field, **fields)

    return make


@pytest.fixture
def make_event(db):
    def make(title="Bündnistreffen", days=14, **fields):
        number = next(_numbers)
        starts = timezone.now() + datetime.timedelta(days=days)
        return Event.objects.create(
            title=title,
            slug=f"termin-{number}",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            **fields,
        )

    return make


@pytest.fixture
def role_groups(db):
    """The groups of the roles. The migration creates them; a flush after a browser test
    (transactional) removes them, so tests that need them make sure they are there."""
    cockpit_roles.sync_groups(django_apps)


@pytest.fixture
def coordinator(django_user_model, role_groups):
    """A coordinator with the role Koordination (no superuser: the role must be enough)."""
    user = django_user_model.objects.create_user(
        "koordination", "koordination@example.org", "ein-langes-passwort-123", is_staff=True
    )
    user.groups.add(Group.objects.get(name=roles.COORDINATION))
    return user


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client

