"""More demo alliances for trying one installation with several (`load_demo --alliances 3`).

Each is the demo alliance again, moved to another town: the same organisations
(their addresses under the same slugs, as two real alliances may have), its own
domain on `*.localhost` (browsers resolve it to this machine), its own coordinator.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Replace

from buendnis.lib.text import name_key
from buendnis.models import Account, Alliance, Domain
from buendnis.roles import COORDINATION
from buendnis.tenancy import activate
from cockpit.backups import owned_models
from partners.models import Partner

DEMO_TOWN = "Musterhausen"
# (slug, town, postcode): the first is the demo alliance itself.
TOWNS = [
    ("nordheim", "Nordheim", "23456"),
    ("suedstadt", "Südstadt", "34567"),
    ("waldbach", "Waldbach", "45678"),
    ("seeburg", "Seeburg", "56789"),
]


def demo_domains(alliance):
    """The demo alliance on 127.0.0.1 and localhost, also once other alliances join it.
    Neither is its main domain, so its links keep using SITE_URL."""
    for name in ("127.0.0.1", "localhost"):
        if not Domain.objects.filter(name=name).exists():
            Domain.objects.create(alliance=alliance, name=name)


def another_alliance(slug, town, postal_code, load):
    """The demo alliance in `town`, loaded by `load()` in its scope; returns it and,
    if it is new, its coordinator's password."""
    alliance = Alliance.objects.filter(slug=slug).first()
    if alliance is not None:
        return alliance, None
    alliance = Alliance.objects.create(name=f"Lokales Bündnis für Familie {town}", slug=slug)
    Domain.objects.create(alliance=alliance, name=f"{slug}.localhost", is_primary=True)
    with activate(alliance):
        load()
        _move_to(alliance, town, slug, postal_code)
        password = secrets.token_urlsafe(12)
        user = get_user_model().objects.create_user(
            username=f"koordination-{slug}", email=f"koordination@{slug}.example.org",
            password=password, is_staff=True,
        )
        user.groups.add(Group.objects.get_or_create(name=COORDINATION)[0])
        Account.objects.create(user=user)
    alliance.refresh_from_db()
    return alliance, password


def _move_to(alliance, town, slug, postal_code):
    """Replace the demo town in every text of the alliance's rows."""
    direct, _indirect = owned_models()
    for model in [Alliance, *[model for model in direct if not hasattr(model, "instance_type")]]:
        rows = model._base_manager.filter(pk=alliance.pk) if model is Alliance else (
            model._base_manager.filter(alliance=alliance)
        )
        for field in model._meta.concrete_fields:
            if not isinstance(field, (models.CharField, models.TextField)) or field.choices:
                continue
            for old, new in ((DEMO_TOWN, town), (DEMO_TOWN.lower(), slug)):
                rows.filter(**{f"{field.name}__contains": old}).update(
                    **{field.name: Replace(F(field.name), Value(old), Value(new))}
                )
    Alliance.objects.filter(pk=alliance.pk).update(postal_code=postal_code, postal_codes=postal_code)
    for partner in Partner.objects.all():
        Partner.objects.filter(pk=partner.pk).update(name_key=name_key(partner.name))
