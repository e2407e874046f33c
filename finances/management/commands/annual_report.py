"""`python manage.py annual_report --alliance SLUG --year YEAR --output FILE`: the yearly
account as PDF, for scripts and for checking. An approved year gives its frozen PDF."""

from pathlib import Path

from django.core.management.base import CommandError

from buendnis.commands import AllianceCommand
from finances import reports
from finances.models import AnnualReport


class Command(AllianceCommand):
    help = "Schreibt den Jahresbericht eines Bündnisses als PDF (freigegeben: das eingefrorene PDF)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--year", type=int, required=True, help="Das Jahr des Berichts.")
        parser.add_argument("--output", required=True, help="Die PDF-Datei, die geschrieben wird.")

    def handle(self, *args, alliance=None, **options):
        if alliance is None:
            raise CommandError("--alliance KENNUNG fehlt: Der Jahresbericht gehört zu einem Bündnis.")
        super().handle(*args, alliance=alliance, **options)

    def handle_alliance(self, alliance, *, year, output, **options):
        report = AnnualReport.objects.filter(year=year).first() or AnnualReport(year=year)
        content = bytes(report.pdf) if report.is_approved else reports.render(report, draft=True)
        Path(output).write_bytes(content)
        state = "freigegeben" if report.is_approved else "Entwurf"
        self.stdout.write(f"Jahresbericht {year} ({state}) geschrieben: {output}")
