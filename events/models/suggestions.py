"""Wishes and suggestions (Wünsche und Anregungen) from citizens.

They live with the events because a suggestion may come from an event (cards at the
founding event, a flip chart at a plenary) and the event's minutes list them; it may
also name a field of action or a working group, both below this app.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buendnis.history import History
from buendnis.lib.languages import language_field
from buendnis.tenancy import AllianceOwned, scoped_manager


class SuggestionQuerySet(models.QuerySet):
    def public(self):
        """What the public sees: suggestions with a public answer, without name or e-mail."""
        return (
            self.exclude(public_answer="")
            .select_related("field_of_action", "working_group")
            .order_by("-created_at")
        )

    def new(self):
        return self.filter(status=Suggestion.Status.NEW)


class Suggestion(AllianceOwned):
    """A wish or suggestion from a citizen."""

    class Status(models.TextChoices):
        NEW = "new", _("neu")
        IN_PROGRESS = "in_progress", _("in Bearbeitung")
        FORWARDED = "forwarded", _("weitergeleitet")
        DONE = "done", _("umgesetzt")
        DECLINED = "declined", _("abgelehnt")

    text = models.TextField(_("Wunsch oder Anregung"), max_length=5000)
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    field_of_action = models.ForeignKey(
        "buendnis.FieldOfAction",
        verbose_name=_("Handlungsfeld"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
    )
    working_group = models.ForeignKey(
        "arbeitsgruppen.WorkingGroup",
        verbose_name=_("Arbeitsgruppe"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("gesammelt bei Veranstaltung"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    public_answer = models.TextField(
        _("Öffentliche Antwort"),
        blank=True,
        help_text=_("Wird mit der Anregung (ohne Name und E-Mail) auf /anregungen/ gezeigt."),
    )
    # The language it was written in: the coordination answers in it.
    language = language_field(help_text=_("In dieser Sprache wurde die Anregung geschrieben."))
    created_at = models.DateTimeField(_("eingegangen am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    settled_at = models.DateTimeField(
        _("erledigt am"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Wann die Anregung beantwortet, weitergegeben oder abgeschlossen wurde."),
    )

    objects = scoped_manager(SuggestionQuerySet)
    # Name and e-mail are erased after the retention period; they never enter the history.
    history = History(excluded_fields=["name", "email"])

    class Meta:
        verbose_name = _("Anregung")
        verbose_name_plural = _("Wünsche und Anregungen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["alliance", "status", "-created_at"], name="suggestion_status_idx")]

    def __str__(self):
        return self.text[:60]

    def save(self, *args, **kwargs):
        # When it was settled starts the retention period of name and e-mail.
        if not self.is_settled:
            self.settled_at = None
        elif self.settled_at is None:
            self.settled_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def is_settled(self):
        """Answered publicly, forwarded, done or declined: nothing more to do."""
        return bool(self.public_answer) or self.status in {
            self.Status.FORWARDED, self.Status.DONE, self.Status.DECLINED
        }
