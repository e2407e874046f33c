from buendnis.commands import AllianceCommand
from events import tasks


class Command(AllianceCommand):
    help = (
        "Stellt für jedes Bündnis die fälligen Erinnerungen in die Warteschlange: an eingeladene "
        "Partner vor einem Treffen (nicht an die, die abgesagt haben), an die Person, die das "
        "Protokoll führt, 3 und 7 Tage danach, solange es fehlt. Für cron gedacht, z. B. "
        "stündlich; keine Erinnerung geht zweimal hinaus."
    )

    def handle_alliance(self, alliance, **options):
        result = tasks.send_reminders.enqueue(alliance.pk)
        self.stdout.write(self.style.SUCCESS(f"Erinnerungen für {alliance.slug} eingereiht ({result.id})."))
