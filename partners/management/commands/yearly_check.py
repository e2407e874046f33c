from buendnis.commands import AllianceCommand
from buendnis.lib.paging import in_chunks
from partners.yearly_check import due_for_reminder, send_reminder, unreachable


class Command(AllianceCommand):
    help = (
        "Schreibt jedem aktiven Partner, dessen Eintrag seit über zwölf Monaten (oder nie) "
        "bestätigt wurde, eine E-Mail mit persönlichem Link zum Bestätigen oder Ändern. "
        "Für cron gedacht, einmal im Monat: Wer nicht reagiert, wird höchstens zweimal "
        "erinnert und steht danach in der Übersicht als „nicht erreichbar“."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--dry-run", action="store_true", help="Nur auflisten, keine E-Mails versenden."
        )

    def handle_alliance(self, alliance, dry_run=False, **options):
        due = due_for_reminder().order_by("name", "pk")
        sent = without_address = 0
        for partner in in_chunks(due, 500):
            if not partner.contact_email:
                without_address += 1
                self.stderr.write(f"Keine E-Mail-Adresse: {partner.name}")
                continue
            if dry_run:
                self.stdout.write(f"fällig: {partner.name} <{partner.contact_email}>")
            else:
                send_reminder(partner)
            sent += 1
        verb = "wären zu erinnern" if dry_run else "erinnert"
        self.stdout.write(
            self.style.SUCCESS(
                f"{sent} Partner {verb}, {without_address} ohne E-Mail-Adresse, "
                f"{unreachable().count()} nicht erreichbar (nach zwei Erinnerungen)."
            )
        )
