"""The roles get their rights on the finances: Koordination books, the Steuerungsgruppe
approves, AG-Leitung reads the budget of its groups (cockpit/roles.py)."""

from django.db import migrations

from cockpit import roles


def sync_roles(apps, schema_editor):
    roles.sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cockpit", "0007_accounts_of_the_alliance"),
        ("finances", "0001_ledger"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
