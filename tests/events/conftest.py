import datetime
import itertools

import pytest
from django.utils import timezone

from events.models import Event, Invitation, Minutes, Registration

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


@pytest.fixture
def make_event(db):
    def make(starts_in=datetime.timedelta(days=10), hours=3, **fields):
        number = next(_numbers)
        starts_at = timezone.now() + starts_in
        defaults = {
            "title": f"Termin {number}",
            "slug": f"termin-{number}",
            "kind": Event.Kind.PLENARY,
            "starts_at": starts_at,
            "ends_at": starts_at + datetime.timedelta(hours=hours),
            "venue": "Bürgersaal",
            "address": "Marktplatz 1, 12345 Musterhausen",
        }
        defaults.update(fields)
        return Event.objects.create(**defaults)

    return make


@pytest.fixture
def plenary(make_event):
    """An upcoming plenary with public registration and childcare."""
    return make_event(
        title="Bündnistreffen im Herbst",
        slug="buendnistreffen-herbst",
        registration_open=True,
        capacity=20,
        childcare_offered=True,
    )


@pytest.fixture
def make_partner(db):
    from partners.models import Declaration, Partner, Signature

    def make(name=None, email=None, active=True, **fields):
        number = next(_numbers)
        declaration = Declaration.objects.filter(is_current=True).first() or Declaration.objects.create(
            version="2017", text="<p>Wir machen mit.</p>", is_current=True
        )
        partner = Partner.objects.create(
            name=name or f"Partner {number}",
            slug=f"partner-{number}",
            kind=Partner.Kind.COMPANY,
            contact_name=f"Kontakt {number}",
            contact_email=email if email is not None else f"kontakt{number}@example.org",
            **fields,
        )
        Signature.objects.create(
            partner=partner,
            declaration=declaration,
            confirmed_at=timezone.now() if active else None,
        )
        return partner

    return make


@pytest.fixture
def make_registration(db):
    def make(event, **fields):
        number = next(_numbers)
        defaults = {"name": f"Person {number}", "email": f"person{number}@example.org"}
        defaults.update(fields)
        return Registration.objects.create(event=event, **defaults)

    return make


@pytest.fixture
def make_invitation(db, make_partner):
    def make(event, partner=None, **fields):
        fields.setdefault("sent_at", timezone.now())
        return Invitation.objects.create(event=event, partner=partner or make_partner(), **fields)

    return make


@pytest.fixture
def make_minutes(db):
    def make(event, approved=True, visibility=Minutes.Visibility.PUBLIC, **fields):
        return Minutes.objects.create(
            event=event,
            status=Minutes.Status.APPROVED if approved else Minutes.Status.DRAFT,
            approved_at=timezone.now() if approved else None,
            visibility=visibility,
            **fields,
        )

    return make
