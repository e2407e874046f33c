"""Every row belongs to an alliance; slugs are unique per alliance, indexes lead with it."""

import importlib

import buendnis.tenancy
import django.db.models.deletion
from django.db import migrations, models

# Every row of an existing installation belongs to its one alliance.
alliances = importlib.import_module("buendnis.migrations.0003_alliances")


class Migration(migrations.Migration):

    dependencies = [
        ('arbeitsgruppen', '0004_alliance'),
        ('buendnis', '0003_alliances'),
        ('events', '0002_signing_sessions_history_retention'),
        ('partners', '0005_alliance'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='event',
            name='event_public_idx',
        ),
        migrations.RemoveIndex(
            model_name='event',
            name='event_public_start_idx',
        ),
        migrations.RemoveIndex(
            model_name='suggestion',
            name='suggestion_status_idx',
        ),
        migrations.AddField(
            model_name='agendaitem',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='event',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='historicalagendaitem',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, default=buendnis.tenancy.current_alliance_id, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='historicalevent',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, default=buendnis.tenancy.current_alliance_id, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='historicalminutes',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, default=buendnis.tenancy.current_alliance_id, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='historicalsuggestion',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, default=buendnis.tenancy.current_alliance_id, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='historicaltask',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, default=buendnis.tenancy.current_alliance_id, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='invitation',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='minutes',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='registration',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='suggestion',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='task',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.RunPython(alliances.assign('events', ['agendaitem', 'event', 'invitation', 'minutes', 'registration', 'suggestion', 'task', 'historicalagendaitem', 'historicalevent', 'historicalminutes', 'historicalsuggestion', 'historicaltask']), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='agendaitem',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='event',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='invitation',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='minutes',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='registration',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='suggestion',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='task',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='event',
            name='slug',
            field=models.SlugField(max_length=220, verbose_name='Kurzadresse'),
        ),
        migrations.AddIndex(
            model_name='event',
            index=models.Index(fields=['alliance', 'is_public', 'published', 'ends_at'], name='event_public_idx'),
        ),
        migrations.AddIndex(
            model_name='event',
            index=models.Index(condition=models.Q(('is_public', True), ('published', True)), fields=['alliance', 'starts_at'], name='event_public_start_idx'),
        ),
        migrations.AddIndex(
            model_name='suggestion',
            index=models.Index(fields=['alliance', 'status', '-created_at'], name='suggestion_status_idx'),
        ),
        migrations.AddConstraint(
            model_name='event',
            constraint=models.UniqueConstraint(fields=('alliance', 'slug'), name='event_unique_slug'),
        ),
    ]
