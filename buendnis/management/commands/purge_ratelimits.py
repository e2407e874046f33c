from buendnis.commands import AllianceCommand
from buendnis.ratelimit import purge_old


class Command(AllianceCommand):
    help = "Löscht Zähler der Ratenbegrenzung, die älter als einen Tag sind (für cron, täglich)."

    def handle_alliance(self, alliance, **options):
        deleted = purge_old()
        self.stdout.write(self.style.SUCCESS(f"{deleted} alte Zähler gelöscht."))
