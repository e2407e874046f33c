"""The project search reads one stored, upper-cased column (issue 8).

Before, `ProjectQuerySet.search()` upper-cased title, summary and description of
every candidate on every search: for a word found in most projects that took 50 ms
on PostgreSQL at national scale. `search_text` is computed by the database when a
project is saved. On PostgreSQL one trigram index on it replaces the three of 0004.
"""

import django.db.models.functions.text
from django.db import migrations, models

OLD_FIELDS = ["title", "summary", "description"]
CREATE = [
    *[f"DROP INDEX IF EXISTS project_{field}_trgm_idx" for field in OLD_FIELDS],
    "CREATE INDEX IF NOT EXISTS project_search_trgm_idx ON arbeitsgruppen_project "
    "USING gin (search_text gin_trgm_ops) WHERE published",
    # Statistics for the new column, so the planner knows how common a word is.
    "ANALYZE arbeitsgruppen_project",
]
DROP = [
    "DROP INDEX IF EXISTS project_search_trgm_idx",
    *[
        f"CREATE INDEX IF NOT EXISTS project_{field}_trgm_idx ON arbeitsgruppen_project "
        f"USING gin (UPPER({field}::text) gin_trgm_ops) WHERE published"
        for field in OLD_FIELDS
    ],
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("arbeitsgruppen", "0004_project_search_trigram")]

    operations = [
        migrations.AddField(
            model_name="project",
            name="search_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Concat(
                        "title", models.Value(" "), "summary", models.Value(" "), "description",
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
                verbose_name="Suchtext",
            ),
        ),
        migrations.RunPython(run(CREATE), run(DROP)),
    ]
