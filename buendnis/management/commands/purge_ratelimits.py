from django.core.management.base import BaseCommand

from buendnis.ratelimit import purge_old


class Command(BaseCommand):
    help = (
        "Löscht Zähler der Ratenbegrenzung, die älter als einen Tag sind, aller Bündnisse "
        "und der Installation (für cron, täglich)."
    )

    def handle(self, *args, **options):
        deleted = purge_old()
        self.stdout.write(self.style.SUCCESS(f"{deleted} alte Zähler gelöscht."))
