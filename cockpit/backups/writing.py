"""Writing an archive: the whole installation or one alliance, with its files."""

import json
import tarfile
from pathlib import Path

import django
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from buendnis.tenancy import scopes_disabled
from cockpit.backups.owned import STATIC_DEVICE, STATIC_TOKEN, TOTP_DEVICE, owned_models

FORMAT = 2
# Rebuilt by `migrate` (content types, permissions) or worthless after a restore.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "buendnis.ratelimitcounter", "admin.logentry"]


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
    yield from apps.get_model(STATIC_DEVICE).objects.filter(user__in=users).order_by("pk")
    yield from apps.get_model(STATIC_TOKEN).objects.filter(device__user__in=users).order_by("pk")


def dump_alliance(alliance, path):
    with transaction.atomic(), scopes_disabled():
        _consistent_snapshot()
        with open(path, "w") as file:
            serializers.serialize(
                "json", alliance_objects(alliance), stream=file, use_natural_foreign_keys=True
            )


def without_symbolic_links(member):
    """A symbolic link among the uploaded files is left out: the restore copies none and
    refuses archives that have one (`reading.members_inside`)."""
    return None if member.issym() else member


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
                archive.add(folder, arcname=name, filter=without_symbolic_links)
    # Only a complete archive gets the final name.
    partial.replace(output)
