"""Every row belongs to an alliance; slugs are unique per alliance, indexes lead with it."""

import importlib

import buendnis.tenancy
import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# Every row of an existing installation belongs to its one alliance.
alliances = importlib.import_module("buendnis.migrations.0003_alliances")
# SQLite rebuilds the tables to change columns: the membership triggers of 0002 go
# first and come back at the end.
triggers = importlib.import_module("partners.migrations.0002_membership_triggers")


class Migration(migrations.Migration):

    dependencies = [
        ('buendnis', '0003_alliances'),
        ('partners', '0004_membership_records'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(triggers.drop_triggers, triggers.create_triggers),
        migrations.RemoveConstraint(
            model_name='declaration',
            name='declaration_one_current',
        ),
        migrations.RemoveIndex(
            model_name='partner',
            name='partner_directory_idx',
        ),
        migrations.RemoveIndex(
            model_name='partner',
            name='partner_directory_kind_idx',
        ),
        migrations.RemoveIndex(
            model_name='signature',
            name='signature_state_idx',
        ),
        migrations.AddField(
            model_name='declaration',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='historicaldeclaration',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, default=buendnis.tenancy.current_alliance_id, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='historicalpartner',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, default=buendnis.tenancy.current_alliance_id, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='historicalsignature',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, default=buendnis.tenancy.current_alliance_id, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='partner',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='signature',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='signingsession',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.RunPython(alliances.assign('partners', ['declaration', 'partner', 'signature', 'signingsession', 'historicaldeclaration', 'historicalpartner', 'historicalsignature']), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='declaration',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='partner',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='signature',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='signingsession',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='declaration',
            name='version',
            field=models.CharField(help_text='z. B. „2017“ oder „2023-1“; steht in der Adresse der Fassung.', max_length=40, validators=[django.core.validators.RegexValidator('^[0-9A-Za-z][0-9A-Za-z._-]*$', 'Nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich (sie stehen in der Adresse).')], verbose_name='Version'),
        ),
        migrations.AlterField(
            model_name='historicaldeclaration',
            name='version',
            field=models.CharField(help_text='z. B. „2017“ oder „2023-1“; steht in der Adresse der Fassung.', max_length=40, validators=[django.core.validators.RegexValidator('^[0-9A-Za-z][0-9A-Za-z._-]*$', 'Nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich (sie stehen in der Adresse).')], verbose_name='Version'),
        ),
        migrations.AlterField(
            model_name='partner',
            name='slug',
            field=models.SlugField(max_length=220, verbose_name='Kurzadresse'),
        ),
        migrations.AddIndex(
            model_name='partner',
            index=models.Index(condition=models.Q(('is_member', True), ('listed', True)), fields=['alliance', 'name', 'id'], name='partner_directory_idx'),
        ),
        migrations.AddIndex(
            model_name='partner',
            index=models.Index(condition=models.Q(('is_member', True), ('listed', True)), fields=['alliance', 'kind', 'name', 'id'], name='partner_directory_kind_idx'),
        ),
        migrations.AddIndex(
            model_name='signature',
            index=models.Index(fields=['alliance', 'confirmed_at', 'withdrawn_at'], name='signature_state_idx'),
        ),
        migrations.AddConstraint(
            model_name='declaration',
            constraint=models.UniqueConstraint(condition=models.Q(('is_current', True)), fields=('alliance', 'is_current'), name='declaration_one_current'),
        ),
        migrations.AddConstraint(
            model_name='declaration',
            constraint=models.UniqueConstraint(fields=('alliance', 'version'), name='declaration_unique_version'),
        ),
        migrations.AddConstraint(
            model_name='partner',
            constraint=models.UniqueConstraint(fields=('alliance', 'slug'), name='partner_unique_slug'),
        ),
        migrations.RunPython(triggers.create_triggers, triggers.drop_triggers),
    ]
