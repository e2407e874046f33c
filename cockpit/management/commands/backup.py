"""`python manage.py backup`: database and uploaded files in one archive (cockpit/backups.py).

Without options the whole installation (for the nightly backup, restored into an
empty database); with `--alliance KENNUNG` one alliance, to move it to another
installation (`restore --alliance`). The data is read in one transaction: a
consistent snapshot even while the portal is running.
"""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from buendnis.commands import alliances
from buendnis.lib.images import alliance_folder
from cockpit import backups


class Command(BaseCommand):
    help = "Sichert Datenbank und hochgeladene Dateien in einem Archiv (tar.gz): alles oder ein Bündnis."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o",
            help="Archivdatei; Vorgabe: backup-JJJJMMTT-HHMMSS.tar.gz (mit --alliance: backup-KENNUNG-…).",
        )
        parser.add_argument("--alliance", metavar="KENNUNG", help="Nur dieses Bündnis sichern.")

    def handle(self, *args, output=None, alliance=None, **options):
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        media_root = Path(settings.MEDIA_ROOT)
        with tempfile.TemporaryDirectory() as workdir:
            data = Path(workdir) / "data.json"
            if alliance is None:
                output = Path(output or f"backup-{stamp}.tar.gz")
                backups.dump_installation(data)
                backups.write_archive(output, data, {"scope": "installation"}, [(media_root, "media")])
            else:
                [chosen] = alliances(alliance)
                output = Path(output or f"backup-{chosen.slug}-{stamp}.tar.gz")
                backups.dump_alliance(chosen, data)
                folder = alliance_folder(chosen)
                backups.write_archive(
                    output, data, {"scope": "alliance", "alliance": chosen.slug},
                    [(media_root / folder, f"media/{folder}")],
                )
        size_mb = output.stat().st_size / 1024 / 1024
        self.stdout.write(self.style.SUCCESS(f"Sicherung geschrieben: {output} ({size_mb:.1f} MB)"))
