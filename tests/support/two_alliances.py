"""Two alliances on one installation, A and B, for the door walk (`tests/support/doors.py`).

- `two_alliances()` builds alliance B with its three admin personas, then alliance A
  with `MARKER` in every text (its rows, its accounts, its change history), each on its
  own host and with one row of every model registered in the admin, made by the model's
  factory in `tests/factories.py`. A registered model without a factory fails loudly.
- `snapshot()` and `cross_links()` tell afterwards whether anything of A changed and
  whether a row of B points at another alliance's.
"""

import inspect
from dataclasses import dataclass, field

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models.functions import Concat, Left
from django_scopes import scopes_disabled

from buendnis.models import Account, Alliance
from buendnis.roles import COORDINATION, STEERING_GROUP, WORKING_GROUP_LEAD
from buendnis.tenancy import AllianceOwned, activate
from tests import factories

MARKER = "Alphadorf"  # in every text of alliance A; never on a page of alliance B
HOST_A, HOST_B = "alpha.localhost", "beta.localhost"
PERSONAS = {"coordinator": COORDINATION, "steering_member": STEERING_GROUP, "group_lead": WORKING_GROUP_LEAD}
User = get_user_model()


def registry(site=None):
    """{model: ModelAdmin} of the alliance's admin site (or `site`), in a stable order."""
    site = admin.site if site is None else site
    return dict(sorted(site._registry.items(), key=lambda item: item[0]._meta.label))


def model_factories():
    """{model: factory} of every factory in tests/factories.py."""
    found = {}
    for _name, value in inspect.getmembers(factories, inspect.isclass):
        model = getattr(getattr(value, "_meta", None), "model", None)
        if issubclass(value, factories.DjangoModelFactory) and model is not None:
            found.setdefault(model, value)
    return found


@dataclass
class World:
    a: Alliance
    b: Alliance
    rows_a: dict  # {model: the row of A made for it}
    rows_b: dict
    history_a: dict  # {model: a history_id of A's row}
    history_b: dict = field(default_factory=dict)
    personas: dict = field(default_factory=dict)  # B's {name: user}
    superuser: object = None

    def ids_a(self, model):
        """The pks of every row of `model` that is A's (accounts for the user model)."""
        with scopes_disabled():
            if model is Alliance:
                return {self.a.pk}
            if model is User:
                return set(Account.objects.filter(alliance=self.a).values_list("user_id", flat=True))
            if issubclass(model, AllianceOwned):
                return set(model._base_manager.filter(alliance=self.a).values_list("pk", flat=True))
            return {self.rows_a[model].pk} if model in self.rows_a else set()

    def ids_b(self, model):
        """The pks of the rows of `model` that B may offer, or None when `model` is no
        alliance's (roles, permissions, content types)."""
        with scopes_disabled():
            if model is Alliance:
                return {self.b.pk}
            if model is User:
                return set(Account.objects.filter(alliance=self.b).values_list("user_id", flat=True))
            if issubclass(model, AllianceOwned):
                return set(model._base_manager.filter(alliance=self.b).values_list("pk", flat=True))
            return None


def _mark(model, marker, **conditions):
    """Put `marker` into every free text of the rows (updates, so no validation runs)."""
    changes = {}
    for model_field in model._meta.concrete_fields:
        if model_field.unique or model_field.choices or model_field.name in ("password", "token"):
            continue
        if model_field.name.endswith("_path"):  # code to import (a task's), not text
            continue
        if isinstance(model_field, (models.SlugField, models.URLField)):
            continue
        if isinstance(model_field, models.EmailField):
            prefix = f"{marker.lower()}."
        elif isinstance(model_field, (models.CharField, models.TextField)) and (
            model_field.max_length is None or model_field.max_length >= 40
        ):
            prefix = f"{marker} "
        else:
            continue
        value = Concat(models.Value(prefix), model_field.name, output_field=model_field)
        # Cut to the field's length: PostgreSQL refuses a longer value, SQLite would not.
        changes[model_field.name] = Left(value, model_field.max_length) if model_field.max_length else value
    if changes:
        model._base_manager.filter(**conditions).update(**changes)


def _populate(alliance, make_rows):
    """One row of every registered model, made by its factory in `alliance`'s scope."""
    known = model_factories()
    missing = [model._meta.label for model in registry() if model is not Alliance and model not in known]
    if missing:
        raise AssertionError(
            f"Kein Factory für {', '.join(missing)}: in tests/factories.py ergänzen "
            f"(the door walk needs a row of every registered model)."
        )
    rows = {}
    with activate(alliance):
        for model in registry():
            rows[model] = alliance if model is Alliance else make_rows(model, known[model])
    return rows


def two_alliances():
    """Alliance B with its personas, then alliance A with `MARKER` in every text."""
    from tests.factories import AllianceFactory, UserFactory

    b = AllianceFactory(slug="beta", name="Bündnis für Familie Betastadt", domain=HOST_B)
    a = AllianceFactory(slug="alpha", name=f"Bündnis für Familie {MARKER}", domain=HOST_A,
                        coordinator_email=f"koordination@{HOST_A}")

    def make(model, factory):
        return factory()

    rows_b = _populate(b, make)
    world = World(a=a, b=b, rows_a={}, rows_b=rows_b, history_a={})
    with activate(b):
        for name, role in PERSONAS.items():
            world.personas[name] = UserFactory(username=f"{name}-beta", roles=[role])
        group = rows_b[factories.WorkingGroup]
        group.leads.add(world.personas["group_lead"])
        # The lead's group owns B's rows that hang on a group, so the lead has rows to see.
        for model, model_admin in registry().items():
            if getattr(model_admin, "group_path", None) == "working_group":
                model._base_manager.filter(pk=rows_b[model].pk).update(working_group=group)
        # Replies and registrations of B's event, so that its exports have rows.
        for model in registry():
            if any(f.name == "event" and f.many_to_one and not f.null for f in model._meta.concrete_fields):
                model._base_manager.filter(pk=rows_b[model].pk).update(event=rows_b[factories.Event])
    world.rows_a = _populate(a, make)
    # A's persona of each role too: their accounts must not be offered to B either.
    with activate(a):
        for name, role in PERSONAS.items():
            UserFactory(username=f"{name}-alpha", roles=[role])
    world.superuser = UserFactory(username="servicestelle", is_superuser=True, account=False)
    with scopes_disabled():
        for model in apps_models():
            # A's rows, their change history and everything else that names A.
            if "alliance" in {f.name for f in model._meta.concrete_fields if f.is_relation}:
                _mark(model, MARKER, alliance=a)
        _mark(Alliance.history.model, MARKER, id=a.pk)
        _mark(User, MARKER, pk__in=world.ids_a(User))
        _mark(Alliance, MARKER, pk=a.pk)
        for model, row in world.rows_a.items():
            if not issubclass(model, AllianceOwned) and model not in (User, Alliance):
                _mark(model, MARKER, pk=row.pk)
        for rows, history_ids in ((world.rows_a, world.history_a), (world.rows_b, world.history_b)):
            for model, row in rows.items():
                history = getattr(model, "history", None)
                record = history and history.filter(**{model._meta.pk.attname: row.pk}).first()
                if record:
                    history_ids[model] = record.history_id
    return world


def apps_models():
    from django.apps import apps

    return apps.get_models()


def snapshot(world):
    """Every row of A, to prove the walk changed nothing of A."""
    with scopes_disabled():
        state = {}
        for model in apps_models():
            if issubclass(model, AllianceOwned):
                state[model._meta.label] = sorted(
                    model._base_manager.filter(alliance=world.a).values_list(), key=str
                )
        state["users"] = sorted(User.objects.filter(pk__in=world.ids_a(User)).values_list(), key=str)
        state["alliance"] = list(Alliance.objects.filter(pk=world.a.pk).values_list())
    return state


def cross_links(world):
    """Rows of B that point at a row of another alliance, or at an account that is not
    B's (foreign keys and many-to-many), as "model.field -> target" lines."""
    found = []
    b_accounts = world.ids_b(User)
    with scopes_disabled():
        for model in apps_models():
            if not issubclass(model, AllianceOwned):
                continue
            rows = model._base_manager.filter(alliance=world.b)
            for model_field in model._meta.get_fields():
                if not (model_field.concrete and model_field.is_relation) or model_field.name == "alliance":
                    continue
                target = model_field.related_model
                values = rows.exclude(**{f"{model_field.name}__isnull": True})
                if target is User:
                    bad = values.exclude(**{f"{model_field.name}__in": b_accounts})
                elif issubclass(target, AllianceOwned):
                    bad = values.exclude(**{f"{model_field.name}__alliance": world.b})
                else:
                    continue
                if bad.exists():
                    found.append(f"{model._meta.label}.{model_field.name} -> {target._meta.label}")
    return found


def second_alliance(slug):
    """Another alliance next to the active one, which keeps the test client's host
    ("testserver"): with two alliances the host decides, and a request would otherwise
    find no alliance at all (and every page would be 404 for the wrong reason)."""
    from buendnis import hosts
    from buendnis.models import Domain

    Domain.objects.get_or_create(
        name="testserver", defaults={"alliance": Alliance.current(), "is_primary": True}
    )
    other = factories.AllianceFactory(slug=slug)
    hosts.forget()
    return other
