"""The texts an alliance writes get a column per language (django-modeltranslation,
events/translation.py) and a note of their translations' state. What is there is German:
it is copied into the German column, which the library reads from now on (what its
command `update_translation_fields` does)."""

import buendnis.lib.translation_state
from django.db import migrations, models
from django.db.models import F

TRANSLATED = {"event": ["title", "description"]}


def copy_into_german(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("events", model_name)
        model._base_manager.update(**{f"{name}_de": F(name) for name in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0009_merge_meeting_cycle"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="description_ar",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="description_de",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="description_en",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="description_tr",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="description_uk",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="title_ar",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_de",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_tr",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_uk",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="event",
            name="translation_state",
            field=buendnis.lib.translation_state.TranslationStateField(
                blank=True, default=dict, editable=False, verbose_name="Stand der Übersetzungen"
            ),
        ),
        migrations.RunPython(copy_into_german, migrations.RunPython.noop),
    ]
