"""The alliance becomes the tenant (issue "Many alliances on one installation").

Every alliance-owned table gets an `alliance` column. An existing installation has
one alliance (the former singleton profile, row 1): every row, and every row of the
change history, is given to it. If rows exist but no profile was ever saved, the
profile is created, as `Alliance.load()` used to do. The other apps' migrations call
`assign` from here for their tables.
"""

import buendnis.tenancy
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


DEFAULT_NAME = "Lokales Bündnis für Familie"


def the_alliance(apps):
    """The installation's one alliance, created if rows need an owner and none exists."""
    Alliance = apps.get_model("buendnis", "Alliance")
    alliance = Alliance.objects.order_by("pk").first()
    if alliance is None:
        alliance = Alliance.objects.create(name=DEFAULT_NAME, slug="buendnis")
    return alliance


def assign(app_label, model_names):
    """A RunPython function giving every row of these models the one alliance."""

    def run(apps, schema_editor):
        models = [apps.get_model(app_label, name) for name in model_names]
        if not any(model.objects.filter(alliance__isnull=True).exists() for model in models):
            return
        alliance = the_alliance(apps)
        for model in models:
            model.objects.filter(alliance__isnull=True).update(alliance=alliance)

    return run


def fill_slugs(apps, schema_editor):
    from django.utils.text import slugify

    Alliance = apps.get_model("buendnis", "Alliance")
    taken = set()
    for alliance in Alliance.objects.order_by("pk"):
        base = slugify(alliance.town or alliance.short_name or alliance.name)[:50] or "buendnis"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        alliance.slug = slug
        alliance.save(update_fields=["slug"])
    HistoricalAlliance = apps.get_model("buendnis", "HistoricalAlliance")
    for alliance in Alliance.objects.all():
        HistoricalAlliance.objects.filter(id=alliance.pk).update(slug=alliance.slug)


def accounts_for_existing_users(apps, schema_editor):
    """Every account of the installation belonged to its one alliance; superusers stay
    without (they may open every alliance's admin)."""
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    Account = apps.get_model("buendnis", "Account")
    users = User.objects.filter(is_superuser=False)
    if not users.exists():
        return
    alliance = the_alliance(apps)
    Account.objects.bulk_create(Account(user=user, alliance=alliance) for user in users)


class Migration(migrations.Migration):

    dependencies = [
        ('buendnis', '0002_history'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Account',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
            ],
            options={
                'verbose_name': 'Zugang',
                'verbose_name_plural': 'Zugänge',
            },
        ),
        migrations.CreateModel(
            name='Domain',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=253, unique=True, validators=[django.core.validators.RegexValidator('^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$', 'Ein Domainname in Kleinbuchstaben ohne http:// und ohne Pfad, z. B. buendnis-nordheim.de.')], verbose_name='Domain')),
                ('is_primary', models.BooleanField(default=False, help_text='Die übrigen Domains des Bündnisses leiten auf die Hauptdomain weiter.', verbose_name='Hauptdomain')),
            ],
            options={
                'verbose_name': 'Domain',
                'verbose_name_plural': 'Domains',
                'ordering': ['-is_primary', 'name'],
            },
        ),
        migrations.AlterModelOptions(
            name='alliance',
            options={'ordering': ['name'], 'verbose_name': 'Bündnisprofil', 'verbose_name_plural': 'Bündnisprofil'},
        ),
        migrations.RemoveConstraint(
            model_name='ratelimitcounter',
            name='ratelimit_unique_window',
        ),
        migrations.AddField(
            model_name='alliance',
            name='created_at',
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='angelegt am'),
        ),
        migrations.AddField(
            model_name='alliance',
            name='postal_codes',
            field=models.TextField(blank=True, help_text='Die Postleitzahlen des Gebiets, durch Leerzeichen getrennt: für die Bündnissuche.', verbose_name='Postleitzahlen'),
        ),
        migrations.AddField(
            model_name='alliance',
            name='reply_to_email',
            field=models.EmailField(blank=True, help_text='Wohin Antworten auf die E-Mails des Portals gehen. Leer: an die Koordination.', max_length=254, verbose_name='Antworten an'),
        ),
        migrations.AddField(
            model_name='alliance',
            name='sender_email',
            field=models.EmailField(blank=True, help_text='Leer: die Absenderadresse der Installation.', max_length=254, verbose_name='Absenderadresse der E-Mails'),
        ),
        migrations.AddField(
            model_name='alliance',
            name='sender_name',
            field=models.CharField(blank=True, help_text='Leer: der Name des Bündnisses.', max_length=200, verbose_name='Absendername der E-Mails'),
        ),
        migrations.AddField(
            model_name='alliance',
            name='slug',
            # No index yet: PostgreSQL would keep its "_like" index when the field
            # becomes unique below and fail to create it a second time.
            field=models.SlugField(db_index=False, default='', help_text='Kurz und dauerhaft, z. B. „musterhausen“; für Befehle und Sicherungen.', max_length=60, verbose_name='Kennung'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='alliance',
            name='suspended_at',
            field=models.DateTimeField(blank=True, help_text='Ein stillgelegtes Bündnis ist nicht erreichbar; seine Daten bleiben.', null=True, verbose_name='stillgelegt seit'),
        ),
        migrations.AddField(
            model_name='contentversion',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='fieldofaction',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='historicalalliance',
            name='created_at',
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='angelegt am'),
        ),
        migrations.AddField(
            model_name='historicalalliance',
            name='postal_codes',
            field=models.TextField(blank=True, help_text='Die Postleitzahlen des Gebiets, durch Leerzeichen getrennt: für die Bündnissuche.', verbose_name='Postleitzahlen'),
        ),
        migrations.AddField(
            model_name='historicalalliance',
            name='reply_to_email',
            field=models.EmailField(blank=True, help_text='Wohin Antworten auf die E-Mails des Portals gehen. Leer: an die Koordination.', max_length=254, verbose_name='Antworten an'),
        ),
        migrations.AddField(
            model_name='historicalalliance',
            name='sender_email',
            field=models.EmailField(blank=True, help_text='Leer: die Absenderadresse der Installation.', max_length=254, verbose_name='Absenderadresse der E-Mails'),
        ),
        migrations.AddField(
            model_name='historicalalliance',
            name='sender_name',
            field=models.CharField(blank=True, help_text='Leer: der Name des Bündnisses.', max_length=200, verbose_name='Absendername der E-Mails'),
        ),
        migrations.AddField(
            model_name='historicalalliance',
            name='slug',
            field=models.SlugField(default='', help_text='Kurz und dauerhaft, z. B. „musterhausen“; für Befehle und Sicherungen.', max_length=60, verbose_name='Kennung'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='historicalfieldofaction',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, default=buendnis.tenancy.current_alliance_id, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='historicalpage',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, default=buendnis.tenancy.current_alliance_id, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='page',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='ratelimitcounter',
            name='alliance',
            field=models.ForeignKey(null=True, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='fieldofaction',
            name='slug',
            field=models.SlugField(max_length=220, verbose_name='Kurzadresse'),
        ),
        migrations.AlterField(
            model_name='page',
            name='slug',
            field=models.SlugField(choices=[('buendnis', 'Über das Bündnis (Ergänzung)'), ('impressum', 'Impressum'), ('datenschutz', 'Datenschutz'), ('barrierefreiheit', 'Barrierefreiheit'), ('leichte-sprache', 'Leichte Sprache')], max_length=40, verbose_name='Seite'),
        ),
        migrations.AddConstraint(
            model_name='contentversion',
            constraint=models.UniqueConstraint(fields=('alliance',), name='one_content_version'),
        ),
        migrations.AddConstraint(
            model_name='fieldofaction',
            constraint=models.UniqueConstraint(fields=('alliance', 'slug'), name='field_unique_slug'),
        ),
        migrations.AddConstraint(
            model_name='page',
            constraint=models.UniqueConstraint(fields=('alliance', 'slug'), name='page_unique_slug'),
        ),
        migrations.AddConstraint(
            model_name='ratelimitcounter',
            constraint=models.UniqueConstraint(fields=('alliance', 'key', 'window_start'), name='ratelimit_unique_window'),
        ),
        migrations.AddField(
            model_name='account',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddField(
            model_name='account',
            name='user',
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='account', to=settings.AUTH_USER_MODEL, verbose_name='Benutzer'),
        ),
        migrations.AddField(
            model_name='domain',
            name='alliance',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='domains', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='alliance',
            name='slug',
            field=models.SlugField(help_text='Kurz und dauerhaft, z. B. „musterhausen“; für Befehle und Sicherungen.', max_length=60, unique=True, verbose_name='Kennung'),
        ),
        migrations.RunPython(assign('buendnis', ['contentversion', 'fieldofaction', 'milestone', 'page', 'ratelimitcounter', 'historicalfieldofaction', 'historicalpage']), migrations.RunPython.noop),
        migrations.AlterField(
            model_name='contentversion',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='fieldofaction',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='milestone',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='page',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AlterField(
            model_name='ratelimitcounter',
            name='alliance',
            field=models.ForeignKey(default=buendnis.tenancy.current_alliance_id, editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='buendnis.alliance', verbose_name='Bündnis'),
        ),
        migrations.AddConstraint(
            model_name='domain',
            constraint=models.UniqueConstraint(condition=models.Q(('is_primary', True)), fields=('alliance',), name='one_primary_domain'),
        ),
        migrations.RunPython(accounts_for_existing_users, migrations.RunPython.noop),
    ]
