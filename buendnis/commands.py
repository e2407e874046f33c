"""Management commands that work in alliances' scopes.

Cron runs each such command once for the installation; it does its work once per
alliance, in that alliance's scope (`buendnis.tenancy`), so no alliance's data is
ever mixed into another's mails, counts or deletions. `--alliance KENNUNG` limits it
to one alliance.
"""

from django.core.management.base import BaseCommand, CommandError

from buendnis.models import Alliance
from buendnis.tenancy import activate


class AllianceCommand(BaseCommand):
    """Subclasses implement `handle_alliance(alliance, **options)`."""

    def add_arguments(self, parser):
        parser.add_argument(
            "--alliance",
            metavar="KENNUNG",
            help="Nur dieses Bündnis (seine Kennung); sonst jedes nicht stillgelegte Bündnis nacheinander.",
        )

    def handle(self, *args, alliance=None, **options):
        for item in alliances(alliance):
            with activate(item):
                if Alliance.objects.count() > 1:
                    self.stdout.write(self.style.MIGRATE_HEADING(f"== {item.name} ({item.slug})"))
                self.handle_alliance(item, **options)

    def handle_alliance(self, alliance, **options):
        raise NotImplementedError


def alliances(slug=None):
    """The alliance named by `slug` (CommandError if there is none), else every active one."""
    if slug is None:
        return list(Alliance.objects.active().order_by("slug"))
    found = Alliance.objects.filter(slug=slug).first()
    if found is None:
        known = ", ".join(Alliance.objects.order_by("slug").values_list("slug", flat=True))
        raise CommandError(f"Kein Bündnis mit der Kennung „{slug}“. Vorhanden: {known or '–'}.")
    return [found]
