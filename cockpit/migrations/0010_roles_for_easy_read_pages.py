"""The roles get their rights on the pages in Leichte Sprache: Koordination writes and
publishes them, the Steuerungsgruppe reads them (cockpit/roles.py)."""

from django.db import migrations

from cockpit import roles


def sync_roles(apps, schema_editor):
    roles.sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cockpit", "0009_merge_finances_and_mailings"),
        ("buendnis", "0011_easy_language_page_becomes_home_variant"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
