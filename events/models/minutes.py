"""Minutes (Protokolle) of events: agenda items with discussion, decisions and tasks."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buendnis.history import History
from buendnis.tenancy import AllianceOwned, alliance_accounts, scoped_manager
from events.models.visibility import public_event


class MinutesQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Minutes.Status.APPROVED)

    def public(self):
        """What the public sees: approved, public minutes of events the public sees."""
        return self.approved().filter(
            public_event("event__"), published_at__isnull=False, visibility=Minutes.Visibility.PUBLIC
        )


class Minutes(AllianceOwned):
    """The Protokoll of an event: a draft until approved."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        APPROVED = "approved", _("freigegeben")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("öffentlich")
        PARTNERS = "partners", _("nur für Partner (persönlicher Link)")

    event = models.OneToOneField(
        "events.Event", verbose_name=_("Termin"), on_delete=models.CASCADE, related_name="minutes"
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
    recorded_by = models.CharField(
        _("Protokoll führt"), max_length=200, blank=True,
        help_text=_("Wer bei diesem Treffen das Protokoll schreibt."),
    )
    minute_taker = models.ForeignKey(
        "auth.User",
        limit_choices_to=alliance_accounts,
        verbose_name=_("Protokoll führt (Zugang im Portal)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Wird nach dem Treffen erinnert, solange das Protokoll fehlt."),
    )
    taker_reminded_for = models.JSONField(
        _("Protokoll-Erinnerungen (Tage danach)"), default=list, blank=True, editable=False
    )
    summary = models.TextField(_("Zusammenfassung"), blank=True)
    approved_at = models.DateTimeField(_("freigegeben am"), null=True, blank=True)
    approved_by = models.ForeignKey(
        "auth.User",
        limit_choices_to=alliance_accounts,
        verbose_name=_("freigegeben von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True, editable=False)
    # Frozen at approval: the PDF exactly as approved, its version and fingerprint.
    version = models.PositiveIntegerField(_("Version"), default=0, editable=False)
    approved_pdf = models.BinaryField(_("freigegebenes PDF"), null=True, blank=True, editable=False)
    approved_sha256 = models.CharField(_("SHA-256 des freigegebenen PDFs"), max_length=64, blank=True,
                                       editable=False)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = scoped_manager(MinutesQuerySet)
    # The approved PDF is kept once, here, not again in every history row.
    history = History(excluded_fields=["approved_pdf"])

    class Meta:
        verbose_name = _("Protokoll")
        verbose_name_plural = _("Protokolle")
        ordering = ["-event__starts_at"]
        permissions = [("approve_minutes", _("Kann Protokolle freigeben"))]

    def __str__(self):
        return _("Protokoll: %(event)s") % {"event": self.event}

    def get_absolute_url(self):
        return reverse("events:minutes_pdf", kwargs={"slug": self.event.slug})

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def is_published(self):
        return self.is_approved and self.published_at is not None

    @property
    def agenda_minutes(self):
        """The planned length of the meeting: the sum of the agenda items' durations."""
        return sum(item.duration or 0 for item in self.items.all())


class AgendaItem(AllianceOwned):
    minutes = models.ForeignKey(
        Minutes, verbose_name=_("Protokoll"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveIntegerField(_("Nr."), default=0)
    title = models.CharField(_("Tagesordnungspunkt"), max_length=300)
    duration = models.PositiveSmallIntegerField(_("Dauer (Minuten)"), null=True, blank=True)
    discussion = models.TextField(_("Diskussion"), blank=True)
    decisions = models.TextField(_("Beschlüsse"), blank=True)
    votes_yes = models.PositiveSmallIntegerField(_("Ja-Stimmen"), null=True, blank=True)
    votes_no = models.PositiveSmallIntegerField(_("Nein-Stimmen"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("Enthaltungen"), null=True, blank=True)

    objects = scoped_manager()
    history = History()

    class Meta:
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class TaskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)

    def of_account(self, user):
        return self.filter(responsible_account=user)


class Task(AllianceOwned):
    """An action agreed under an agenda item: what, who, by when."""

    agenda_item = models.ForeignKey(
        AgendaItem, verbose_name=_("Tagesordnungspunkt"), on_delete=models.CASCADE,
        related_name="tasks",
    )
    description = models.CharField(_("Aufgabe"), max_length=500)
    responsible = models.CharField(_("wer"), max_length=200, blank=True)
    responsible_account = models.ForeignKey(
        "auth.User",
        limit_choices_to=alliance_accounts,
        verbose_name=_("zuständig (Zugang im Portal)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Dann erscheint die Aufgabe auf der Startseite dieser Person."),
    )
    due_on = models.DateField(_("bis wann"), null=True, blank=True)
    done_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)

    objects = scoped_manager(TaskQuerySet)
    history = History()

    class Meta:
        verbose_name = _("Aufgabe")
        verbose_name_plural = _("Aufgaben")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.description
