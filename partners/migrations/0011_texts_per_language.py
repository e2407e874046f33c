"""The texts an alliance writes get a column per language (django-modeltranslation,
partners/translation.py) and a note of their translations' state. What is there is German:
it is copied into the German column, which the library reads from now on (what its
command `update_translation_fields` does)."""

import buendnis.lib.translation_state
from django.db import migrations, models
from django.db.models import F

TRANSLATED = {"declaration": ["title", "text"]}


def copy_into_german(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("partners", model_name)
        model._base_manager.update(**{f"{name}_de": F(name) for name in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0010_merge_meeting_cycle"),
    ]

    operations = [
        migrations.AddField(
            model_name="declaration",
            name="text_ar",
            field=models.TextField(
                help_text="Einfaches HTML ist erlaubt (Absätze, Listen, Hervorhebungen).",
                null=True,
                verbose_name="Text",
            ),
        ),
        migrations.AddField(
            model_name="declaration",
            name="text_de",
            field=models.TextField(
                help_text="Einfaches HTML ist erlaubt (Absätze, Listen, Hervorhebungen).",
                null=True,
                verbose_name="Text",
            ),
        ),
        migrations.AddField(
            model_name="declaration",
            name="text_en",
            field=models.TextField(
                help_text="Einfaches HTML ist erlaubt (Absätze, Listen, Hervorhebungen).",
                null=True,
                verbose_name="Text",
            ),
        ),
        migrations.AddField(
            model_name="declaration",
            name="text_tr",
            field=models.TextField(
                help_text="Einfaches HTML ist erlaubt (Absätze, Listen, Hervorhebungen).",
                null=True,
                verbose_name="Text",
            ),
        ),
        migrations.AddField(
            model_name="declaration",
            name="text_uk",
            field=models.TextField(
                help_text="Einfaches HTML ist erlaubt (Absätze, Listen, Hervorhebungen).",
                null=True,
                verbose_name="Text",
            ),
        ),
        migrations.AddField(
            model_name="declaration",
            name="title_ar",
            field=models.CharField(
                default="Bündniserklärung", max_length=200, null=True, verbose_name="Titel"
            ),
        ),
        migrations.AddField(
            model_name="declaration",
            name="title_de",
            field=models.CharField(
                default="Bündniserklärung", max_length=200, null=True, verbose_name="Titel"
            ),
        ),
        migrations.AddField(
            model_name="declaration",
            name="title_en",
            field=models.CharField(
                default="Bündniserklärung", max_length=200, null=True, verbose_name="Titel"
            ),
        ),
        migrations.AddField(
            model_name="declaration",
            name="title_tr",
            field=models.CharField(
                default="Bündniserklärung", max_length=200, null=True, verbose_name="Titel"
            ),
        ),
        migrations.AddField(
            model_name="declaration",
            name="title_uk",
            field=models.CharField(
                default="Bündniserklärung", max_length=200, null=True, verbose_name="Titel"
            ),
        ),
        migrations.AddField(
            model_name="declaration",
            name="translation_state",
            field=buendnis.lib.translation_state.TranslationStateField(
                blank=True, default=dict, editable=False, verbose_name="Stand der Übersetzungen"
            ),
        ),
        migrations.RunPython(copy_into_german, migrations.RunPython.noop),
    ]
