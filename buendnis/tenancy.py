"""The alliance as tenant: one installation, many alliances, no way across.

Every row that belongs to an alliance carries it (`AllianceOwned`), and a query on
such a model outside an alliance's scope raises `ScopeError` instead of returning
every alliance's rows (django-scopes, as in pretix). The scope is set

- for a request by `buendnis.middleware.AllianceMiddleware`, from the host name;
- for a background task by the task itself (`alliance_task`);
- for a management command by `AllianceCommand` (`--alliance SLUG`, or each in turn);
- in the tests by an autouse fixture.

Code that really works across alliances (the Servicestelle's figures, the finder,
backups of the whole installation) says so with `scopes_disabled()` or the unscoped
`_base_manager`, and stands in `ACROSS_ALLIANCES` with its reason; a test
(`tests/buendnis/test_across_alliances.py`) finds every such place, raw SQL included,
and fails on one that is not in the list.
"""

import contextvars

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import m2m_changed
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled
from django_scopes.exceptions import ScopeError
from django_scopes.manager import DisabledQuerySet, ScopedManager
from django_scopes.state import get_scope, state

__all__ = [
    "AllianceOwned",
    "alliance_accounts",
    "own_account",
    "ScopeError",
    "activate",
    "current_alliance",
    "current_alliance_id",
    "each_in_scope",
    "scoped_manager",
    "scopes_disabled",
]

_alliance = contextvars.ContextVar("alliance", default=None)

# Every place that reads or writes outside the active alliance's scope ("module:function":
# why). The Servicestelle and the installation's tools are the only ones that may.
ACROSS_ALLIANCES = {
    "buendnis.tenancy:_guard_account_sets": (
        "Finds which alliance the rows being linked to an account belong to, to refuse "
        "another alliance's account; it reads only their alliance ids."
    ),
    "buendnis.views:healthz": "Raw SQL 'SELECT 1' for the load balancer: reads no row.",
    "buendnis.management.commands.analyze_database:analyze": (
        "Raw SQL ANALYZE: the query planner's statistics cover every alliance's rows."
    ),
    "cockpit.backups.writing:_consistent_snapshot": (
        "Raw SQL that opens a snapshot (isolation level) for the backup: reads no row."
    ),
    "cockpit.backups.writing:alliance_objects": (
        "Reads one named alliance's rows for its backup (no scope in a command)."
    ),
    "cockpit.backups.writing:dump_alliance": (
        "Writes one named alliance's backup, from a command outside any request."
    ),
    "cockpit.backups.writing:dump_installation": "The backup of the whole installation holds every alliance.",
    "cockpit.backups.reading:installation_is_empty": (
        "Restoring a whole installation needs one without any rows."
    ),
    "cockpit.backups.reading:clear_empty_installation": (
        "Clears what `migrate` made before a whole installation is restored."
    ),
    "cockpit.backups.reading:restore_installation": "Restores every alliance of an installation's backup.",
    "cockpit.backups.restore:Restore._rows": (
        "Writes a restored alliance's rows with their new ids, for that alliance only."
    ),
    "cockpit.backups.restore:Restore.check": (
        "Refuses a restore whose accounts already belong to another alliance (reads the account's alliance)."
    ),
    "cockpit.backups.restore:_create_keeping_dates": (
        "Writes a restored alliance's rows with their own dates, for that alliance only."
    ),
    "cockpit.backups.owned:delete_alliance": (
        "Deletes one named alliance with everything it holds, nothing else."
    ),
    "demo.alliances:_move_to": "Moves the demo's rows to the demo alliance they were made for.",
    "cockpit.finder:national_figures": (
        "The public finder counts listed partners and published projects nationwide."
    ),
    "cockpit.servicestelle:ServiceAllianceAdmin.get_queryset": (
        "The Servicestelle's list shows each alliance's counts (numbers, no rows) and when "
        "its content last changed."
    ),
    "cockpit.management.commands.restore:Command.handle": (
        "Restores a backup: an installation's or an alliance's."
    ),
    "demo.management.commands.fill_bench:Command.handle": (
        "Fills the benchmark installation with many alliances (never run on a live one)."
    ),
}


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


def each_in_scope(alliance, chunks):
    """`chunks` (a streamed response's body) with each chunk made in `alliance`'s scope.

    The scope is entered anew for every `next()` and left before the chunk is handed
    on: between two chunks the server's own code runs in no alliance's scope.
    """
    iterator = iter(chunks)
    while True:
        with activate(alliance):
            try:
                chunk = next(iterator)
            except StopIteration:
                return
        yield chunk


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


def alliance_accounts():
    """Which accounts a row of the active alliance may name (`limit_choices_to` of every
    link to the user model): the alliance's own, never a superuser (the Servicestelle
    works in every alliance and belongs to none). Outside a scope: none."""
    alliance_id = current_alliance_id()
    if alliance_id is None:
        return models.Q(pk__in=[])
    return models.Q(account__alliance_id=alliance_id, is_superuser=False)


def _accounts_of(alliance_id, user_ids):
    from django.contrib.auth import get_user_model

    return set(
        get_user_model()
        .objects.filter(pk__in=user_ids, account__alliance_id=alliance_id, is_superuser=False)
        .values_list("pk", flat=True)
    )


def own_account(user):
    """`user` when it is an account of the active alliance, else None: what a row records
    as "entered by" or "approved by" when a superuser works in an alliance's admin."""
    if user is None or not user.is_authenticated or current_alliance_id() is None:
        return None
    return user if _accounts_of(current_alliance_id(), [user.pk]) else None


class CrossAllianceLink(ValidationError):
    pass


def _refuse_foreign_accounts(alliance_id, user_ids, field):
    foreign = set(user_ids) - _accounts_of(alliance_id, user_ids)
    if foreign:
        raise CrossAllianceLink(
            {field: _("Nur Zugänge dieses Bündnisses können hier stehen.")}, code="foreign_account"
        )


def _user_links(model):
    """The model's foreign keys and many-to-many fields to the user model."""
    return [
        field
        for field in model._meta.get_fields()
        if field.concrete
        and (field.many_to_one or field.many_to_many)
        and field.related_model is not None
        and field.related_model._meta.label == settings.AUTH_USER_MODEL
    ]


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
        # The last guard, below every form and service: a row links only accounts of
        # its own alliance (never another's, never a superuser).
        for field in _user_links(type(self)):
            if field.many_to_one and getattr(self, field.attname) is not None:
                _refuse_foreign_accounts(self.alliance_id, [getattr(self, field.attname)], field.name)
        super().save(*args, **kwargs)


def _guard_account_sets(sender, instance, action, reverse, model, pk_set, **kwargs):
    """The same guard for many-to-many links to accounts (working groups' leads), from
    both sides: `group.leads.add(user)` and `user.led_working_groups.add(group)`."""
    if action != "pre_add" or not pk_set:
        return
    if not reverse:
        _refuse_foreign_accounts(instance.alliance_id, pk_set, "users")
        return
    alliance_ids = set(model._base_manager.filter(pk__in=pk_set).values_list("alliance_id", flat=True))
    for alliance_id in alliance_ids:
        _refuse_foreign_accounts(alliance_id, [instance.pk], "users")


def connect_account_guards(models_of_apps):
    """Called once the models are loaded (`BuendnisConfig.ready`)."""
    for model in models_of_apps:
        if issubclass(model, AllianceOwned):
            for field in _user_links(model):
                if field.many_to_many:
                    through = field.remote_field.through
                    m2m_changed.connect(_guard_account_sets, sender=through, dispatch_uid=f"accounts-{field}")
