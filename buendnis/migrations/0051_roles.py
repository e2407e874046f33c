"""The roles Koordination, Steuerungsgruppe and AG-Leitung as groups with their permissions."""

from django.db import migrations

from buendnis import roles


def create_roles(apps, schema_editor):
    roles.sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("buendnis", "0050_history"),
        ("partners", "0050_history"),
        ("arbeitsgruppen", "0002_initial"),
        ("events", "0051_history"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
