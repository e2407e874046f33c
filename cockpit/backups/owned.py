"""What belongs to one alliance: its tables, their order, its folders; and deleting it."""

import shutil
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import transaction

from buendnis import hosts
from buendnis.history import no_history
from buendnis.lib.images import alliance_folder
from buendnis.models import Alliance
from buendnis.tenancy import scopes_disabled

# Rows of an alliance that a restore does not bring back: rebuilt as they are needed.
NOT_RESTORED = {"buendnis.contentversion", "buendnis.ratelimitcounter"}
PROJECT_APPS = {"buendnis", "partners", "arbeitsgruppen", "events", "finances", "cockpit"}
TOTP_DEVICE = "otp_totp.totpdevice"
# The backup codes of the second factor (buendnis/backup_codes.py): a list per account.
STATIC_DEVICE = "otp_static.staticdevice"
STATIC_TOKEN = "otp_static.statictoken"


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


def known_table(label):
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
