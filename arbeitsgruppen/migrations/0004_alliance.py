"""Every row belongs to an alliance; slugs are unique per alliance, indexes lead with it."""

import importlib

import buendnis.tenancy
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# Every row of an existing installation belongs to its one alliance.
alliances = importlib.import_module("buendnis.migrations.0003_alliances")


class Migration(migrations.Migration):

    dependencies = [
        ('arbeitsgruppen', '0003_history'),
        ('buendnis', '0003_alliances'),
        ('partners', '0005_alliance'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='project',
            name='project_status_idx',
        ),
        migrations.RemoveIndex(
            model_name='project',
            name='project_listing_idx',
        ),
        migrations.RemoveIndex(
            model_name='project',
            name='project_field_idx',
        ),
        migrations.RemoveIndex(
            model_name='project',
            name='project_field_status_idx',
        ),
        migrations.AddField(
            model_name='historicalmandate',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, default=buendnis.tenancy.current_alliance_id, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='historicalproject',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, default=buendnis.tenancy.current_alliance_id, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='historicalworkinggroup',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, default=buendnis.tenancy.current_alliance_id, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='mandate',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='project',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='targetgroup',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='workinggroup',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.RunPython(alliances.assign('arbeitsgruppen', ['mandate', 'project', 'targetgroup', 'workinggroup', 'historicalmandate', 'historicalproject', 'historicalworkinggroup']), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='mandate',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='project',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='targetgroup',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='workinggroup',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='project',
            name='slug',
            field=models.SlugField(max_length=220, verbose_name='Kurzadresse'),
        ),
        migrations.AlterField(
            model_name='targetgroup',
            name='name',
            field=models.CharField(max_length=100, verbose_name='Name'),
        ),
        migrations.AlterField(
            model_name='targetgroup',
            name='slug',
            field=models.SlugField(max_length=120, verbose_name='Kurzadresse'),
        ),
        migrations.AlterField(
            model_name='workinggroup',
            name='slug',
            field=models.SlugField(max_length=220, verbose_name='Kurzadresse'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(condition=models.Q(('published', True)), fields=['alliance', 'status', 'title', 'id', 'field_of_action', 'working_group'], name='project_status_idx'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(condition=models.Q(('published', True)), fields=['alliance', 'title', 'id', 'field_of_action', 'working_group'], name='project_listing_idx'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(condition=models.Q(('published', True)), fields=['alliance', 'field_of_action', 'title', 'id', 'working_group'], name='project_field_idx'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(condition=models.Q(('published', True)), fields=['alliance', 'field_of_action', 'status', 'title', 'id', 'working_group'], name='project_field_status_idx'),
        ),
        migrations.AddConstraint(
            model_name='project',
            constraint=models.UniqueConstraint(fields=('alliance', 'slug'), name='project_unique_slug'),
        ),
        migrations.AddConstraint(
            model_name='targetgroup',
            constraint=models.UniqueConstraint(fields=('alliance', 'name'), name='target_group_unique_name'),
        ),
        migrations.AddConstraint(
            model_name='targetgroup',
            constraint=models.UniqueConstraint(fields=('alliance', 'slug'), name='target_group_unique_slug'),
        ),
        migrations.AddConstraint(
            model_name='workinggroup',
            constraint=models.UniqueConstraint(fields=('alliance', 'slug'), name='group_unique_slug'),
        ),
    ]
