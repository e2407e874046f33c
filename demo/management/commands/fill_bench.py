"""Fill a separate database at national scale, for `make bench`.

13,000 partners of every kind (a share with a small generated logo), signatures
over ten years (withdrawals and re-joins included), 300 working groups in the
fields of action, 5,200 projects, 1,000 events with registrations. Everything is
written with bulk_create, so the whole run takes well under a minute on SQLite.

By default all of it belongs to one alliance (the largest case). With `--alliances
670` it is spread over 670 alliances as in reality: a few large, most small (sizes
falling with rank like 1/rank^0.8), each on `<slug>.bench.localhost`.

Never point this at a real portal: it refuses a database that already has
partners unless `--force` is given.
"""

import io
import random

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from buendnis import pagecache
from buendnis.models import Alliance, Domain
from buendnis.tenancy import activate, scopes_disabled
from demo import alliance as alliance_demo
from demo.national import events, members, work
from demo.national.words import PREFIXES, SUFFIXES, spread
from partners.models import Partner


class Command(BaseCommand):
    help = "Füllt eine eigene Messdatenbank mit einem Bündnis in bundesweiter Größe (für make bench)."

    def add_arguments(self, parser):
        parser.add_argument("--partners", type=int, default=13000)
        parser.add_argument("--projects", type=int, default=5200)
        parser.add_argument("--groups", type=int, default=300)
        parser.add_argument("--events", type=int, default=1000)
        parser.add_argument("--logo-share", type=float, default=0.2)
        parser.add_argument("--seed", type=int, default=8)
        parser.add_argument("--alliances", type=int, default=1, help="auf so viele Bündnisse verteilt")
        parser.add_argument(
            "--force", action="store_true", help="Auch in eine Datenbank mit Partnern schreiben."
        )

    def handle(self, *args, **options):
        with scopes_disabled():
            if Partner.objects.exists() and not options["force"]:
                raise CommandError(
                    "Die Datenbank enthält schon Partner. fill_bench schreibt nur in eine eigene, "
                    "leere Messdatenbank (DATABASE_URL=sqlite:///bench/bench.sqlite3); sonst --force."
                )
        rng = random.Random(options["seed"])
        self.now = timezone.now()
        self.logo_share = options["logo_share"]
        count = options["alliances"]
        totals = {key: options[key] for key in ("partners", "projects", "groups", "events")}
        shares = {key: spread(total, count) for key, total in totals.items()}
        first = Alliance.objects.order_by("pk").first() or Alliance.objects.create(
            name="Lokales Bündnis für Familie", slug="buendnis"
        )
        for number in range(count):
            alliance = first if number == 0 else self.alliance(rng, number)
            sizes = {key: share[number] for key, share in shares.items()}
            with transaction.atomic(), activate(alliance):
                self.fill(rng, number, sizes, quiet=count > 1)
                pagecache.bump()
            if count > 1 and number % 100 == 0:
                self.log(f"Bündnis {number + 1} von {count}: {sizes['partners']} Partner")
        if count > 1:
            Domain.objects.get_or_create(
                name="b0000.bench.localhost", defaults={"alliance": first, "is_primary": True}
            )
        # As a database in use would have them (analyze_database, weekly).
        call_command("analyze_database", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Messdatenbank gefüllt."))

    def alliance(self, rng, number):
        town = f"{PREFIXES[number % len(PREFIXES)]}{SUFFIXES[number // len(PREFIXES) % len(SUFFIXES)]}"
        slug = f"b{number:04d}"
        alliance = Alliance.objects.create(
            slug=slug, name=f"Lokales Bündnis für Familie {town} {number}", town=f"{town} {number}",
            region=f"Landkreis {SUFFIXES[number % len(SUFFIXES)].title()}tal",
            postal_code=f"{10000 + number * 13:05d}", postal_codes=f"{10000 + number * 13:05d}",
        )
        Domain.objects.create(alliance=alliance, name=f"{slug}.bench.localhost", is_primary=True)
        return alliance

    def fill(self, rng, number, sizes, quiet=False):
        self.quiet = quiet
        if number == 0:
            alliance_demo.load_profile(io.StringIO())
        now, log = self.now, self.log
        declarations = members.declarations(now)
        fields, target_groups = work.fields_of_action()
        partners = members.partners(rng, sizes["partners"], self.logo_share, fields, log)
        members.signatures(rng, now, partners, declarations, log)
        groups = work.working_groups(rng, now, sizes["groups"], fields, partners, log)
        work.projects(rng, now, sizes["projects"], fields, groups, partners, target_groups, log)
        events.events(rng, now, sizes["events"], groups, partners, log)

    def log(self, message):
        if not getattr(self, "quiet", False) or message.startswith("Bündnis "):
            self.stdout.write(f"  {message}")
