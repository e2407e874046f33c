from django.core.management.base import BaseCommand

from partners import services


class Command(BaseCommand):
    help = (
        "Löscht Unterzeichnungen, die seit 14 Tagen nicht bestätigt wurden, samt der Angaben "
        "der Ansprechperson. Täglich ausführen (z. B. per cron)."
    )

    def handle(self, *args, **options):
        count = services.purge_unconfirmed()
        self.stdout.write(f"{count} unbestätigte Unterzeichnung(en) gelöscht.")
