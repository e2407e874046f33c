"""`python manage.py purge_personal_data`: delete what the privacy page says is deleted.

Daily by cron. Each run deletes only what is due, so running it twice changes nothing
the second time; `--dry-run` lists what it would delete. The periods are settings
(`portal/settings.py`) that the privacy page states.
"""

from buendnis import pagecache
from buendnis.commands import AllianceCommand
from cockpit.mailings import erase_old_addresses
from events.services import erase_suggestion_contacts, purge_registrations
from partners.coordination import purge_unconfirmed

STEPS = [
    ("Unbestätigte Unterzeichnungen", purge_unconfirmed),
    ("Anmeldungen zu vergangenen Terminen", purge_registrations),
    ("Name und E-Mail erledigter Anregungen", erase_suggestion_contacts),
    ("Adressen in alten Zustellungen von Rundmails", erase_old_addresses),
]


class Command(AllianceCommand):
    help = (
        "Löscht personenbezogene Daten nach Ablauf ihrer Frist (unbestätigte Unterzeichnungen, "
        "Anmeldungen, Kontaktdaten erledigter Anregungen, Adressen alter Zustellungen). "
        "Täglich per cron; --dry-run listet nur."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--dry-run", action="store_true", help="Nur auflisten, nichts löschen.")

    def handle_alliance(self, alliance, dry_run=False, **options):
        total = 0
        for title, step in STEPS:
            done = step(dry_run=dry_run)
            total += len(done)
            self.stdout.write(f"{title}: {len(done)}")
            for line in done:
                self.stdout.write(f"  {line}")
        if total and not dry_run:
            pagecache.bump()
        verb = "würden gelöscht" if dry_run else "gelöscht"
        self.stdout.write(self.style.SUCCESS(f"{total} Einträge {verb}."))
