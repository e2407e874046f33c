"""Every row belongs to an alliance; slugs are unique per alliance, indexes lead with it."""

import importlib

import buendnis.tenancy
import django.db.models.deletion
from django.db import migrations, models

# Every row of an existing installation belongs to its one alliance.
alliances = importlib.import_module("buendnis.migrations.0003_alliances")


class Migration(migrations.Migration):

    dependencies = [
        ('buendnis', '0003_alliances'),
        ('cockpit', '0004_roles_for_new_models'),
    ]

    operations = [
        migrations.AddField(
            model_name='delivery',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='mailing',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.RunPython(alliances.assign('cockpit', ['delivery', 'mailing']), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='delivery',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='mailing',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
    ]
