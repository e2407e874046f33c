"""The roles Koordination, Steuerungsgruppe and AG-Leitung as groups with their permissions."""

from django.db import migrations

from cockpit import roles


def create_roles(apps, schema_editor):
    roles.sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("buendnis", "0001_initial"),
        ("partners", "0003_partner_name_trigram"),
        ("arbeitsgruppen", "0002_project_search_trigram"),
        ("events", "0001_initial"),
        ("cockpit", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
