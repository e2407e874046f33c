"""`python manage.py restore ARCHIVE`: bring back a `backup` (cockpit/backups.py).

- A backup of the whole installation goes into an empty database (a new server):
  `migrate`, refuse if the database holds data, load everything in one transaction,
  unpack `media/`.
- `--alliance`: the archive's alliance (a backup made with `--alliance`, or of an
  installation with one alliance, also of format 1) is added to this installation
  beside the others, with new ids; `--as KENNUNG` gives it another identifier,
  `--replace` replaces an alliance with the same identifier. No other alliance is
  touched. A failed restore leaves the database as it was.
"""

import io
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from buendnis.tenancy import scopes_disabled
from cockpit import backups
from partners.models import Partner


class Command(BaseCommand):
    help = (
        "Stellt eine Sicherung (manage.py backup) wieder her: alles in eine leere Datenbank "
        "oder ein Bündnis neben die vorhandenen."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Archivdatei aus manage.py backup")
        parser.add_argument(
            "--alliance", action="store_true",
            help="Das Bündnis der Sicherung neben den vorhandenen anlegen (neue Kennungen der Einträge).",
        )
        parser.add_argument("--as", dest="slug", metavar="KENNUNG", help="Mit dieser Kennung anlegen.")
        parser.add_argument(
            "--replace", action="store_true", help="Ein vorhandenes Bündnis mit derselben Kennung ersetzen."
        )

    def handle(self, *args, archive, alliance=False, slug=None, replace=False, **options):
        archive_path = Path(archive)
        if not archive_path.is_file():
            raise CommandError(f"Archiv nicht gefunden: {archive_path}")
        call_command("migrate", interactive=False, verbosity=0)
        with tempfile.TemporaryDirectory() as workdir:
            manifest = backups.unpack(archive_path, workdir)
            workdir = Path(workdir)
            one_alliance = alliance or manifest.get("scope") == "alliance" or manifest["format"] == 1
            if not one_alliance or not alliance:
                if not backups.installation_is_empty():
                    raise CommandError(
                        "Die Datenbank enthält schon Daten. Die Wiederherstellung schreibt nur in eine "
                        "leere Datenbank: bitte eine neue anlegen (DATABASE_URL) und erneut aufrufen – "
                        "oder ein einzelnes Bündnis mit --alliance neben die vorhandenen legen."
                    )
            if one_alliance:
                records = backups.read_records(workdir, manifest)
                if not alliance:
                    backups.clear_empty_installation()
                restored = backups.Restore(records, workdir / "media", slug=slug, replace=replace).run()
                with scopes_disabled():
                    partners = Partner.objects.filter(alliance=restored).count()
                what = f"Bündnis „{restored.name}“ ({restored.slug}): {partners} Partner"
            else:
                backups.restore_installation(workdir)
                with scopes_disabled():
                    partners = Partner.objects.count()
                what = f"{partners} Partner"
        # Many new rows at once: the query planner's statistics anew.
        call_command("analyze_database", stdout=io.StringIO())
        self.stdout.write(
            self.style.SUCCESS(
                f"Wiederhergestellt: {what}, Sicherung vom {manifest['created_at']} "
                f"({manifest['database_vendor']})."
            )
        )
