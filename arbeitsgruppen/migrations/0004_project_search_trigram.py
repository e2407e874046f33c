"""Trigram indexes for the project database's search on PostgreSQL (issue 8).

`ProjectQuerySet.search()` matches title, summary and description with
`UPPER(…::text) LIKE UPPER('%…%')`; these indexes let PostgreSQL answer that from a
bitmap of the three instead of reading every project. See partners/0094 for pg_trgm.
"""

from django.db import migrations

FIELDS = ["title", "summary", "description"]
CREATE = ["CREATE EXTENSION IF NOT EXISTS pg_trgm"] + [
    f"CREATE INDEX IF NOT EXISTS project_{field}_trgm_idx ON arbeitsgruppen_project "
    f"USING gin (UPPER({field}::text) gin_trgm_ops) WHERE published"
    for field in FIELDS
]
DROP = [f"DROP INDEX IF EXISTS project_{field}_trgm_idx" for field in FIELDS]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("arbeitsgruppen", "0003_project_listing_indexes")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
