"""Events (Termine): plenaries, the founding event, group meetings, public events."""

from collections import Counter

from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buendnis.history import History
from buendnis.lib.choices import choice_label
from buendnis.lib.text import SLUG_HELP
from buendnis.lib.translation_state import TranslationStateField
from buendnis.tenancy import AllianceOwned, scoped_manager
from events.models.attendance import Invitation, Registration
from events.models.minutes import Minutes
from events.models.visibility import public_event


class EventQuerySet(models.QuerySet):
    def public(self):
        """What the public sees: published events that are not invitation-only."""
        return self.filter(public_event())

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")

    def for_entries(self):
        """With what a list entry shows, without `places_taken` (see `load_places_taken`)."""
        return self.select_related("working_group", "minutes")

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


class Event(AllianceOwned):
    class Stage(models.TextChoices):
        """Where a meeting stands in its cycle, from the first draft to published minutes."""

        DRAFT = "draft", _("Entwurf")
        INVITED = "invited", _("eingeladen")
        RUNNING = "running", _("läuft")
        MINUTES_DRAFT = "minutes_draft", _("Protokoll im Entwurf")
        APPROVED = "approved", _("freigegeben")
        PUBLISHED = "published", _("veröffentlicht")

    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Bündnistreffen (Plenum)")
        FOUNDING = "founding", _("Gründungsveranstaltung")
        WORKING_GROUP = "working_group", _("Treffen einer Arbeitsgruppe")
        PUBLIC = "public", _("Öffentliche Veranstaltung")

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Adresse auf der Website"), max_length=220, help_text=SLUG_HELP)
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
    signing_session = models.OneToOneField(
        "partners.SigningSession",
        verbose_name=_("Unterzeichnung vor Ort"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event",
        editable=False,
    )
    invited_at = models.DateTimeField(_("eingeladen am"), null=True, blank=True, editable=False)
    reminders = models.BooleanField(
        _("Erinnerungen senden"), default=True,
        help_text=_("An eingeladene Partner, die nicht abgesagt haben."),
    )
    reminder_days = models.CharField(
        _("Erinnerung (Tage vorher)"), max_length=50, default="7,2", blank=True,
        validators=[validators.validate_comma_separated_integer_list],
        help_text=_("Zum Beispiel „7,2“: eine Woche und zwei Tage vor dem Treffen."),
    )
    reminder_text = models.TextField(
        _("eigener Text der Erinnerung"), blank=True,
        help_text=_("Steht über den Angaben zum Treffen. Leer: ein freundlicher Standardsatz."),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    translation_state = TranslationStateField()
    objects = scoped_manager(EventQuerySet)
    history = History()

    class Meta:
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")
        ordering = ["-starts_at"]
        indexes = [
            models.Index(fields=["alliance", "is_public", "published", "ends_at"], name="event_public_idx"),
            # The public listings in date order, stopping after the first page (issue 8).
            models.Index(
                fields=["alliance", "starts_at"],
                condition=Q(is_public=True, published=True),
                name="event_public_start_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="event_unique_slug"),
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            ),
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
        invitations = self.invitations.current().aggregate(
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
    def reminder_day_list(self):
        days = self.reminder_days.replace(" ", "").split(",")
        return sorted({int(day) for day in days if day}, reverse=True)

    @property
    def stage(self):
        minutes = getattr(self, "minutes", None)
        if minutes is not None and minutes.is_published:
            return self.Stage.PUBLISHED
        if minutes is not None and minutes.is_approved:
            return self.Stage.APPROVED
        if self.is_past:
            return self.Stage.MINUTES_DRAFT
        if self.has_started:
            return self.Stage.RUNNING
        return self.Stage.INVITED if self.invited_at else self.Stage.DRAFT

    @property
    def approved_minutes(self):
        minutes = getattr(self, "minutes", None)
        return minutes if minutes and minutes.is_approved else None

    @property
    def public_minutes(self):
        """The minutes everybody may read on the event page, or None."""
        minutes = self.approved_minutes
        public = minutes and minutes.is_published and minutes.visibility == Minutes.Visibility.PUBLIC
        return minutes if public else None
