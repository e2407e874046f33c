"""The texts an alliance writes get a column per language (django-modeltranslation,
arbeitsgruppen/translation.py) and a note of their translations' state. What is there is German:
it is copied into the German column, which the library reads from now on (what its
command `update_translation_fields` does)."""

import buendnis.lib.translation_state
from django.db import migrations, models
from django.db.models import F

TRANSLATED = {
    "workinggroup": ["name", "mandate", "description"],
    "project": ["title", "summary", "description", "image_alt"],
}


def copy_into_german(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("arbeitsgruppen", model_name)
        model._base_manager.update(**{f"{name}_de": F(name) for name in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("arbeitsgruppen", "0007_words_of_her_work"),
        ("buendnis", "0010_texts_per_language"),
        ("partners", "0011_texts_per_language"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="project",
            options={"ordering": ["title_de"], "verbose_name": "Projekt", "verbose_name_plural": "Projekte"},
        ),
        migrations.RemoveIndex(
            model_name="project",
            name="project_status_idx",
        ),
        migrations.RemoveIndex(
            model_name="project",
            name="project_listing_idx",
        ),
        migrations.RemoveIndex(
            model_name="project",
            name="project_field_idx",
        ),
        migrations.RemoveIndex(
            model_name="project",
            name="project_field_status_idx",
        ),
        migrations.AddField(
            model_name="project",
            name="description_ar",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="description_de",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="description_en",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="description_tr",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="description_uk",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="image_alt_ar",
            field=models.CharField(
                blank=True, max_length=300, null=True, verbose_name="Bildbeschreibung (Alternativtext)"
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="image_alt_de",
            field=models.CharField(
                blank=True, max_length=300, null=True, verbose_name="Bildbeschreibung (Alternativtext)"
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="image_alt_en",
            field=models.CharField(
                blank=True, max_length=300, null=True, verbose_name="Bildbeschreibung (Alternativtext)"
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="image_alt_tr",
            field=models.CharField(
                blank=True, max_length=300, null=True, verbose_name="Bildbeschreibung (Alternativtext)"
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="image_alt_uk",
            field=models.CharField(
                blank=True, max_length=300, null=True, verbose_name="Bildbeschreibung (Alternativtext)"
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="summary_ar",
            field=models.CharField(blank=True, max_length=400, null=True, verbose_name="Kurzbeschreibung"),
        ),
        migrations.AddField(
            model_name="project",
            name="summary_de",
            field=models.CharField(blank=True, max_length=400, null=True, verbose_name="Kurzbeschreibung"),
        ),
        migrations.AddField(
            model_name="project",
            name="summary_en",
            field=models.CharField(blank=True, max_length=400, null=True, verbose_name="Kurzbeschreibung"),
        ),
        migrations.AddField(
            model_name="project",
            name="summary_tr",
            field=models.CharField(blank=True, max_length=400, null=True, verbose_name="Kurzbeschreibung"),
        ),
        migrations.AddField(
            model_name="project",
            name="summary_uk",
            field=models.CharField(blank=True, max_length=400, null=True, verbose_name="Kurzbeschreibung"),
        ),
        migrations.AddField(
            model_name="project",
            name="title_ar",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="project",
            name="title_de",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="project",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="project",
            name="title_tr",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="project",
            name="title_uk",
            field=models.CharField(max_length=200, null=True, verbose_name="Titel"),
        ),
        migrations.AddField(
            model_name="project",
            name="translation_state",
            field=buendnis.lib.translation_state.TranslationStateField(
                blank=True, default=dict, editable=False, verbose_name="Stand der Übersetzungen"
            ),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="description_ar",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="description_de",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="description_en",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="description_tr",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="description_uk",
            field=models.TextField(
                blank=True, help_text="Einfaches HTML ist erlaubt.", null=True, verbose_name="Beschreibung"
            ),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="mandate_ar",
            field=models.TextField(
                help_text="Der aktuelle Auftrag der Gruppe.", null=True, verbose_name="Auftrag"
            ),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="mandate_de",
            field=models.TextField(
                help_text="Der aktuelle Auftrag der Gruppe.", null=True, verbose_name="Auftrag"
            ),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="mandate_en",
            field=models.TextField(
                help_text="Der aktuelle Auftrag der Gruppe.", null=True, verbose_name="Auftrag"
            ),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="mandate_tr",
            field=models.TextField(
                help_text="Der aktuelle Auftrag der Gruppe.", null=True, verbose_name="Auftrag"
            ),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="mandate_uk",
            field=models.TextField(
                help_text="Der aktuelle Auftrag der Gruppe.", null=True, verbose_name="Auftrag"
            ),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="name_ar",
            field=models.CharField(max_length=200, null=True, verbose_name="Name"),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="name_de",
            field=models.CharField(max_length=200, null=True, verbose_name="Name"),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="name_en",
            field=models.CharField(max_length=200, null=True, verbose_name="Name"),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="name_tr",
            field=models.CharField(max_length=200, null=True, verbose_name="Name"),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="name_uk",
            field=models.CharField(max_length=200, null=True, verbose_name="Name"),
        ),
        migrations.AddField(
            model_name="workinggroup",
            name="translation_state",
            field=buendnis.lib.translation_state.TranslationStateField(
                blank=True, default=dict, editable=False, verbose_name="Stand der Übersetzungen"
            ),
        ),
        migrations.AddIndex(
            model_name="project",
            index=models.Index(
                condition=models.Q(("published", True)),
                fields=["alliance", "status", "title_de", "id", "field_of_action", "working_group"],
                name="project_status_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="project",
            index=models.Index(
                condition=models.Q(("published", True)),
                fields=["alliance", "title_de", "id", "field_of_action", "working_group"],
                name="project_listing_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="project",
            index=models.Index(
                condition=models.Q(("published", True)),
                fields=["alliance", "field_of_action", "title_de", "id", "working_group"],
                name="project_field_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="project",
            index=models.Index(
                condition=models.Q(("published", True)),
                fields=["alliance", "field_of_action", "status", "title_de", "id", "working_group"],
                name="project_field_status_idx",
            ),
        ),
        migrations.RunPython(copy_into_german, migrations.RunPython.noop),
    ]
