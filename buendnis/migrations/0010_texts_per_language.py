"""The texts an alliance writes get a column per language (django-modeltranslation,
buendnis/translation.py) and a note of their translations' state. What is there is German:
it is copied into the German column, which the library reads from now on (what its
command `update_translation_fields` does)."""

import buendnis.lib.translation_state
from django.db import migrations, models
from django.db.models import F

TRANSLATED = {
    "alliance": [
        "tagline",
        "introduction",
        "what_is_a_local_alliance",
        "goals",
        "how_we_work",
        "coordination_text",
        "steering_group_text",
        "office_text",
        "working_groups_text",
        "founding_text",
    ],
    "milestone": ["date_label", "title", "text"],
    "page": ["title", "body"],
    "fieldofaction": ["name", "summary", "description"],
}


def copy_into_german(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("buendnis", model_name)
        model._base_manager.update(**{f"{name}_de": F(name) for name in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("buendnis", "0009_alliance_languages"),
    ]

    operations = [
        migrations.AddField(
            model_name="alliance",
            name="coordination_text_ar",
            field=models.TextField(blank=True, null=True, verbose_name="Koordination"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="coordination_text_de",
            field=models.TextField(blank=True, null=True, verbose_name="Koordination"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="coordination_text_en",
            field=models.TextField(blank=True, null=True, verbose_name="Koordination"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="coordination_text_tr",
            field=models.TextField(blank=True, null=True, verbose_name="Koordination"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="coordination_text_uk",
            field=models.TextField(blank=True, null=True, verbose_name="Koordination"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="founding_text_ar",
            field=models.TextField(
                blank=True, help_text="Text der Gründungsurkunde.", null=True, verbose_name="Gründungstext"
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="founding_text_de",
            field=models.TextField(
                blank=True, help_text="Text der Gründungsurkunde.", null=True, verbose_name="Gründungstext"
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="founding_text_en",
            field=models.TextField(
                blank=True, help_text="Text der Gründungsurkunde.", null=True, verbose_name="Gründungstext"
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="founding_text_tr",
            field=models.TextField(
                blank=True, help_text="Text der Gründungsurkunde.", null=True, verbose_name="Gründungstext"
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="founding_text_uk",
            field=models.TextField(
                blank=True, help_text="Text der Gründungsurkunde.", null=True, verbose_name="Gründungstext"
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="goals_ar",
            field=models.TextField(
                blank=True,
                help_text="Ein Ziel pro Zeile; erscheint als Liste.",
                null=True,
                verbose_name="Ziele",
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="goals_de",
            field=models.TextField(
                blank=True,
                help_text="Ein Ziel pro Zeile; erscheint als Liste.",
                null=True,
                verbose_name="Ziele",
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="goals_en",
            field=models.TextField(
                blank=True,
                help_text="Ein Ziel pro Zeile; erscheint als Liste.",
                null=True,
                verbose_name="Ziele",
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="goals_tr",
            field=models.TextField(
                blank=True,
                help_text="Ein Ziel pro Zeile; erscheint als Liste.",
                null=True,
                verbose_name="Ziele",
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="goals_uk",
            field=models.TextField(
                blank=True,
                help_text="Ein Ziel pro Zeile; erscheint als Liste.",
                null=True,
                verbose_name="Ziele",
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="how_we_work_ar",
            field=models.TextField(blank=True, null=True, verbose_name="So arbeitet das Bündnis"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="how_we_work_de",
            field=models.TextField(blank=True, null=True, verbose_name="So arbeitet das Bündnis"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="how_we_work_en",
            field=models.TextField(blank=True, null=True, verbose_name="So arbeitet das Bündnis"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="how_we_work_tr",
            field=models.TextField(blank=True, null=True, verbose_name="So arbeitet das Bündnis"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="how_we_work_uk",
            field=models.TextField(blank=True, null=True, verbose_name="So arbeitet das Bündnis"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="introduction_ar",
            field=models.TextField(
                blank=True,
                help_text="Erscheint auf der Startseite.",
                null=True,
                verbose_name="Kurzvorstellung",
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="introduction_de",
            field=models.TextField(
                blank=True,
                help_text="Erscheint auf der Startseite.",
                null=True,
                verbose_name="Kurzvorstellung",
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="introduction_en",
            field=models.TextField(
                blank=True,
                help_text="Erscheint auf der Startseite.",
                null=True,
                verbose_name="Kurzvorstellung",
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="introduction_tr",
            field=models.TextField(
                blank=True,
                help_text="Erscheint auf der Startseite.",
                null=True,
                verbose_name="Kurzvorstellung",
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="introduction_uk",
            field=models.TextField(
                blank=True,
                help_text="Erscheint auf der Startseite.",
                null=True,
                verbose_name="Kurzvorstellung",
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="machine_translation",
            field=models.BooleanField(
                default=False,
                help_text="Fehlende Übersetzungen lassen sich dann maschinell ergänzen; die Website kennzeichnet sie als maschinell übersetzt und verweist auf den deutschen Text. Nie für Leichte Sprache.",
                verbose_name="maschinelle Übersetzung anbieten",
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="office_text_ar",
            field=models.TextField(blank=True, null=True, verbose_name="Geschäftsstelle"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="office_text_de",
            field=models.TextField(blank=True, null=True, verbose_name="Geschäftsstelle"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="office_text_en",
            field=models.TextField(blank=True, null=True, verbose_name="Geschäftsstelle"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="office_text_tr",
            field=models.TextField(blank=True, null=True, verbose_name="Geschäftsstelle"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="office_text_uk",
            field=models.TextField(blank=True, null=True, verbose_name="Geschäftsstelle"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="steering_group_text_ar",
            field=models.TextField(blank=True, null=True, verbose_name="Steuerungsgruppe"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="steering_group_text_de",
            field=models.TextField(blank=True, null=True, verbose_name="Steuerungsgruppe"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="steering_group_text_en",
            field=models.TextField(blank=True, null=True, verbose_name="Steuerungsgruppe"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="steering_group_text_tr",
            field=models.TextField(blank=True, null=True, verbose_name="Steuerungsgruppe"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="steering_group_text_uk",
            field=models.TextField(blank=True, null=True, verbose_name="Steuerungsgruppe"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="tagline_ar",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="Leitsatz"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="tagline_de",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="Leitsatz"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="tagline_en",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="Leitsatz"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="tagline_tr",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="Leitsatz"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="tagline_uk",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="Leitsatz"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="translation_state",
            field=buendnis.lib.translation_state.TranslationStateField(
                blank=True, default=dict, editable=False, verbose_name="Stand der Übersetzungen"
            ),
        ),
        migrations.AddField(
            model_name="alliance",
            name="what_is_a_local_alliance_ar",
            field=models.TextField(blank=True, null=True, verbose_name="Was ist ein Lokales Bündnis?"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="what_is_a_local_alliance_de",
            field=models.TextField(blank=True, null=True, verbose_name="Was ist ein Lokales Bündnis?"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="what_is_a_local_alliance_en",
            field=models.TextField(blank=True, null=True, verbose_name="Was ist ein Lokales Bündnis?"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="what_is_a_local_alliance_tr",
            field=models.TextField(blank=True, null=True, verbose_name="Was ist ein Lokales Bündnis?"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="what_is_a_local_alliance_uk",
            field=models.TextField(blank=True, null=True, verbose_name="Was ist ein Lokales Bündnis?"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="working_groups_text_ar",
            field=models.TextField(blank=True, null=True, verbose_name="Arbeitsgruppen"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="working_groups_text_de",
            field=models.TextField(blank=True, null=True, verbose_name="Arbeitsgruppen"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="working_groups_text_en",
            field=models.TextField(blank=True, null=True, verbose_name="Arbeitsgruppen"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="working_groups_text_tr",
            field=models.TextField(blank=True, null=True, verbose_name="Arbeitsgruppen"),
        ),
        migrations.AddField(
            model_name="alliance",
            name="working_groups_text_uk",
            field=models.TextField(blank=True, null=True, verbose_name="Arbeitsgruppen"),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="description_ar",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="description_de",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="description_en",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="description_tr",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="description_uk",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="name_ar",
            field=models.CharField(max_length=200, null=True, verbose_name="Name"),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="name_de",
            field=models.CharField(max_length=200, null=True, verbose_name="Name"),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="name_en",
            field=models.CharField(max_length=200, null=True, verbose_name="Name"),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="name_tr",
            field=models.CharField(max_length=200, null=True, verbose_name="Name"),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="name_uk",
            field=models.CharField(max_length=200, null=True, verbose_name="Name"),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="summary_ar",
            field=models.CharField(blank=True, max_length=400, null=True, verbose_name="Kurzbeschreibung"),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="summary_de",
            field=models.CharField(blank=True, max_length=400, null=True, verbose_name="Kurzbeschreibung"),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="summary_en",
            field=models.CharField(blank=True, max_length=400, null=True, verbose_name="Kurzbeschreibung"),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="summary_tr",
            field=models.CharField(blank=True, max_length=400, null=True, verbose_name="Kurzbeschreibung"),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="summary_uk",
            field=models.CharField(blank=True, max_length=400, null=True, verbose_name="Kurzbeschreibung"),
        ),
        migrations.AddField(
            model_name="fieldofaction",
            name="translation_state",
            field=buendnis.lib.translation_state.TranslationStateField(
                blank=True, default=dict, editable=False, verbose_name="Stand der Übersetzungen"
            ),
        ),
        migrations.AddField(
            model_name="historicalalliance",
            name="machine_translation",
            field=models.BooleanField(
                default=False,
                help_text="Fehlende Übersetzungen lassen sich dann maschinell ergänzen; die Website kennzeichnet sie als maschinell übersetzt und verweist auf den deutschen Text. Nie für Leichte Sprache.",
                verbose_name="maschinelle Übersetzung anbieten",
            ),
        ),
        migrations.AddField(
            model_name="milestone",
            name="date_label_ar",
            field=models.CharField(
                blank=True,
                help_text="Optional, z. B. „Herbst 2015“; sonst wird das Datum gezeigt.",
                max_length=60,
                null=True,
                verbose_name="Angezeigtes Datum",
            ),
        ),
        migrations.AddField(
            model_name="milestone",
            name="date_label_de",
            field=models.CharField(
                blank=True,
                help_text="Optional, z. B. „Herbst 2015“; sonst wird das Datum gezeigt.",
                max_length=60,
                null=True,
                verbose_name="Angezeigtes Datum",
            ),
        ),
        migrations.AddField(
            model_name="milestone",
            name="date_label_en",
            field=models.CharField(
                blank=True,
                help_text="Optional, z. B. „Herbst 2015“; sonst wird das Datum gezeigt.",
                max_length=60,
                null=True,
                verbose_name="Angezeigtes Datum",
            ),
        ),
        migrations.AddField(
            model_name="milestone",
            name="date_label_tr",
            field=models.CharField(
                blank=True,
                help_text="Optional, z. B. „Herbst 2015“; sonst wird das Datum gezeigt.",
                max_length=60,
                null=True,
                verbose_name="Angezeigtes Datum",
            ),
        ),
        migrations.AddField(
            model_name="milestone",
            name="date_label_uk",
            field=models.CharField(
                blank=True,
                help_text="Optional, z. B. „Herbst 2015“; sonst wird das Datum gezeigt.",
                max_length=60,
                null=True,
                verbose_name="Angezeigtes Datum",
            ),
        ),
        migrations.AddField(
            model_name="milestone",
            name="text_ar",
            field=models.TextField(blank=True, null=True, verbose_name="Text"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="text_de",
            field=models.TextField(blank=True, null=True, verbose_name="Text"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="text_en",
            field=models.TextField(blank=True, null=True, verbose_name="Text"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="text_tr",
            field=models.TextField(blank=True, null=True, verbose_name="Text"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="text_uk",
            field=models.TextField(blank=True, null=True, verbose_name="Text"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="title_ar",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="title_de",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="title_tr",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="title_uk",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="milestone",
            name="translation_state",
            field=buendnis.lib.translation_state.TranslationStateField(
                blank=True, default=dict, editable=False, verbose_name="Stand der Übersetzungen"
            ),
        ),
        migrations.AddField(
            model_name="page",
            name="body_ar",
            field=models.TextField(
                blank=True,
                help_text="Bei Impressum, Datenschutz und Barrierefreiheit: weitere Abschnitte, wenn nötig.",
                null=True,
                verbose_name="Inhalt",
            ),
        ),
        migrations.AddField(
            model_name="page",
            name="body_de",
            field=models.TextField(
                blank=True,
                help_text="Bei Impressum, Datenschutz und Barrierefreiheit: weitere Abschnitte, wenn nötig.",
                null=True,
                verbose_name="Inhalt",
            ),
        ),
        migrations.AddField(
            model_name="page",
            name="body_en",
            field=models.TextField(
                blank=True,
                help_text="Bei Impressum, Datenschutz und Barrierefreiheit: weitere Abschnitte, wenn nötig.",
                null=True,
                verbose_name="Inhalt",
            ),
        ),
        migrations.AddField(
            model_name="page",
            name="body_tr",
            field=models.TextField(
                blank=True,
                help_text="Bei Impressum, Datenschutz und Barrierefreiheit: weitere Abschnitte, wenn nötig.",
                null=True,
                verbose_name="Inhalt",
            ),
        ),
        migrations.AddField(
            model_name="page",
            name="body_uk",
            field=models.TextField(
                blank=True,
                help_text="Bei Impressum, Datenschutz und Barrierefreiheit: weitere Abschnitte, wenn nötig.",
                null=True,
                verbose_name="Inhalt",
            ),
        ),
        migrations.AddField(
            model_name="page",
            name="title_ar",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="page",
            name="title_de",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="page",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="page",
            name="title_tr",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="page",
            name="title_uk",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="page",
            name="translation_state",
            field=buendnis.lib.translation_state.TranslationStateField(
                blank=True, default=dict, editable=False, verbose_name="Stand der Übersetzungen"
            ),
        ),
        migrations.RunPython(copy_into_german, migrations.RunPython.noop),
    ]
