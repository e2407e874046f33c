"""The roles get their rights on the models added since 0002 (signing sessions, history)."""

from django.db import migrations

from cockpit import roles


def sync_roles(apps, schema_editor):
    roles.sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cockpit", "0003_delivery_addresses_erasable"),
        ("buendnis", "0002_history"),
        ("partners", "0004_membership_records"),
        ("arbeitsgruppen", "0003_history"),
        ("events", "0002_signing_sessions_history_retention"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
