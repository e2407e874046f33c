import itertools

import pytest
from django.utils import timezone

from arbeitsgruppen.models import Project, TargetGroup, WorkingGroup
from buendnis.models import FieldOfAction
from partners.models import Declaration, Partner, Signature

_numbers = itertools.count(1)


@pytest.fixture
def make_field(db):
    def make(**kwargs):
        number = next(_numbers)
        kwargs.setdefault("name", f"Handlungsfeld {number}")
        kwargs.setdefault("slug", f"handlungsfeld-{number}")
        return FieldOfAction.objects.create(**kwargs)

    return make


@pytest.fixture
def make_group(db, make_field):
    def make(**kwargs):
        number = next(_numbers)
        kwargs.setdefault("name", f"AG Nummer {number}")
        kwargs.setdefault("slug", f"ag-{number}")
        kwargs.setdefault("mandate", "Etwas für Familien bewegen.")
        if "field_of_action" not in kwargs:
            kwargs["field_of_action"] = make_field()
        return WorkingGroup.objects.create(**kwargs)

    return make


@pytest.fixture
def make_project(db, make_field):
    def make(**kwargs):
        number = next(_numbers)
        kwargs.setdefault("title", f"Projekt Nummer {number}")
        kwargs.setdefault("slug", f"projekt-{number}")
        if "field_of_action" not in kwargs:
            group = kwargs.get("working_group")
            kwargs["field_of_action"] = group.field_of_action if group else make_field()
        return Project.objects.create(**kwargs)

    return make


@pytest.fixture
def make_target_group(db):
    def make(name):
        number = next(_numbers)
        return TargetGroup.objects.create(name=name, slug=f"zielgruppe-{number}")

    return make


@pytest.fixture
def declaration(db):
    # The demo data may already hold the current declaration.
    return Declaration.objects.filter(is_current=True).first() or Declaration.objects.create(
        version="test", text="Wir machen mit.", is_current=True
    )


@pytest.fixture
def make_partner(declaration):
    """An active partner (confirmed signature); `active=False` gives an unconfirmed one."""

    def make(name=None, active=True, listed=True):
        number = next(_numbers)
        partner = Partner.objects.create(
            name=name or f"Partner Nummer {number}",
            slug=f"partner-{number}",
            kind=Partner.Kind.COMPANY,
            listed=listed,
            contact_name="Erika Geheim",
            contact_email=f"geheim{number}@example.org",
        )
        Signature.objects.create(
            partner=partner,
            declaration=declaration,
            confirmed_at=timezone.now() if active else None,
        )
        return partner

    return make
