"""`python manage.py backup`: the database and the uploaded files in one archive.

The archive (tar.gz) holds `manifest.json`, `data.json` (every table as Django
fixtures with natural keys for content types, permissions, groups and users, so
it restores into SQLite and
PostgreSQL alike, also from one to the other) and `media/` (logos, pictures,
generated documents). The data is read in one transaction, so it is a consistent
snapshot even while the portal is running. Restore with
`python manage.py restore ARCHIVE` into an empty database.
"""

import json
import tarfile
import tempfile
from pathlib import Path

import django
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

FORMAT = 1
# Rebuilt by `migrate` (content types, permissions) or worthless after a restore.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "buendnis.ratelimitcounter",
]


def dump_database(path):
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        # Natural keys for users and groups too: a new database already has the role
        # groups (created by a migration); restored ones merge with them by name.
        call_command(
            "dumpdata",
            natural_foreign=True,
            natural_primary=True,
            exclude=EXCLUDED,
            output=str(path),
            verbosity=0,
        )


class Command(BaseCommand):
    help = "Sichert Datenbank und hochgeladene Dateien in einem Archiv (tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            help="Archivdatei; Vorgabe: backup-JJJJMMTT-HHMMSS.tar.gz im aktuellen Ordner.",
        )

    def handle(self, *args, **options):
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        output = Path(options["output"] or f"backup-{stamp}.tar.gz")
        media_root = Path(settings.MEDIA_ROOT)
        with tempfile.TemporaryDirectory() as workdir:
            data = Path(workdir) / "data.json"
            dump_database(data)
            manifest = Path(workdir) / "manifest.json"
            manifest.write_text(
                json.dumps(
                    {
                        "format": FORMAT,
                        "created_at": timezone.now().isoformat(),
                        "database_vendor": connection.vendor,
                        "django": django.get_version(),
                    },
                    indent=2,
                )
            )
            partial = output.with_name(output.name + ".part")
            with tarfile.open(partial, "w:gz") as archive:
                archive.add(manifest, arcname="manifest.json")
                archive.add(data, arcname="data.json")
                if media_root.is_dir():
                    archive.add(media_root, arcname="media")
            # Only a complete archive gets the final name.
            partial.replace(output)
        size_mb = output.stat().st_size / 1024 / 1024
        self.stdout.write(self.style.SUCCESS(f"Sicherung geschrieben: {output} ({size_mb:.1f} MB)"))
