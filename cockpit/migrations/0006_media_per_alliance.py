"""Uploads move into their alliance's folder, `alliances/<id>/` (buendnis.lib.images).

The media view serves an alliance's host only that folder, so the logos and pictures
uploaded before alliances existed move there, on disk and in the database. A file
that is missing on disk keeps its name (it was missing before).
"""

import os

from django.core.files.storage import default_storage
from django.db import migrations

FILES = [
    ("buendnis", "Alliance", "logo"),
    ("partners", "Partner", "logo"),
    ("arbeitsgruppen", "Project", "image"),
]
PREFIX = "alliances/"


def _move(old, new):
    path_old, path_new = default_storage.path(old), default_storage.path(new)
    if not os.path.exists(path_old):
        return False
    os.makedirs(os.path.dirname(path_new), exist_ok=True)
    os.replace(path_old, path_new)
    return True


def _owner(row, model_name):
    return row.pk if model_name == "Alliance" else row.alliance_id


def into_alliance_folders(apps, schema_editor):
    for app_label, model_name, field in FILES:
        model = apps.get_model(app_label, model_name)
        for row in model._base_manager.exclude(**{field: ""}).exclude(**{f"{field}__startswith": PREFIX}):
            old = getattr(row, field).name
            new = f"{PREFIX}{_owner(row, model_name)}/{old}"
            if _move(old, new):
                model._base_manager.filter(pk=row.pk).update(**{field: new})


def out_of_alliance_folders(apps, schema_editor):
    for app_label, model_name, field in FILES:
        model = apps.get_model(app_label, model_name)
        for row in model._base_manager.filter(**{f"{field}__startswith": PREFIX}):
            new = getattr(row, field).name
            old = new.split("/", 2)[2]
            if _move(new, old):
                model._base_manager.filter(pk=row.pk).update(**{field: old})


class Migration(migrations.Migration):
    dependencies = [
        ("cockpit", "0005_alliance"),
        ("arbeitsgruppen", "0004_alliance"),
        ("partners", "0005_alliance"),
    ]

    operations = [migrations.RunPython(into_alliance_folders, out_of_alliance_folders)]
