"""A trigram index for the project database's search on PostgreSQL.

`ProjectQuerySet.search()` matches `search_text`, the upper-cased title, summary and
description that the database stores when a project is saved (a generated column).
On PostgreSQL one trigram index on it lets a search for a word read only the matching
projects. `pg_trgm` ships with PostgreSQL and is a trusted extension (13 and later):
the owner of the database may create it. SQLite has no such index.
"""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS project_search_trgm_idx ON arbeitsgruppen_project "
    "USING gin (search_text gin_trgm_ops) WHERE published",
]
DROP = ["DROP INDEX IF EXISTS project_search_trgm_idx"]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("arbeitsgruppen", "0001_initial")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
