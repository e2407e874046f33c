"""`python manage.py restore ARCHIVE`: bring back a `backup` into an empty database.

Steps: create the tables (`migrate`), refuse if the database already holds data,
load `data.json` in one transaction (sequences are reset, so new rows get fresh
ids), unpack `media/` into MEDIA_ROOT (only plain files below it), retire the
cached pages. A failed restore leaves the database empty, never half-filled.
"""

import json
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from buendnis import pagecache
from buendnis.models import Alliance
from cockpit.management.commands.backup import FORMAT
from partners.models import Partner


def database_is_empty():
    return not (
        Partner.objects.exists()
        or Alliance.objects.exists()
        or get_user_model().objects.exists()
    )


class Command(BaseCommand):
    help = "Stellt eine Sicherung (manage.py backup) in einer leeren Datenbank wieder her."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Archivdatei aus manage.py backup")

    def handle(self, *args, **options):
        archive_path = Path(options["archive"])
        if not archive_path.is_file():
            raise CommandError(f"Archiv nicht gefunden: {archive_path}")
        call_command("migrate", interactive=False, verbosity=0)
        if not database_is_empty():
            raise CommandError(
                "Die Datenbank enthält schon Daten. Die Wiederherstellung schreibt nur in eine "
                "leere Datenbank: bitte eine neue anlegen (DATABASE_URL) und erneut aufrufen."
            )
        with tempfile.TemporaryDirectory() as workdir, tarfile.open(archive_path, "r:gz") as archive:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            archive.extractall(workdir, filter="data")
            manifest = json.loads((Path(workdir) / "manifest.json").read_text())
            if manifest.get("format") != FORMAT:
                raise CommandError(f"Unbekanntes Sicherungsformat: {manifest.get('format')}")
            with transaction.atomic():
                call_command("loaddata", str(Path(workdir) / "data.json"), verbosity=0)
            media = Path(workdir) / "media"
            if media.is_dir():
                self.copy_media(media, Path(settings.MEDIA_ROOT))
        pagecache.bump()
        self.stdout.write(
            self.style.SUCCESS(
                f"Wiederhergestellt: {Partner.objects.count()} Partner, Sicherung vom "
                f"{manifest['created_at']} ({manifest['database_vendor']})."
            )
        )

    def copy_media(self, source, target):
        for path in source.rglob("*"):
            if path.is_file() and not path.is_symlink():
                destination = target / path.relative_to(source)
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(path.read_bytes())
