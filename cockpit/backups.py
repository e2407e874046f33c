"""Backups of the whole installation or of one alliance, and their restore.

An archive (tar.gz) holds `manifest.json`, `data.json` (Django fixtures; users,
groups and content types by natural key) and `media/`.

- The whole installation (`backup`): every table, restored with `restore` into an
  empty database (a new server), ids kept.
- One alliance (`backup --alliance SLUG`): the alliance, its domains, every row that
  belongs to it (and its change history), its accounts' users with their roles and
  second factors, its uploaded files. `restore --alliance` brings it into any
  installation beside the alliances already there: every row gets a new id, and
  every reference is rewritten to it, so nothing of another alliance is touched.
- Archives of format 1 (made before alliances were tenants) hold one alliance's
  installation under the model names of that time; they are upgraded on the way in
  and restored as an alliance.
"""

import json
import shutil
import tarfile
from collections import defaultdict
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify

from buendnis import hosts, pagecache
from buendnis.history import no_history
from buendnis.lib.images import alliance_folder
from buendnis.lib.text import name_key
from buendnis.models import Account, Alliance, Domain
from buendnis.tenancy import activate, scopes_disabled

FORMAT = 2
# Rebuilt by `migrate` (content types, permissions) or worthless after a restore.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "buendnis.ratelimitcounter", "admin.logentry"]
# Rows of an alliance that a restore does not bring back: rebuilt as they are needed.
NOT_RESTORED = {"buendnis.contentversion", "buendnis.ratelimitcounter"}
PROJECT_APPS = {"buendnis", "partners", "arbeitsgruppen", "events", "cockpit"}
TOTP_DEVICE = "otp_totp.totpdevice"


# --- writing -------------------------------------------------------------------------


def _consistent_snapshot():
    """One snapshot for the whole dump (PostgreSQL), when the dump's transaction is the
    outermost one; inside a caller's transaction (a test's) the caller's holds."""
    if connection.vendor == "postgresql" and not connection.savepoint_ids:
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def dump_installation(path):
    """Every table of every alliance, read in one transaction."""
    with transaction.atomic(), scopes_disabled():
        _consistent_snapshot()
        # Natural keys for users and groups too: a new database already has the role
        # groups (created by a migration); restored ones merge with them by name.
        call_command(
            "dumpdata", natural_foreign=True, natural_primary=True, exclude=EXCLUDED,
            output=str(path), verbosity=0,
        )


def owned_models():
    """Every model with rows of one alliance: those with an `alliance` field (also the
    history tables), and those that hang only on such rows (the many-to-many history)."""
    direct = [
        model for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        and any(field.name == "alliance" for field in model._meta.concrete_fields)
        and model._meta.label_lower not in NOT_RESTORED
    ]
    indirect = []
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS or model in direct:
            continue
        links = [
            field for field in model._meta.concrete_fields
            if field.is_relation and field.related_model in direct
        ]
        if links and model._meta.label_lower not in NOT_RESTORED and model is not Alliance:
            indirect.append((model, links[0]))
    return direct, indirect


def alliance_objects(alliance):
    """Everything that belongs to `alliance`, in no particular order."""
    direct, indirect = owned_models()
    users = get_user_model().objects.filter(account__alliance=alliance)
    yield alliance  # its domains and accounts have an `alliance` field: below
    yield from apps.get_model("buendnis", "HistoricalAlliance").objects.filter(id=alliance.pk)
    for model in direct:
        yield from model._base_manager.filter(alliance=alliance).order_by("pk")
    for model, link in indirect:
        yield from model._base_manager.filter(**{f"{link.name}__alliance": alliance}).order_by("pk")
    yield from users
    device = apps.get_model(TOTP_DEVICE)
    yield from device.objects.filter(user__in=users)


def dump_alliance(alliance, path):
    with transaction.atomic(), scopes_disabled():
        _consistent_snapshot()
        with open(path, "w") as file:
            serializers.serialize(
                "json", alliance_objects(alliance), stream=file, use_natural_foreign_keys=True
            )


def write_archive(output, data, manifest, media):
    """`media`: pairs of (folder on disk, its name in the archive)."""
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database_vendor": connection.vendor,
        "django": django.get_version(),
        **manifest,
    }
    manifest_path = Path(data).with_name("manifest.json")
    manifest_path.write_text(json.dumps(manifest, indent=2))
    partial = output.with_name(output.name + ".part")
    with tarfile.open(partial, "w:gz") as archive:
        archive.add(manifest_path, arcname="manifest.json")
        archive.add(data, arcname="data.json")
        for folder, name in media:
            if folder.is_dir():
                archive.add(folder, arcname=name)
    # Only a complete archive gets the final name.
    partial.replace(output)


# --- reading -------------------------------------------------------------------------


def unpack(archive_path, workdir):
    """The manifest and the records of an archive, unpacked into `workdir`."""
    with tarfile.open(archive_path, "r:gz") as archive:
        # The "data" filter refuses absolute paths, links out of the folder and devices.
        archive.extractall(workdir, filter="data")
    manifest = json.loads((Path(workdir) / "manifest.json").read_text())
    if manifest.get("format") not in (1, FORMAT):
        raise CommandError(f"Unbekanntes Sicherungsformat: {manifest.get('format')}")
    return manifest


def installation_is_empty():
    """No alliance has data and no account exists (a new server: `migrate` may have
    created its one empty alliance)."""
    direct, _indirect = owned_models()
    with scopes_disabled():
        if get_user_model().objects.exists() or Alliance.objects.count() > 1:
            return False
        return not any(model._base_manager.exists() for model in direct)


def read_records(workdir, manifest):
    records = json.loads((Path(workdir) / "data.json").read_text())
    return upgrade_format_1(records) if manifest["format"] == 1 else records


def clear_empty_installation():
    """Remove the empty alliance `migrate` made, before an archive brings the real one."""
    with scopes_disabled():
        Alliance.objects.all().delete()
    hosts.forget()


def copy_media(source, target):
    for path in source.rglob("*"):
        if path.is_file() and not path.is_symlink():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(path.read_bytes())


def restore_installation(workdir):
    """A backup of the whole installation into an empty database, ids kept."""
    with transaction.atomic():
        clear_empty_installation()
        # The archive brings the history; loading the many-to-many fields must not
        # write more of it (on PostgreSQL those rows would take the archive's ids).
        with scopes_disabled(), no_history():
            call_command("loaddata", str(Path(workdir) / "data.json"), verbosity=0)
    media = Path(workdir) / "media"
    if media.is_dir():
        copy_media(media, Path(settings.MEDIA_ROOT))
    hosts.forget()


# --- format 1: one alliance's installation, before alliances were tenants ------------

FORMAT_1_MODELS = {
    "arbeitsgruppen.fieldofaction": "buendnis.fieldofaction",
    "buendnis.suggestion": "events.suggestion",
    "buendnis.historicalsuggestion": "events.historicalsuggestion",
    "events.mailing": "cockpit.mailing",
    "events.delivery": "cockpit.delivery",
}


def upgrade_format_1(records):
    """Records of format 1 under today's model names and rules (what the migrations
    since then did to a database, done to the archive)."""
    upgraded = []
    for record in records:
        record = {**record, "model": FORMAT_1_MODELS.get(record["model"], record["model"])}
        fields = record["fields"] = dict(record["fields"])
        if record["model"] in ("partners.partner", "partners.historicalpartner"):
            fields["name_key"] = name_key(fields["name"])
            fields["listed"] = fields.get("listed", False) and fields.get("wants_listing", True)
        if record["model"] == "partners.signature" and fields.get("source") == "paper":
            # Paper signatures were confirmed on the day of entry; the period begins on paper.
            fields["entered_at"], fields["confirmed_at"] = fields["confirmed_at"], fields["signed_at"]
        upgraded.append(record)
    return upgraded


# --- restoring one alliance beside others --------------------------------------------


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
            self._copy_media(alliance)
        hosts.forget()
        return alliance

    def _alliance(self):
        fields = self._plain_fields(Alliance, self.alliance_record["fields"])
        fields["slug"] = self.slug
        fields.pop("suspended_at", None)
        logo = fields.pop("logo", "")
        alliance = Alliance.objects.create(**fields)
        if logo:
            alliance.logo.name = self._file_name(logo, alliance)
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
        unknown = [label for label in labels if not _known(label)]
        if unknown:
            raise CommandError(f"Die Sicherung enthält unbekannte Tabellen: {', '.join(sorted(unknown))}.")
        ordered = dependency_order(apps.get_model(label) for label in labels)
        return [model._meta.label_lower for model in ordered]

    def _rows(self, alliance):
        deferred = []  # (model, new id, field, old target id): references to rows made later
        for label in self._order():
            model = apps.get_model(label)
            records = self.records[label]
            instances = []
            for record in records:
                values = self._plain_fields(model, record["fields"])
                for field in model._meta.concrete_fields:
                    if field.name == "alliance":
                        values["alliance_id"] = alliance.pk
                    elif field.is_relation and field.name in record["fields"]:
                        values[field.attname] = self._reference(field, record["fields"][field.name])
                    elif isinstance(field, models.FileField) and values.get(field.attname):
                        values[field.attname] = self._file_name(values[field.attname], alliance)
                original = getattr(model, "instance_type", None)
                if original is not None and "id" in values:  # a history record: the object's id
                    values["id"] = self.ids[original._meta.label_lower].get(values["id"], values["id"])
                instances.append(model(**values))
            # Dates kept as they were: saving would stamp `auto_now(_add)` fields with now.
            stamped = [
                field for field in model._meta.concrete_fields
                if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
            ]
            kept = [{field.attname: getattr(instance, field.attname) for field in stamped}
                    for instance in instances]
            created = model._base_manager.bulk_create(instances, batch_size=500)
            if stamped:
                for instance, values in zip(created, kept, strict=True):
                    for attname, value in values.items():
                        setattr(instance, attname, value)
                model._base_manager.bulk_update(created, [field.name for field in stamped], batch_size=500)
            for record, instance in zip(records, created, strict=True):
                self.ids[label][record.get("pk")] = instance.pk
                for field in model._meta.concrete_fields:
                    target = record["fields"].get(field.name)
                    if field.is_relation and field.related_model is model and target is not None:
                        deferred.append((model, instance.pk, field, target))
        for model, pk, field, target in deferred:
            new = self.ids[model._meta.label_lower].get(target)
            model._base_manager.filter(pk=pk).update(**{field.attname: new})
        self._many_to_many()

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

    def _file_name(self, name, alliance):
        """`logos/a.png` (format 1) or `alliances/<old id>/logos/a.png` → the new folder."""
        relative = name.split("/", 2)[2] if name.startswith("alliances/") else name
        return f"{alliance_folder(alliance)}/{relative}"

    def _copy_media(self, alliance):
        target = Path(settings.MEDIA_ROOT) / alliance_folder(alliance)
        source = self.media
        old = self.media / "alliances" / str(self.old_alliance_id)
        if old.is_dir():
            source = old
        for path in source.rglob("*"):
            relative = path.relative_to(source)
            if relative.parts[:1] in (("pdf-cache",), ("alliances",)):
                continue
            if path.is_file() and not path.is_symlink():
                destination = target / relative
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(path.read_bytes())


def alliance_folders(alliance):
    """Where the alliance's uploads and stored PDFs are."""
    media = Path(settings.MEDIA_ROOT)
    return [media / alliance_folder(alliance), media / "pdf-cache" / alliance_folder(alliance)]


def delete_alliance(alliance, files=True):
    """Delete the alliance and everything it holds: its rows, their change history, its
    accounts, its uploaded files and stored PDFs (`files=False`: the caller removes
    them once its transaction has succeeded). Other alliances are not touched."""
    direct, indirect = owned_models()
    # Rows before the rows they refer to: a field of action, for one, protects itself
    # against deletion while projects refer to it.
    rows = list(reversed(dependency_order(direct + [model for model, _link in indirect])))
    users = list(get_user_model().objects.filter(account__alliance=alliance, is_superuser=False))
    folders = alliance_folders(alliance) if files else []
    # Deleting writes no history of its own: the alliance's history goes with it.
    with transaction.atomic(), scopes_disabled(), no_history():
        for model in rows:
            link = dict(indirect).get(model)
            condition = {f"{link.name}__alliance": alliance} if link else {"alliance": alliance}
            model._base_manager.filter(**condition).delete()
        alliance.history.all().delete()
        pk = alliance.pk
        alliance.delete()
        for user in users:
            user.delete()
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    hosts.forget()
    return pk


def dependency_order(models):
    """`models` ordered so that each comes after the models it refers to."""
    labels = {model._meta.label_lower: model for model in models}
    remaining = set(labels)
    order = []
    while remaining:
        ready = sorted(label for label in remaining if not (_depends_on(label) & (remaining - {label})))
        if not ready:
            raise CommandError(f"Zirkuläre Verweise zwischen {', '.join(sorted(remaining))}.")
        order.extend(ready)
        remaining -= set(ready)
    return [labels[label] for label in order]


def _known(label):
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True


def _depends_on(label):
    model = apps.get_model(label)
    targets = {
        field.related_model._meta.label_lower
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is not model
    }
    original = getattr(model, "instance_type", None)
    if original is not None:
        targets.add(original._meta.label_lower)
    return targets
