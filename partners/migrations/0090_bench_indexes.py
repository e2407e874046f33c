"""Indexes for the public pages at national scale (scale, issue 8; see bench/README.md).

Written as SQL so the partners app's models stay as they are: `listed()` and
`active()` test for an open, confirmed signature per partner; with this index
that test reads only the index, not the table.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_partner_wants_listing")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS bench_signature_open_idx "
            "ON partners_signature (partner_id, withdrawn_at, confirmed_at)",
            "DROP INDEX IF EXISTS bench_signature_open_idx",
        ),
    ]
