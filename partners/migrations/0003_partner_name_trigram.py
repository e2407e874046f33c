"""A trigram index for the directory's name search on PostgreSQL.

`name__icontains` becomes `UPPER(name::text) LIKE UPPER('%…%')`; without this index
PostgreSQL misjudges how many partners match, reads the whole table and sorts it.
`pg_trgm` ships with PostgreSQL and is a trusted extension (13 and later): the owner
of the database may create it. SQLite has no such index; its scan of the directory
index is fast enough there.
"""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS partner_name_trgm_idx ON partners_partner "
    "USING gin (UPPER(name::text) gin_trgm_ops) WHERE is_member AND listed",
]
DROP = ["DROP INDEX IF EXISTS partner_name_trgm_idx"]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_membership_triggers")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
