"""`python manage.py create_alliance --name … --domain … --admin-email …`

A new alliance on this installation (cockpit/alliances.py): served on its domain at
once (each worker reloads its map of hosts within TENANCY_REFRESH_SECONDS), with its
content pages as drafts, a draft declaration, the usual fields of action, and a
coordinator account whose invitation goes to the given address.
"""

from django.core.management.base import BaseCommand, CommandError

from cockpit.alliances import AllianceError, create_alliance


class Command(BaseCommand):
    help = "Legt ein neues Bündnis an: Domain, Entwürfe der Inhaltsseiten, Koordinationszugang mit Einladung."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="z. B. „Bündnis für Familie Nordheim“")
        parser.add_argument("--domain", required=True, help="Hauptdomain, z. B. nordheim.localhost")
        parser.add_argument(
            "--admin-email", required=True, help="E-Mail der Koordination (wird der Benutzername)"
        )
        parser.add_argument("--slug", help="Kennung (Vorgabe: der erste Teil der Domain)")
        parser.add_argument("--alias", action="append", default=[], help="weitere Domain, die weiterleitet")

    def handle(self, *args, name, domain, admin_email, slug=None, alias=(), **options):
        try:
            alliance, _link = create_alliance(
                name=name, domain=domain, admin_email=admin_email, slug=slug, aliases=alias
            )
        except AllianceError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Bündnis „{alliance.name}“ angelegt ({alliance.slug})."))
        self.stdout.write(f"  Adresse:    {alliance.base_url}/")
        self.stdout.write(f"  Verwaltung: {alliance.base_url}/verwaltung/")
        self.stdout.write(f"  Die Einladung (Link zum Passwort) ging an {admin_email}.")
