"""Test data, one factory per model (factory_boy).

A partner comes in one of its states with one call:

    PartnerFactory()                      # active: a confirmed, open membership period
    PartnerFactory(pending=True)          # signed online, not yet confirmed
    PartnerFactory(withdrawn=True)        # a membership period that has ended
    PartnerFactory(paper=True, signed_at=…)   # signed on paper, entered by the coordinator
    PartnerFactory(signature=None)        # no membership period at all

`membership=` takes the same states by name (`Signature.Status`: "active",
"unconfirmed", "withdrawn"); `signed_at`, `confirmed_at`, `withdrawn_at` and
`declaration` shape the period.
"""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult
from factory.django import DjangoModelFactory

from arbeitsgruppen.models import Mandate, Project, TargetGroup, WorkingGroup
from buendnis.models import Account, Alliance, Domain, EasyReadPage, FieldOfAction, Milestone, Page
from cockpit.models import Delivery, Mailing
from events.models import AgendaItem, Event, Invitation, Minutes, Registration, Suggestion, Task
from finances.models import AnnualReport, BudgetLine, Category, Entry, FinanceSettings, Grant
from partners.models import Declaration, Partner, Signature, SigningSession

# A membership period that began at the founding event on 8 November 2017.
AT_FOUNDING = {
    "signed_at": datetime.datetime(2017, 11, 8, 10, tzinfo=datetime.UTC),
    "confirmed_at": datetime.datetime(2017, 11, 8, 11, tzinfo=datetime.UTC),
}


class AllianceFactory(DjangoModelFactory):
    """Another alliance on the installation; `domain=` its main domain (the default:
    `<slug>.localhost`, an allowed host in development and tests), `aliases=[…]`
    further ones that redirect."""

    class Meta:
        model = Alliance
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"buendnis-{n}")
    name = factory.LazyAttribute(lambda o: f"Lokales Bündnis für Familie {o.slug.title()}")
    town = factory.LazyAttribute(lambda o: o.slug.title())

    @factory.post_generation
    def domain(alliance, create, extracted, **kwargs):
        if create and extracted is not False:
            Domain.objects.get_or_create(
                name=extracted or f"{alliance.slug}.localhost",
                defaults={"alliance": alliance, "is_primary": True},
            )

    @factory.post_generation
    def aliases(alliance, create, extracted, **kwargs):
        for name in extracted or ():
            Domain.objects.get_or_create(name=name, defaults={"alliance": alliance})


def current_declaration():
    return Declaration.objects.current() or DeclarationFactory(is_current=True)


class DeclarationFactory(DjangoModelFactory):
    class Meta:
        model = Declaration
        django_get_or_create = ["version"]

    version = factory.Sequence(lambda n: f"2017-{n}")
    title = "Bündniserklärung"
    text = "<p>Wir machen mit für Familien in unserer Region.</p>"
    valid_from = datetime.date(2017, 11, 8)
    is_current = False


class SignatureFactory(DjangoModelFactory):
    """One membership period; `state` is one of `Signature.Status`."""

    class Meta:
        model = Signature

    class Params:
        state = "active"
        confirmed = None  # when it was confirmed; default: when it was signed

    partner = factory.SubFactory("tests.factories.PartnerFactory", signature=None)
    declaration = factory.LazyFunction(current_declaration)
    signed_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyAttribute(
        lambda o: None if o.state == Signature.Status.UNCONFIRMED else (o.confirmed or o.signed_at)
    )
    withdrawn_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.state == Signature.Status.WITHDRAWN else None
    )
    source = Signature.Source.ONLINE


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner
        skip_postgeneration_save = True

    class Params:
        membership = Signature.Status.ACTIVE
        pending = factory.Trait(membership=Signature.Status.UNCONFIRMED)
        withdrawn = factory.Trait(membership=Signature.Status.WITHDRAWN)
        paper = factory.Trait(source=Signature.Source.PAPER)
        source = Signature.Source.ONLINE
        signed_at = factory.LazyFunction(timezone.now)
        confirmed_at = None
        withdrawn_at = None
        declaration = None

    name = factory.Sequence(lambda n: f"Partner {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name)[:200] or "partner")
    kind = Partner.Kind.COMPANY
    town = "Musterhausen"
    contact_name = "Max Kontakt"
    contact_email = factory.LazyAttribute(lambda o: f"{o.slug}@example.org")
    listed = True
    wants_listing = True

    signature = factory.RelatedFactory(
        SignatureFactory,
        factory_related_name="partner",
        state=factory.SelfAttribute("..membership"),
        source=factory.SelfAttribute("..source"),
        signed_at=factory.SelfAttribute("..signed_at"),
        confirmed=factory.SelfAttribute("..confirmed_at"),
        withdrawn_at=factory.LazyAttribute(
            lambda o: o.factory_parent.withdrawn_at
            or (timezone.now() if o.factory_parent.membership == Signature.Status.WITHDRAWN else None)
        ),
        declaration=factory.LazyAttribute(
            lambda o: o.factory_parent.declaration or current_declaration()
        ),
    )

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # The database keeps `is_member` (triggers); the object learns it here.
        if create:
            instance.refresh_from_db(fields=["is_member"])


class FieldOfActionFactory(DjangoModelFactory):
    class Meta:
        model = FieldOfAction

    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    summary = "Worum es in diesem Handlungsfeld geht."


class WorkingGroupFactory(DjangoModelFactory):
    class Meta:
        model = WorkingGroup
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"AG Nummer {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    field_of_action = factory.SubFactory(FieldOfActionFactory)
    mandate = "Etwas für Familien bewegen."

    @factory.post_generation
    def members(group, create, extracted, **kwargs):
        if create and extracted:
            group.members.set(extracted)


class MandateFactory(DjangoModelFactory):
    class Meta:
        model = Mandate

    working_group = factory.SubFactory(WorkingGroupFactory)
    text = "Ein früherer Auftrag."


class TargetGroupFactory(DjangoModelFactory):
    class Meta:
        model = TargetGroup

    name = factory.Sequence(lambda n: f"Zielgruppe {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Projekt Nummer {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    working_group = None
    field_of_action = factory.LazyAttribute(
        lambda o: o.working_group.field_of_action if o.working_group else FieldOfActionFactory()
    )

    @factory.post_generation
    def partners(project, create, extracted, **kwargs):
        if create and extracted:
            project.partners.set(extracted)

    @factory.post_generation
    def target_groups(project, create, extracted, **kwargs):
        if create and extracted:
            project.target_groups.set(extracted)


class EventFactory(DjangoModelFactory):
    """An event ten days ahead, three hours long; `starts_in` moves it."""

    class Meta:
        model = Event

    class Params:
        starts_in = datetime.timedelta(days=10)
        hours = 3

    title = factory.Sequence(lambda n: f"Termin {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    kind = Event.Kind.PLENARY
    starts_at = factory.LazyAttribute(lambda o: timezone.now() + o.starts_in)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=o.hours))
    venue = "Bürgersaal"
    address = "Marktplatz 1, 12345 Musterhausen"


class InvitationFactory(DjangoModelFactory):
    class Meta:
        model = Invitation

    event = factory.SubFactory(EventFactory)
    partner = factory.SubFactory(PartnerFactory)
    # The membership period it was made for, as `events.services` does.
    membership = factory.LazyAttribute(lambda o: o.partner.signatures.open().first())
    sent_at = factory.LazyFunction(timezone.now)


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class MinutesFactory(DjangoModelFactory):
    class Meta:
        model = Minutes

    class Params:
        approved = True

    event = factory.SubFactory(EventFactory, starts_in=-datetime.timedelta(days=10))
    status = factory.LazyAttribute(
        lambda o: Minutes.Status.APPROVED if o.approved else Minutes.Status.DRAFT
    )
    approved_at = factory.LazyAttribute(lambda o: timezone.now() if o.approved else None)
    published_at = factory.LazyAttribute(lambda o: o.approved_at)
    visibility = Minutes.Visibility.PUBLIC


class AgendaItemFactory(DjangoModelFactory):
    class Meta:
        model = AgendaItem

    minutes = factory.SubFactory(MinutesFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Tagesordnungspunkt {n}")


class TaskFactory(DjangoModelFactory):
    class Meta:
        model = Task

    agenda_item = factory.SubFactory(AgendaItemFactory)
    description = "Einladungen verschicken"


class SuggestionFactory(DjangoModelFactory):
    class Meta:
        model = Suggestion

    text = factory.Sequence(lambda n: f"Anregung Nummer {n}: mehr Angebote für Familien.")


class PageFactory(DjangoModelFactory):
    class Meta:
        model = Page
        django_get_or_create = ["slug"]

    slug = Page.Slug.LEGAL_NOTICE
    title = "Impressum"
    body = "<p>Angaben zum Anbieter.</p>"


class EasyReadPageFactory(DjangoModelFactory):
    class Meta:
        model = EasyReadPage
        django_get_or_create = ["topic"]

    topic = EasyReadPage.Topic.ABOUT
    title = "Das Bündnis"
    body = "<p>Im Bündnis arbeiten viele Gruppen zusammen.</p>"
    published = True


class MilestoneFactory(DjangoModelFactory):
    class Meta:
        model = Milestone

    date = datetime.date(2017, 11, 8)
    title = factory.Sequence(lambda n: f"Meilenstein {n}")


class MailingFactory(DjangoModelFactory):
    class Meta:
        model = Mailing

    subject = "Neuigkeiten aus dem Bündnis"
    body = "Liebe Partner, es gibt Neues."


class FinanceSettingsFactory(DjangoModelFactory):
    class Meta:
        model = FinanceSettings
        django_get_or_create = ["alliance"]

    alliance = factory.LazyFunction(lambda: Alliance.current())


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Kategorie {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class BudgetLineFactory(DjangoModelFactory):
    class Meta:
        model = BudgetLine

    year = 2026
    category = factory.SubFactory(CategoryFactory)
    planned = Decimal("1000.00")


class GrantFactory(DjangoModelFactory):
    class Meta:
        model = Grant

    funder = "Landkreis Musterhausen"
    purpose = "Familienzeit im Landkreis"
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2026, 12, 31)
    granted = Decimal("5000.00")


class EntryFactory(DjangoModelFactory):
    """A booked entry: spending by default (`income=True`: a donation); `needs_approval`
    as `finances.services.book` would set it is up to the test."""

    class Meta:
        model = Entry

    class Params:
        income = factory.Trait(
            direction=Entry.Direction.INCOME, source=Entry.Source.DONATION, category=None
        )

    direction = Entry.Direction.SPENDING
    booked_on = datetime.date(2026, 3, 15)
    amount = Decimal("120.00")
    category = factory.SubFactory(CategoryFactory)
    counterparty = "Druckerei Beispiel GmbH"


class AnnualReportFactory(DjangoModelFactory):
    class Meta:
        model = AnnualReport

    year = 2026
    foreword = "Ein Jahr mit vielen neuen Partnern."


class UserFactory(DjangoModelFactory):
    """A staff account; `roles=[...]` puts it into role groups (buendnis.roles)."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    is_staff = True
    password = factory.django.Password("ein-langes-passwort-123")

    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(*Group.objects.filter(name__in=extracted))

    @factory.post_generation
    def account(user, create, extracted, **kwargs):
        """The account belongs to the active alliance (`account=False`: to none)."""
        if create and extracted is not False and not user.is_superuser:
            Account.objects.get_or_create(user=user)


class GroupFactory(DjangoModelFactory):
    """A group of permissions; the portal's roles come from `cockpit.roles.sync_groups`."""

    class Meta:
        model = Group
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Gruppe {n}")


class SigningSessionFactory(DjangoModelFactory):
    """Signing on the spot, open now for three hours."""

    class Meta:
        model = SigningSession

    title = factory.Sequence(lambda n: f"Unterzeichnung vor Ort {n}")
    starts_at = factory.LazyFunction(timezone.now)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=3))


class DeliveryFactory(DjangoModelFactory):
    """What a mailing sent to one partner's address."""

    class Meta:
        model = Delivery

    mailing = factory.SubFactory(MailingFactory)
    partner = factory.SubFactory(PartnerFactory)
    email = factory.LazyAttribute(lambda o: o.partner.contact_email)
    sent_at = factory.LazyFunction(timezone.now)


class DBTaskResultFactory(DjangoModelFactory):
    """A background task as the database queue stores it (here: a mailing, done)."""

    class Meta:
        model = DBTaskResult

    status = "SUCCESSFUL"
    task_path = "cockpit.tasks.send_mailing"
    args_kwargs = factory.LazyFunction(lambda: {"args": [], "kwargs": {}})
    backend_name = "default"
    queue_name = "default"
    run_after = factory.LazyFunction(timezone.now)
    enqueued_at = factory.LazyFunction(timezone.now)
    exception_class_path = ""
    traceback = ""


class TOTPDeviceFactory(DjangoModelFactory):
    """An account's authenticator app, confirmed."""

    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "Authenticator-App"
    confirmed = True
