"""The alliance as tenant: one installation, many alliances, no way across.

Every row that belongs to an alliance carries it (`AllianceOwned`), and a query on
such a model outside an alliance's scope raises `ScopeError` instead of returning
every alliance's rows (django-scopes, as in pretix). The scope is set

- for a request by `buendnis.middleware.AllianceMiddleware`, from the host name;
- for a background task by the task itself (`alliance_task`);
- for a management command by `AllianceCommand` (`--alliance SLUG`, or each in turn);
- in the tests by an autouse fixture.

Code that really works across alliances (the Servicestelle's figures, the finder,
backups of the whole installation) says so with `scopes_disabled()`.
"""

import contextvars

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled
from django_scopes.exceptions import ScopeError
from django_scopes.manager import DisabledQuerySet, ScopedManager
from django_scopes.state import get_scope, state

__all__ = [
    "AllianceOwned",
    "ScopeError",
    "activate",
    "current_alliance",
    "current_alliance_id",
    "scoped_manager",
    "scopes_disabled",
]

_alliance = contextvars.ContextVar("alliance", default=None)


def current_alliance_id():
    """The id of the alliance whose scope is active, else None (also the default of
    every `alliance` field: a row made outside a scope cannot be saved)."""
    value = get_scope().get("alliance")
    return value if isinstance(value, int) and get_scope().get("_enabled", True) else None


def current_alliance():
    """The alliance whose scope is active (an `Alliance`); ScopeError outside one."""
    alliance = _alliance.get()
    if alliance is None or alliance.pk != current_alliance_id():
        raise ScopeError("Kein Bündnis aktiv: Diese Stelle braucht den Bereich eines Bündnisses.")
    return alliance


class activate:  # noqa: N801 - used like the context manager function it is
    """Work inside `alliance`'s scope: its rows only, new rows belong to it.

    A class rather than @contextmanager: every request enters it, and this costs a
    tenth of the nested generators (bench/README.md, "Mandanten").
    """

    __slots__ = ("alliance", "_tokens")

    def __init__(self, alliance):
        self.alliance = alliance

    def __enter__(self):
        current = state.get() or {}
        self._tokens = (
            _alliance.set(self.alliance),
            state.set({**current, "_enabled": True, "alliance": self.alliance.pk}),
        )
        return self.alliance

    def __exit__(self, *exc_info):
        alliance_token, scope_token = self._tokens
        state.reset(scope_token)
        _alliance.reset(alliance_token)
        return False


def scoped_manager(queryset_class=models.QuerySet):
    """The manager of an alliance-owned model: filtered to the active alliance, and
    outside a scope every query (also the queryset's own methods, such as
    `public()`) raises ScopeError."""
    base = models.Manager.from_queryset(queryset_class)
    scoped_class = type(ScopedManager(_manager_class=base, alliance="alliance"))
    disabled = type(
        f"Disabled{queryset_class.__name__}",
        (DisabledQuerySet, queryset_class),
        # `all()` only copies: form fields made at import call it and must not fail
        # there; reading, counting, filtering still raise.
        {"all": lambda self: self._clone()},
    )

    class AllianceManager(scoped_class):
        def get_queryset(self):
            queryset = super().get_queryset()
            if isinstance(queryset, DisabledQuerySet) and not isinstance(queryset, disabled):
                return disabled(self.model, using=self._db, missing_scopes=queryset.missing_scopes)
            return queryset

        def deconstruct(self):  # never serialised: use_in_migrations is off
            return super(models.Manager, self).deconstruct()

    return AllianceManager()


class AllianceOwned(models.Model):
    """A row of one alliance. The alliance comes from the active scope."""

    alliance = models.ForeignKey(
        "buendnis.Alliance",
        verbose_name=_("Bündnis"),
        on_delete=models.CASCADE,
        editable=False,
        default=current_alliance_id,
        related_name="+",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.alliance_id is None:
            raise ScopeError(f"{type(self).__name__} ohne Bündnis: nur im Bereich eines Bündnisses anlegen.")
        super().save(*args, **kwargs)
