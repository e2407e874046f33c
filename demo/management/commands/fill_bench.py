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
from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw

from arbeitsgruppen.models import Project, TargetGroup, WorkingGroup
from buendnis import pagecache
from buendnis.lib.images import alliance_folder
from buendnis.lib.text import name_key
from buendnis.models import Alliance, Domain, FieldOfAction
from buendnis.tenancy import activate, scopes_disabled
from demo import alliance as alliance_demo
from events.models import Event, Invitation, Registration
from partners.models import Declaration, Partner, Signature

FIELDS = [
    ("Familienfreundliche Arbeitswelt", "Betriebe, die Familie und Beruf vereinbar machen."),
    ("Kinderbetreuung und Bildung", "Verlässliche Betreuung vom Krippenalter bis zur Schule."),
    ("Familienfreundliche Kommune", "Orte, an denen Familien gern leben."),
    ("Elternkompetenz stärken", "Beratung und Bildung für Mütter und Väter."),
    ("Beruf und Pflege", "Beschäftigte, die Angehörige pflegen, unterstützen."),
    ("Zeitpolitik für Familien", "Öffnungszeiten, Fahrpläne und Termine, die zu Familien passen."),
    ("Gesundheit und Prävention", "Gesund aufwachsen, gesund bleiben."),
    ("Integration und Teilhabe", "Alle Familien erreichen, gleich welcher Herkunft."),
]
TARGET_GROUPS = [
    "Alleinerziehende", "Eltern mit kleinen Kindern", "Jugendliche", "Pflegende Angehörige",
    "Beschäftigte", "Familien mit Migrationsgeschichte", "Großeltern", "Arbeitgeber",
]
PREFIXES = [
    "Nord", "Süd", "Ober", "Unter", "Alt", "Neu", "Bad ", "Klein", "Groß", "Hohen", "Nieder", "Mittel",
]
SUFFIXES = ["heim", "dorf", "stadt", "feld", "bach", "berg", "hausen", "ingen", "burg", "au", "tal", "brück"]
TOWNS = [
    "Musterhausen", "Beispielstadt", "Neudorf", "Altheim", "Bergfeld", "Talstadt", "Seeburg",
    "Waldkirchen", "Rosenau", "Lindenberg", "Hohenstein", "Kleinbach",
]
WORDS = [
    "Familien", "Zukunft", "Netzwerk", "Bildung", "Pflege", "Kinder", "Eltern", "Zeit",
    "Beratung", "Arbeit", "Gesundheit", "Freizeit", "Nachbarschaft", "Sprache", "Sport",
]
KIND_NAMES = {
    Partner.Kind.MUNICIPALITY: "Gemeinde",
    Partner.Kind.COMPANY: "GmbH",
    Partner.Kind.CHAMBER: "Kreishandwerkerschaft",
    Partner.Kind.UNION: "Ortsverband",
    Partner.Kind.JOB_CENTRE: "Jobcenter",
    Partner.Kind.FOUNDATION: "Stiftung",
    Partner.Kind.SCHOOL: "Schule",
    Partner.Kind.HEALTH: "Klinikum",
    Partner.Kind.CHURCH: "Kirchengemeinde",
    Partner.Kind.YOUTH_WELFARE: "Jugendhilfe",
    Partner.Kind.ASSOCIATION: "Verein",
    Partner.Kind.OTHER: "Initiative",
}
# Companies and associations are the bulk of a real alliance.
KIND_WEIGHTS = {
    Partner.Kind.COMPANY: 30,
    Partner.Kind.ASSOCIATION: 20,
    Partner.Kind.MUNICIPALITY: 6,
    Partner.Kind.CHURCH: 8,
    Partner.Kind.SCHOOL: 8,
    Partner.Kind.YOUTH_WELFARE: 8,
    Partner.Kind.HEALTH: 5,
    Partner.Kind.FOUNDATION: 4,
    Partner.Kind.CHAMBER: 3,
    Partner.Kind.UNION: 2,
    Partner.Kind.JOB_CENTRE: 2,
    Partner.Kind.OTHER: 4,
}
BATCH = 2000


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS).lower() for _ in range(words)).capitalize() + "."


def logo_png(rng, text):
    """A small logo: a coloured square with the initials, about one kilobyte."""
    colour = tuple(rng.randrange(40, 200) for _ in range(3))
    image = Image.new("RGB", (120, 120), colour)
    ImageDraw.Draw(image).text((30, 50), text[:3].upper(), fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def spread(total, count, exponent=0.8):
    """`total` over `count` alliances, the largest first, falling like 1/rank^exponent."""
    if count == 1:
        return [total]
    weights = [1 / (rank ** exponent) for rank in range(1, count + 1)]
    scale = total / sum(weights)
    shares = [int(weight * scale) for weight in weights]
    for index in range(total - sum(shares)):  # the remainder to the largest
        shares[index % count] += 1
    return shares


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
        declarations = self.declarations()
        fields, target_groups = self.fields_of_action()
        partners = self.partners(rng, sizes["partners"], self.logo_share, fields)
        self.signatures(rng, partners, declarations)
        groups = self.working_groups(rng, sizes["groups"], fields, partners)
        self.projects(rng, sizes["projects"], fields, groups, partners, target_groups)
        self.events(rng, sizes["events"], groups, partners)

    def log(self, message):
        if not getattr(self, "quiet", False) or message.startswith("Bündnis "):
            self.stdout.write(f"  {message}")

    def declarations(self):
        versions = []
        for year, current in ((self.now.year - 10, False), (self.now.year - 4, True)):
            declaration, _created = Declaration.objects.get_or_create(
                version=str(year),
                defaults={
                    "text": "<p>Wir setzen uns gemeinsam für Familien in unserer Region ein.</p>",
                    "valid_from": self.now.date().replace(year=year, month=1, day=1),
                    "is_current": current,
                },
            )
            versions.append(declaration)
        return versions

    def fields_of_action(self):
        fields = []
        for position, (name, summary) in enumerate(FIELDS):
            field, _created = FieldOfAction.objects.get_or_create(
                slug=slugify(name),
                defaults={"name": name, "summary": summary, "position": position,
                          "description": f"<p>{summary}</p>"},
            )
            fields.append(field)
        target_groups = [
            TargetGroup.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
            for name in TARGET_GROUPS
        ]
        return fields, target_groups

    def partners(self, rng, count, logo_share, fields):
        from django.core.files.storage import default_storage

        kinds = list(KIND_WEIGHTS)
        weights = list(KIND_WEIGHTS.values())
        start = Partner.objects.count()
        objects = []
        for number in range(start, start + count):
            kind = rng.choices(kinds, weights)[0]
            town = rng.choice(TOWNS)
            name = f"{rng.choice(WORDS)}{rng.choice(WORDS).lower()} {KIND_NAMES[kind]} {town} {number}"
            partner = Partner(
                name=name,
                name_key=name_key(name),  # bulk_create does not call save()
                slug=slugify(name)[:200],
                kind=kind,
                town=town,
                website=f"https://partner-{number}.example.org" if rng.random() < 0.6 else "",
                description=sentence(rng, 25),
                contribution=sentence(rng, 30),
                contact_name=f"Ansprechperson {number}",
                contact_email=f"kontakt{number}@partner-{number}.example.org",
                listed=(listed := rng.random() < 0.97),
                wants_listing=listed,
                founding_partner=number < 60,
            )
            if rng.random() < logo_share:
                path = f"{alliance_folder(Alliance.current())}/logos/bench-{number}.png"
                if not default_storage.exists(path):
                    default_storage.save(path, io.BytesIO(logo_png(rng, name)))
                partner.logo.name = path
            objects.append(partner)
        Partner.objects.bulk_create(objects, batch_size=BATCH)
        partners = list(Partner.objects.order_by("pk")[start:])
        through = Partner.fields_of_action.through
        through.objects.bulk_create(
            [
                through(partner_id=partner.pk, fieldofaction_id=field.pk)
                for partner in partners
                for field in rng.sample(fields, rng.randint(0, 3))
            ],
            batch_size=BATCH,
        )
        self.log(f"{len(partners)} Partner, davon {sum(1 for p in objects if p.logo)} mit Logo")
        return partners

    def signatures(self, rng, partners, declarations):
        """Membership periods over ten years: most active, some withdrawn, some re-joined."""
        ten_years = 10 * 365
        signatures = []
        for partner in partners:
            signed = self.now - timedelta(days=rng.randint(1, ten_years))
            older = signed.year < declarations[1].valid_from.year
            declaration = declarations[0] if older else declarations[1]
            roll = rng.random()
            if roll < 0.85:
                signatures.append(Signature(partner=partner, declaration=declaration, signed_at=signed,
                                            confirmed_at=signed + timedelta(hours=2)))
            elif roll < 0.92:
                left = signed + timedelta(days=rng.randint(30, 900))
                signatures.append(Signature(partner=partner, declaration=declaration, signed_at=signed,
                                            confirmed_at=signed + timedelta(hours=3),
                                            withdrawn_at=min(left, self.now)))
                if rng.random() < 0.5:
                    back = min(left + timedelta(days=rng.randint(30, 400)), self.now)
                    signatures.append(Signature(partner=partner, declaration=declarations[1],
                                                signed_at=back, confirmed_at=back + timedelta(hours=1)))
            elif roll < 0.97:
                signatures.append(Signature(partner=partner, declaration=declaration,
                                            signed_at=signed, confirmed_at=signed,
                                            source=Signature.Source.PAPER))
            else:
                recent = self.now - timedelta(hours=rng.randint(1, 48))
                signatures.append(Signature(partner=partner, declaration=declarations[1],
                                            signed_at=recent))
        Signature.objects.bulk_create(signatures, batch_size=BATCH)
        self.log(f"{len(signatures)} Unterzeichnungen")

    def working_groups(self, rng, count, fields, partners):
        start = WorkingGroup.objects.count()
        statuses = [WorkingGroup.Status.ACTIVE] * 7 + [WorkingGroup.Status.COMPLETED,
                                                        WorkingGroup.Status.DISCONTINUED]
        groups = []
        for number in range(start, start + count):
            field = fields[number % len(fields)]
            name = f"AG {rng.choice(WORDS)} und {rng.choice(WORDS)} {number}"
            started = self.now.date() - timedelta(days=rng.randint(30, 3000))
            status = rng.choice(statuses)
            groups.append(WorkingGroup(
                name=name, slug=slugify(name), field_of_action=field,
                mandate=sentence(rng, 20), description=f"<p>{sentence(rng, 40)}</p>",
                status=status, started_on=started,
                ended_on=None if status == WorkingGroup.Status.ACTIVE else started + timedelta(days=400),
                public_contact="über die Koordination",
            ))
        WorkingGroup.objects.bulk_create(groups, batch_size=BATCH)
        groups = list(WorkingGroup.objects.order_by("pk")[start:])
        through = WorkingGroup.members.through
        through.objects.bulk_create(
            [
                through(workinggroup_id=group.pk, partner_id=partner.pk)
                for group in groups
                for partner in rng.sample(partners, min(len(partners), rng.randint(3, 15)))
            ],
            batch_size=BATCH,
        )
        self.log(f"{len(groups)} Arbeitsgruppen")
        return groups

    def projects(self, rng, count, fields, groups, partners, target_groups):
        start = Project.objects.count()
        statuses = list(Project.Status.values)
        projects = []
        for number in range(start, start + count):
            group = rng.choice(groups) if groups and rng.random() < 0.8 else None
            title = f"{rng.choice(WORDS)}-{rng.choice(WORDS)} Projekt {number}"
            starts = self.now.date() - timedelta(days=rng.randint(0, 3650))
            projects.append(Project(
                title=title, slug=slugify(title), summary=sentence(rng, 15),
                description=f"<p>{sentence(rng, 60)}</p>", status=rng.choice(statuses),
                field_of_action_id=group.field_of_action_id if group else rng.choice(fields).pk,
                working_group=group, starts_on=starts,
                ends_on=starts + timedelta(days=rng.randint(30, 900)),
                published=rng.random() < 0.95,
            ))
        Project.objects.bulk_create(projects, batch_size=BATCH)
        projects = list(Project.objects.order_by("pk")[start:])
        partner_links = Project.partners.through
        partner_links.objects.bulk_create(
            [
                partner_links(project_id=project.pk, partner_id=partner.pk)
                for project in projects
                for partner in rng.sample(partners, min(len(partners), rng.randint(1, 6)))
            ],
            batch_size=BATCH,
        )
        group_links = Project.target_groups.through
        group_links.objects.bulk_create(
            [
                group_links(project_id=project.pk, targetgroup_id=target.pk)
                for project in projects
                for target in rng.sample(target_groups, rng.randint(1, 3))
            ],
            batch_size=BATCH,
        )
        self.log(f"{len(projects)} Projekte")

    def events(self, rng, count, groups, partners):
        start = Event.objects.count()
        kinds = [Event.Kind.PUBLIC] * 5 + [Event.Kind.WORKING_GROUP] * 3 + [Event.Kind.PLENARY]
        events = []
        for number in range(start, start + count):
            kind = rng.choice(kinds)
            # Ten years back, one year ahead.
            begins = self.now + timedelta(days=rng.randint(-3650, 365), hours=rng.randint(0, 10))
            title = f"{Event.Kind(kind).label}: {rng.choice(WORDS)} {number}"
            open_for_registration = kind == Event.Kind.PUBLIC and rng.random() < 0.7
            events.append(Event(
                title=title, slug=slugify(title), kind=kind,
                description=f"<p>{sentence(rng, 50)}</p>",
                starts_at=begins, ends_at=begins + timedelta(hours=rng.randint(1, 4)),
                venue=f"Bürgerhaus {rng.choice(TOWNS)}", address="Marktplatz 1, 12345 Musterhausen",
                working_group=rng.choice(groups) if groups and kind == Event.Kind.WORKING_GROUP else None,
                is_public=kind != Event.Kind.WORKING_GROUP or rng.random() < 0.5,
                registration_open=open_for_registration,
                capacity=rng.choice([None, 30, 50, 120]) if open_for_registration else None,
                registration_deadline=begins - timedelta(days=1) if open_for_registration else None,
                childcare_offered=rng.random() < 0.3,
            ))
        Event.objects.bulk_create(events, batch_size=BATCH)
        events = list(Event.objects.order_by("pk")[start:])
        registrations = []
        invitations = []
        for event in events:
            if event.registration_open:
                places = event.capacity or 60
                for seat in range(rng.randint(0, min(places, 40))):
                    registrations.append(Registration(
                        event=event, name=f"Gast {event.pk}-{seat}",
                        email=f"gast{event.pk}-{seat}@example.org",
                        number_of_people=rng.randint(1, 3),
                        childcare_needed=event.childcare_offered and rng.random() < 0.3,
                    ))
            if event.kind == Event.Kind.PLENARY:
                for partner in rng.sample(partners, min(150, len(partners))):
                    reply = rng.choice(Invitation.Reply.values)
                    invitations.append(Invitation(
                        event=event, partner=partner, sent_at=event.starts_at - timedelta(days=30),
                        reply=reply, number_of_people=1 if reply == Invitation.Reply.ACCEPTED else 0,
                    ))
        Registration.objects.bulk_create(registrations, batch_size=BATCH)
        Invitation.objects.bulk_create(invitations, batch_size=BATCH)
        self.log(f"{len(events)} Termine, {len(registrations)} Anmeldungen, "
                 f"{len(invitations)} Einladungen")
