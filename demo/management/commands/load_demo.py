"""`python manage.py load_demo`: the fictional demo alliance "Musterhausen".

Each module of the demo package loads one app's demo data with its `load(stdout)`; they
run bottom layer first, in the scope of the installation's first alliance, so later
ones find earlier data. Runs any number of times: what exists stays. With
`--alliances N` (or DEMO_ALLIANCES=N) the installation serves N demo alliances:
Musterhausen on 127.0.0.1 (and localhost), the others on `<name>.localhost`.
"""

import os

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from buendnis.models import Alliance
from buendnis.tenancy import activate
from demo import alliance as alliance_demo
from demo import alliances as demo_alliances
from demo import events, finances, partners, translations, working_groups
from demo.alliance import ensure_admin

# Bottom layer first: each finds the data of those before it.
LOADERS = [
    alliance_demo.load, partners.load, working_groups.load, events.load, finances.load, translations.load,
]


class Command(BaseCommand):
    help = (
        "Lädt das fiktive Demo-Bündnis „Musterhausen“ (mit --alliances N weitere auf "
        "*.localhost). Kann beliebig oft laufen: vorhandene Einträge bleiben, fehlende "
        "werden ergänzt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Kein Admin-Konto anlegen.")
        parser.add_argument(
            "--alliances", type=int, default=int(os.environ.get("DEMO_ALLIANCES") or 1),
            help="So viele Demo-Bündnisse (1–5); Vorgabe: DEMO_ALLIANCES oder 1.",
        )

    def handle(self, *args, no_admin=False, alliances=1, **options):
        if not 1 <= alliances <= len(demo_alliances.TOWNS) + 1:
            raise CommandError(f"--alliances: 1 bis {len(demo_alliances.TOWNS) + 1}.")
        first = Alliance.objects.order_by("pk").first()
        if first is None:
            first = Alliance.objects.create(name="Lokales Bündnis für Familie", slug="musterhausen")
        with activate(first):
            self.load_apps()
        if first.slug == "buendnis":  # the name `migrate` gave it
            Alliance.objects.filter(pk=first.pk).update(slug="musterhausen")
        demo_alliances.demo_domains(first)
        if not no_admin:
            with activate(first):
                ensure_admin(self.stdout)
        if alliances > 1:
            self.stdout.write("")
            self.stdout.write("Demo-Bündnisse:")
            self.stdout.write(f"  {first.name}: http://127.0.0.1:8000/")
            for slug, town, postcode in demo_alliances.TOWNS[: alliances - 1]:
                alliance, password = demo_alliances.another_alliance(slug, town, postcode, self.load_apps)
                self.stdout.write(f"  {alliance.name}: http://{slug}.localhost:8000/")
                if password:
                    self.stdout.write(f"    Verwaltung: Benutzer koordination-{slug}, Passwort {password}")
        self.stdout.write(self.style.SUCCESS("Demo-Bündnis geladen."))

    def load_apps(self):
        for load in LOADERS:
            with transaction.atomic():
                load(self.stdout)
