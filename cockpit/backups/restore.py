"""Restoring one alliance beside the others: every row gets a new id, and every reference
is rewritten to it, so nothing of another alliance is touched."""

import shutil
from collections import defaultdict

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import CommandError
from django.db import models, transaction
from django.utils.text import slugify

from buendnis import hosts, pagecache
from buendnis.models import Account, Alliance, Domain
from buendnis.tenancy import activate
from cockpit.backups.media import copy_alliance_media, file_name
from cockpit.backups.owned import (
    NOT_RESTORED,
    PROJECT_APPS,
    STATIC_DEVICE,
    STATIC_TOKEN,
    TOTP_DEVICE,
    alliance_folders,
    delete_alliance,
    dependency_order,
    known_table,
)


class Restore:
    """Brings the records of one alliance into this installation with new ids."""

    def __init__(self, records, media, slug=None, replace=False):
        self.records = defaultdict(list)
        for record in records:
            self.records[record["model"]].append(record)
        self.media = media
        self.replace = replace
        alliances = self._take("buendnis.alliance")
        if len(alliances) != 1:
            raise CommandError(
                f"Die Sicherung enthält {len(alliances)} Bündnisse; wiederherstellen lässt sich "
                "so nur eins (eine Sicherung der ganzen Installation: ohne --alliance)."
            )
        [self.alliance_record] = alliances
        self._take("auth.group")  # the role groups exist; members find them by name
        fields = self.alliance_record["fields"]
        self.slug = slug or fields.get("slug") or slugify(fields.get("town") or fields["name"])[:50]
        self.ids = defaultdict(dict)  # model label -> {old id: new id}
        self.users = {}  # username -> user
        self.old_alliance_id = self.alliance_record.get("pk")

    def _take(self, label):
        return self.records.pop(label, [])

    # checks before writing anything

    def check(self):
        existing = Alliance.objects.filter(slug=self.slug).first()
        if existing and not self.replace:
            raise CommandError(
                f"Es gibt schon ein Bündnis mit der Kennung „{self.slug}“. Eine andere wählen "
                "(--as KENNUNG) oder es ersetzen (--replace)."
            )
        domains = [record["fields"]["name"] for record in self.records.get("buendnis.domain", [])]
        taken = Domain.objects.filter(name__in=domains).exclude(alliance=existing)
        if taken.exists():
            names = ", ".join(taken.values_list("name", flat=True))
            raise CommandError(f"Diese Domains gehören schon einem anderen Bündnis: {names}.")
        for record in self.records.get("auth.user", []):
            user = get_user_model().objects.filter(username=record["fields"]["username"]).first()
            if user is None:
                continue
            superuser = record["fields"].get("is_superuser", False)
            elsewhere = Account.objects.with_scopes_disabled().filter(user=user).exclude(alliance=existing)
            if user.is_superuser != superuser or elsewhere.exists():
                raise CommandError(
                    f"Das Benutzerkonto „{user.username}“ gibt es hier schon für ein anderes "
                    "Bündnis; bitte vor der Wiederherstellung umbenennen."
                )
        return existing

    # writing

    def run(self):
        existing = self.check()
        replaced = alliance_folders(existing) if existing else []
        with transaction.atomic():
            if existing:
                delete_alliance(existing, files=False)
            alliance = self._alliance()
            with activate(alliance):
                self._users_and_accounts(alliance)
                self._rows(alliance)
                pagecache.bump()
        for folder in replaced:
            shutil.rmtree(folder, ignore_errors=True)
        if self.media is not None and self.media.is_dir():
            copy_alliance_media(self.media, self.old_alliance_id, alliance)
        hosts.forget()
        return alliance

    def _alliance(self):
        fields = self._plain_fields(Alliance, self.alliance_record["fields"])
        fields["slug"] = self.slug
        fields.pop("suspended_at", None)
        logo = fields.pop("logo", "")
        alliance = Alliance.objects.create(**fields)
        if logo:
            alliance.logo.name = file_name(logo, alliance)
            alliance.save(update_fields=["logo"])
        for record in self._take("buendnis.domain"):
            Domain.objects.create(alliance=alliance, **self._plain_fields(Domain, record["fields"]))
        history = apps.get_model("buendnis", "HistoricalAlliance")
        for record in self._take("buendnis.historicalalliance"):
            fields = self._plain_fields(history, record["fields"])
            user = self._user(record["fields"].get("history_user"))
            fields.update(id=alliance.pk, slug=self.slug, history_user=user)
            history.objects.create(**fields)
        return alliance

    def _users_and_accounts(self, alliance):
        User = get_user_model()
        for record in self._take("auth.user"):
            fields = record["fields"]
            user = User.objects.filter(username=fields["username"]).first()
            if user is None:
                user = User(**self._plain_fields(User, fields))
                user.save()
                roles = [Group.objects.get_or_create(name=key[0])[0] for key in fields.get("groups", [])]
                user.groups.set(roles)
                user.user_permissions.set(
                    Permission.objects.get_by_natural_key(*key) for key in fields.get("user_permissions", [])
                )
            self.users[user.username] = user
            if not user.is_superuser:
                Account.objects.get_or_create(user=user)
        self._take("buendnis.account")  # made above, for every restored account
        device = apps.get_model(TOTP_DEVICE)
        for record in self._take(TOTP_DEVICE):
            fields = record["fields"]
            user = self._user(fields["user"])
            if user is not None and not device.objects.filter(user=user, name=fields["name"]).exists():
                values = self._plain_fields(device, fields)
                device.objects.create(user=user, **values)
        self._backup_codes()

    def _backup_codes(self):
        """The accounts' unused backup codes, for accounts that have none here yet."""
        device, token = apps.get_model(STATIC_DEVICE), apps.get_model(STATIC_TOKEN)
        devices = {}
        for record in self._take(STATIC_DEVICE):
            user = self._user(record["fields"]["user"])
            if user is not None and not device.objects.filter(user=user).exists():
                values = self._plain_fields(device, record["fields"])
                devices[record["pk"]] = device.objects.create(user=user, **values)
        token.objects.bulk_create(
            token(device=devices[record["fields"]["device"]], token=record["fields"]["token"])
            for record in self._take(STATIC_TOKEN)
            if record["fields"]["device"] in devices
        )

    def _user(self, natural_key):
        if not natural_key:
            return None
        username = natural_key[0] if isinstance(natural_key, list) else natural_key
        if username not in self.users:
            self.users[username] = get_user_model().objects.filter(username=username).first()
        return self.users[username]

    def _plain_fields(self, model, values):
        """The record's non-relational values, converted (dates, numbers), for fields that
        exist today; relations and the primary key are set by the caller."""
        fields = {}
        for field in model._meta.concrete_fields:
            if field.primary_key or field.is_relation or field.generated or field.name not in values:
                continue
            fields[field.attname] = field.to_python(values[field.name])
        return fields

    def _order(self):
        # Tables of the installation (background tasks, sessions) are not an alliance's.
        labels = [
            label for label in self.records
            if label.split(".")[0] in PROJECT_APPS and label not in NOT_RESTORED
        ]
        unknown = [label for label in labels if not known_table(label)]
        if unknown:
            raise CommandError(f"Die Sicherung enthält unbekannte Tabellen: {', '.join(sorted(unknown))}.")
        ordered = dependency_order(apps.get_model(label) for label in labels)
        return [model._meta.label_lower for model in ordered]

    def _rows(self, alliance):
        deferred = []  # (model, new id, field, old target id): references to rows made later
        for label in self._order():
            model = apps.get_model(label)
            records = self.records[label]
            instances = [self._instance(model, record, alliance) for record in records]
            created = _create_keeping_dates(model, instances)
            for record, instance in zip(records, created, strict=True):
                self.ids[label][record.get("pk")] = instance.pk
                deferred.extend(
                    (model, instance.pk, field, record["fields"][field.name])
                    for field in _self_references(model)
                    if record["fields"].get(field.name) is not None
                )
        for model, pk, field, target in deferred:
            new = self.ids[model._meta.label_lower].get(target)
            model._base_manager.filter(pk=pk).update(**{field.attname: new})
        self._many_to_many()

    def _instance(self, model, record, alliance):
        """An unsaved row of `model` from `record`, its references rewritten to new ids."""
        values = self._plain_fields(model, record["fields"])
        for field in model._meta.concrete_fields:
            if field.name == "alliance":
                values["alliance_id"] = alliance.pk
            elif field.is_relation and field.name in record["fields"]:
                values[field.attname] = self._reference(field, record["fields"][field.name])
            elif isinstance(field, models.FileField) and values.get(field.attname):
                values[field.attname] = file_name(values[field.attname], alliance)
        original = getattr(model, "instance_type", None)
        if original is not None and "id" in values:  # a history record: the object's id
            values["id"] = self.ids[original._meta.label_lower].get(values["id"], values["id"])
        return model(**values)

    def _reference(self, field, value):
        if value is None:
            return None
        target = field.related_model
        label = target._meta.label_lower
        if target is get_user_model():
            user = self._user(value)
            return user.pk if user else None
        if target is Alliance:
            return None
        if target is field.model:
            return None  # set once every row of the table exists
        if isinstance(value, list):
            found = target._default_manager.get_by_natural_key(*value)
            return found.pk
        if label in self.ids and value in self.ids[label]:
            return self.ids[label][value]
        # A history record may point to a row that no longer exists.
        return None

    def _many_to_many(self):
        for label in self._order():
            records = self.records[label]
            model = apps.get_model(label)
            for field in model._meta.many_to_many:
                through = field.remote_field.through
                source = field.m2m_field_name()
                target = field.m2m_reverse_field_name()
                rows = []
                for record in records:
                    for value in record["fields"].get(field.name, []):
                        new = self._reference(field, value)
                        if new is not None:
                            rows.append(through(**{
                                f"{source}_id": self.ids[label][record.get("pk")], f"{target}_id": new,
                            }))
                through.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)


def _create_keeping_dates(model, instances):
    """`bulk_create`, with the dates kept as they were: saving would stamp
    `auto_now(_add)` fields with now."""
    stamped = [
        field for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    kept = [{field.attname: getattr(instance, field.attname) for field in stamped} for instance in instances]
    created = model._base_manager.bulk_create(instances, batch_size=500)
    if stamped:
        for instance, values in zip(created, kept, strict=True):
            for attname, value in values.items():
                setattr(instance, attname, value)
        model._base_manager.bulk_update(created, [field.name for field in stamped], batch_size=500)
    return created


def _self_references(model):
    return [
        field for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is model
    ]
