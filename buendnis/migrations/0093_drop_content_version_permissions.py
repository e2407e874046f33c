"""Delete the permissions ContentVersion had before 0092 took them away.

Depending on the order in which 0051_roles and 0090 ran, the role data migration
created add/change/delete/view permissions for ContentVersion and gave them to the
Koordination group. Django never deletes permissions of a model that lost them, so a
database migrated from scratch kept them while a flushed one (post_migrate only) did
not; a backup of the first could not be restored into the second.
"""

from django.db import migrations


def drop_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="buendnis", content_type__model="contentversion"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("buendnis", "0092_content_version_without_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(drop_permissions, migrations.RunPython.noop)]
