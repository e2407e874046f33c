import secrets
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from buendnis.lib.choices import choice_label


def new_token():
    return secrets.token_urlsafe(32)


class EventQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True, published=True)

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")

    def listed(self):
        """What a list entry shows, without `places_taken` (see `load_places_taken`)."""
        return self.select_related("working_group", "minutes")

    def for_listing(self):
        return self.listed().with_places_taken()

    def with_places_taken(self):
        """Annotate `places_taken`: people registered publicly plus people of accepted invitations."""
        registered = (
            Registration.objects.active()
            .filter(event=OuterRef("pk"))
            .order_by()
            .values("event")
            .annotate(total=Sum("number_of_people"))
            .values("total")
        )
        accepted = (
            Invitation.objects.accepted()
            .filter(event=OuterRef("pk"))
            .order_by()  # no join to the partners for the default ordering
            .values("event")
            .annotate(total=Sum("number_of_people"))
            .values("total")
        )
        return self.annotate(
            places_taken=Coalesce(Subquery(registered), 0) + Coalesce(Subquery(accepted), 0)
        )


def load_places_taken(events):
    """Set `places_taken` (see `with_places_taken`) on loaded events: two queries for all.

    The lists use it only for entries not in the entry cache; the annotation would
    make every listing query several times dearer to build (issue 8).
    """
    totals = Counter()
    ids = [event.pk for event in events]
    for taken in (Registration.objects.active(), Invitation.objects.accepted()):
        rows = (
            taken.filter(event__in=ids)
            .order_by()
            .values("event")
            .annotate(total=Sum("number_of_people"))
            .values_list("event", "total")
        )
        totals.update(dict(rows))
    for event in events:
        event.places_taken = totals[event.pk]


class Event(models.Model):
    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Bündnistreffen (Plenum)")
        FOUNDING = "founding", _("Gründungsveranstaltung")
        WORKING_GROUP = "working_group", _("Treffen einer Arbeitsgruppe")
        PUBLIC = "public", _("Öffentliche Veranstaltung")

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzadresse"), max_length=220, unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.PLENARY)
    description = models.TextField(
        _("Beschreibung"), blank=True, help_text=_("Einfaches HTML ist erlaubt.")
    )
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    venue = models.CharField(_("Ort (Name)"), max_length=200, blank=True)
    address = models.CharField(_("Adresse"), max_length=300, blank=True)
    working_group = models.ForeignKey(
        "arbeitsgruppen.WorkingGroup",
        verbose_name=_("Arbeitsgruppe"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    is_public = models.BooleanField(
        _("öffentlich"),
        default=True,
        help_text=_("Nicht öffentliche Termine erreichen nur Eingeladene."),
    )
    published = models.BooleanField(_("veröffentlicht"), default=True)
    registration_open = models.BooleanField(_("öffentliche Anmeldung möglich"), default=False)
    capacity = models.PositiveIntegerField(
        _("Plätze"), null=True, blank=True, help_text=_("Leer lassen für unbegrenzt.")
    )
    registration_deadline = models.DateTimeField(_("Anmeldeschluss"), null=True, blank=True)
    childcare_offered = models.BooleanField(_("Kinderbetreuung angeboten"), default=False)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")
        ordering = ["-starts_at"]
        indexes = [
            models.Index(fields=["is_public", "published", "ends_at"], name="event_public_idx"),
            # The public listings in date order, stopping after the first page (issue 8).
            models.Index(
                fields=["starts_at"],
                condition=Q(is_public=True, published=True),
                name="event_public_start_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def get_kind_display(self):
        return choice_label(self.Kind, self.kind)

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("Das Ende darf nicht vor dem Beginn liegen.")})

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()

    def count_places_taken(self):
        """Like the `places_taken` annotation, for an event loaded without it."""
        if hasattr(self, "places_taken"):
            return self.places_taken
        registered = self.registrations.active().aggregate(total=Sum("number_of_people"))["total"]
        accepted = self.invitations.accepted().aggregate(total=Sum("number_of_people"))["total"]
        self.places_taken = (registered or 0) + (accepted or 0)
        return self.places_taken

    @property
    def places_left(self):
        """Free places, or None when the number of places is unlimited."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.count_places_taken(), 0)

    @property
    def registration_closes_at(self):
        return self.registration_deadline or self.starts_at

    def registration_refusal(self):
        """Why nobody can register now (a German sentence), or None while registration is open."""
        if not self.registration_open:
            return _("Für diesen Termin ist keine öffentliche Anmeldung vorgesehen.")
        if timezone.now() >= self.registration_closes_at:
            return _("Die Anmeldefrist ist abgelaufen.")
        if self.places_left == 0:
            return _("Die Veranstaltung ist ausgebucht.")
        return None

    @property
    def can_register(self):
        return self.registration_refusal() is None

    @property
    def accepts_replies(self):
        """Invited partners may answer, and change their answer, until the event begins."""
        return not self.has_started

    def attendance_totals(self):
        """What the coordinator plans with: people, childcare places, replies."""
        registrations = self.registrations.active().aggregate(
            count=models.Count("pk"),
            people=Coalesce(Sum("number_of_people"), 0),
            children=Coalesce(Sum("number_of_children", filter=Q(childcare_needed=True)), 0),
        )
        invitations = self.invitations.aggregate(
            sent=models.Count("pk", filter=Q(sent_at__isnull=False)),
            accepted=models.Count("pk", filter=Q(reply=Invitation.Reply.ACCEPTED)),
            declined=models.Count("pk", filter=Q(reply=Invitation.Reply.DECLINED)),
            pending=models.Count(
                "pk", filter=Q(reply=Invitation.Reply.PENDING, sent_at__isnull=False)
            ),
            people=Coalesce(Sum("number_of_people", filter=Q(reply=Invitation.Reply.ACCEPTED)), 0),
        )
        return {
            "registrations": registrations,
            "invitations": invitations,
            "people": registrations["people"] + invitations["people"],
            "childcare_places": registrations["children"],
        }

    @property
    def approved_minutes(self):
        minutes = getattr(self, "minutes", None)
        return minutes if minutes and minutes.is_approved else None

    @property
    def public_minutes(self):
        """The minutes everybody may read on the event page, or None."""
        minutes = self.approved_minutes
        return minutes if minutes and minutes.visibility == Minutes.Visibility.PUBLIC else None


class InvitationQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(reply=Invitation.Reply.ACCEPTED)

    def sent(self):
        return self.filter(sent_at__isnull=False)


class Invitation(models.Model):
    """A partner's personal invitation to an event, with its reply."""

    class Reply(models.TextChoices):
        PENDING = "pending", _("keine Antwort")
        ACCEPTED = "accepted", _("zugesagt")
        DECLINED = "declined", _("abgesagt")

    event = models.ForeignKey(
        Event, verbose_name=_("Termin"), on_delete=models.CASCADE, related_name="invitations"
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("Partner"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    sent_at = models.DateTimeField(_("versandt am"), null=True, blank=True)
    reply = models.CharField(
        _("Antwort"), max_length=10, choices=Reply.choices, default=Reply.PENDING
    )
    replied_at = models.DateTimeField(_("geantwortet am"), null=True, blank=True)
    number_of_people = models.PositiveSmallIntegerField(_("Personen"), default=0)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["partner__name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "partner"], name="invitation_unique")
        ]

    def __str__(self):
        return f"{self.partner} → {self.event}"

    def get_absolute_url(self):
        return reverse("events:invitation", kwargs={"token": self.token})


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(cancelled_at__isnull=True)


class Registration(models.Model):
    """A citizen's public sign-up for an event."""

    event = models.ForeignKey(
        Event, verbose_name=_("Termin"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("Name"), max_length=200)
    email = models.EmailField(_("E-Mail"))
    number_of_people = models.PositiveSmallIntegerField(_("Anzahl Personen"), default=1)
    childcare_needed = models.BooleanField(_("Kinderbetreuung gewünscht"), default=False)
    number_of_children = models.PositiveSmallIntegerField(_("Anzahl Kinder"), default=0)
    children_ages = models.CharField(_("Alter der Kinder"), max_length=100, blank=True)
    accessibility_needs = models.TextField(_("Barrierefreiheit"), max_length=1000, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("angemeldet am"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("abgemeldet am"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(cancelled_at__isnull=True),
                name="registration_unique_email",
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.event}"

    def get_cancel_url(self):
        return reverse("events:cancel", kwargs={"token": self.token})


class MinutesQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Minutes.Status.APPROVED)


class Minutes(models.Model):
    """The Protokoll of an event: a draft until approved."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        APPROVED = "approved", _("freigegeben")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("öffentlich")
        PARTNERS = "partners", _("nur für Partner (persönlicher Link)")

    event = models.OneToOneField(
        Event, verbose_name=_("Termin"), on_delete=models.CASCADE, related_name="minutes"
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    visibility = models.CharField(
        _("Sichtbarkeit"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    partners_present = models.ManyToManyField(
        "partners.Partner",
        verbose_name=_("anwesende Partner"),
        blank=True,
        related_name="minutes_attended",
    )
    number_of_guests = models.PositiveIntegerField(_("Anzahl Gäste"), default=0)
    recorded_by = models.CharField(_("Protokoll"), max_length=200, blank=True)
    summary = models.TextField(_("Zusammenfassung"), blank=True)
    approved_at = models.DateTimeField(_("freigegeben am"), null=True, blank=True)
    approved_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("freigegeben von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = MinutesQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Protokoll")
        verbose_name_plural = _("Protokolle")
        ordering = ["-event__starts_at"]
        permissions = [("approve_minutes", _("Kann Protokolle freigeben"))]

    def __str__(self):
        return _("Protokoll: %(event)s") % {"event": self.event}

    def get_absolute_url(self):
        return reverse("events:minutes_pdf", kwargs={"slug": self.event.slug})

    def clean(self):
        if self.event_id and self.event.starts_at > timezone.now():
            raise ValidationError(
                _("Ein Protokoll kann erst nach Beginn der Veranstaltung angelegt werden.")
            )

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED


class AgendaItem(models.Model):
    minutes = models.ForeignKey(
        Minutes, verbose_name=_("Protokoll"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveIntegerField(_("Nr."), default=0)
    title = models.CharField(_("Tagesordnungspunkt"), max_length=300)
    discussion = models.TextField(_("Diskussion"), blank=True)
    decisions = models.TextField(_("Beschlüsse"), blank=True)

    class Meta:
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class Task(models.Model):
    """An action agreed under an agenda item: what, who, by when."""

    agenda_item = models.ForeignKey(
        AgendaItem, verbose_name=_("Tagesordnungspunkt"), on_delete=models.CASCADE,
        related_name="tasks",
    )
    description = models.CharField(_("Aufgabe"), max_length=500)
    responsible = models.CharField(_("wer"), max_length=200, blank=True)
    due_on = models.DateField(_("bis wann"), null=True, blank=True)

    class Meta:
        verbose_name = _("Aufgabe")
        verbose_name_plural = _("Aufgaben")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.description


# Mailings (issue 7) live in their own module; imported here so Django registers them.
from events.mailing_models import Delivery, Mailing  # noqa: E402, F401
