"""The texts an alliance writes get a column per language (django-modeltranslation,
cockpit/translation.py) and a note of their translations' state. What is there is German:
it is copied into the German column, which the library reads from now on (what its
command `update_translation_fields` does)."""

import buendnis.lib.translation_state
from django.db import migrations, models
from django.db.models import F

TRANSLATED = {"mailing": ["subject", "body"]}


def copy_into_german(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("cockpit", model_name)
        model._base_manager.update(**{f"{name}_de": F(name) for name in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("cockpit", "0009_merge_finances_and_mailings"),
    ]

    operations = [
        migrations.AddField(
            model_name="mailing",
            name="body_ar",
            field=models.TextField(
                help_text="Text mit Markdown: **fett**, *kursiv*, Listen mit „- “, Links als [Text](https://…). Verschickt als HTML mit Textfassung. Anrede, Fußzeile mit dem persönlichen Link zum Eintrag und der Abmeldelink ergänzt das Portal für jeden Partner.",
                max_length=20000,
                null=True,
                verbose_name="Nachricht",
            ),
        ),
        migrations.AddField(
            model_name="mailing",
            name="body_de",
            field=models.TextField(
                help_text="Text mit Markdown: **fett**, *kursiv*, Listen mit „- “, Links als [Text](https://…). Verschickt als HTML mit Textfassung. Anrede, Fußzeile mit dem persönlichen Link zum Eintrag und der Abmeldelink ergänzt das Portal für jeden Partner.",
                max_length=20000,
                null=True,
                verbose_name="Nachricht",
            ),
        ),
        migrations.AddField(
            model_name="mailing",
            name="body_en",
            field=models.TextField(
                help_text="Text mit Markdown: **fett**, *kursiv*, Listen mit „- “, Links als [Text](https://…). Verschickt als HTML mit Textfassung. Anrede, Fußzeile mit dem persönlichen Link zum Eintrag und der Abmeldelink ergänzt das Portal für jeden Partner.",
                max_length=20000,
                null=True,
                verbose_name="Nachricht",
            ),
        ),
        migrations.AddField(
            model_name="mailing",
            name="body_tr",
            field=models.TextField(
                help_text="Text mit Markdown: **fett**, *kursiv*, Listen mit „- “, Links als [Text](https://…). Verschickt als HTML mit Textfassung. Anrede, Fußzeile mit dem persönlichen Link zum Eintrag und der Abmeldelink ergänzt das Portal für jeden Partner.",
                max_length=20000,
                null=True,
                verbose_name="Nachricht",
            ),
        ),
        migrations.AddField(
            model_name="mailing",
            name="body_uk",
            field=models.TextField(
                help_text="Text mit Markdown: **fett**, *kursiv*, Listen mit „- “, Links als [Text](https://…). Verschickt als HTML mit Textfassung. Anrede, Fußzeile mit dem persönlichen Link zum Eintrag und der Abmeldelink ergänzt das Portal für jeden Partner.",
                max_length=20000,
                null=True,
                verbose_name="Nachricht",
            ),
        ),
        migrations.AddField(
            model_name="mailing",
            name="subject_ar",
            field=models.CharField(max_length=200, null=True, verbose_name="Betreff"),
        ),
        migrations.AddField(
            model_name="mailing",
            name="subject_de",
            field=models.CharField(max_length=200, null=True, verbose_name="Betreff"),
        ),
        migrations.AddField(
            model_name="mailing",
            name="subject_en",
            field=models.CharField(max_length=200, null=True, verbose_name="Betreff"),
        ),
        migrations.AddField(
            model_name="mailing",
            name="subject_tr",
            field=models.CharField(max_length=200, null=True, verbose_name="Betreff"),
        ),
        migrations.AddField(
            model_name="mailing",
            name="subject_uk",
            field=models.CharField(max_length=200, null=True, verbose_name="Betreff"),
        ),
        migrations.AddField(
            model_name="mailing",
            name="translation_state",
            field=buendnis.lib.translation_state.TranslationStateField(
                blank=True, default=dict, editable=False, verbose_name="Stand der Übersetzungen"
            ),
        ),
        migrations.RunPython(copy_into_german, migrations.RunPython.noop),
    ]
