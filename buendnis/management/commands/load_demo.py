from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = (
        "Lädt das fiktive Demo-Bündnis „Musterhausen“. Kann beliebig oft laufen: vorhandene "
        "Einträge bleiben, fehlende werden ergänzt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin",
            action="store_true",
            help="Kein Admin-Konto anlegen.",
        )

    def handle(self, *args, **options):
        # Every app may ship a `demo` module with a `load(stdout)` function;
        # they run in the order of INSTALLED_APPS, so later apps find earlier data.
        for app_config in apps.get_app_configs():
            if module_has_submodule(app_config.module, "demo"):
                demo = import_module(f"{app_config.name}.demo")
                with transaction.atomic():
                    demo.load(self.stdout)
        if not options["no_admin"]:
            from buendnis.demo import ensure_admin

            ensure_admin(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo-Bündnis geladen."))
