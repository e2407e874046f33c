"""Who comes to an event: partners' invitations with their replies, public registrations."""

import secrets

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buendnis.lib.languages import language_field
from buendnis.tenancy import AllianceOwned, scoped_manager
from partners.models import open_period


def new_token():
    return secrets.token_urlsafe(32)


class InvitationQuerySet(models.QuerySet):
    def current(self):
        """Invitations of the partners' present membership periods: the replies that count.
        A partner that withdrew and joined again starts afresh, with new links."""
        return self.filter(open_period("membership__"))

    def accepted(self):
        return self.current().filter(reply=Invitation.Reply.ACCEPTED)


class Invitation(AllianceOwned):
    """A partner's personal invitation to an event, with its reply."""

    class Reply(models.TextChoices):
        PENDING = "pending", _("keine Antwort")
        ACCEPTED = "accepted", _("zugesagt")
        DECLINED = "declined", _("abgesagt")

    event = models.ForeignKey(
        "events.Event", verbose_name=_("Termin"), on_delete=models.CASCADE, related_name="invitations"
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("Partner"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    membership = models.ForeignKey(
        "partners.Signature",
        verbose_name=_("Mitgliedschaft"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        help_text=_("Die Mitgliedschaft, für die eingeladen wurde; mit ihr enden die Links."),
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    sent_at = models.DateTimeField(_("versandt am"), null=True, blank=True)
    reply = models.CharField(
        _("Antwort"), max_length=10, choices=Reply.choices, default=Reply.PENDING
    )
    replied_at = models.DateTimeField(_("geantwortet am"), null=True, blank=True)
    number_of_people = models.PositiveSmallIntegerField(_("Personen"), default=0)
    reminded_for = models.JSONField(
        _("erinnert (Tage vorher)"), default=list, blank=True, editable=False,
        help_text=_("Die Erinnerungen, die schon hinausgingen: so geht keine zweimal."),
    )

    objects = scoped_manager(InvitationQuerySet)

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["partner__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "partner"], condition=Q(membership__isnull=True), name="invitation_unique"
            ),
            models.UniqueConstraint(fields=["event", "membership"], name="invitation_unique_per_period"),
        ]

    def __str__(self):
        return f"{self.partner} → {self.event}"

    @property
    def is_of_an_ended_membership(self):
        return self.membership_id is not None and self.membership.withdrawn_at is not None

    def get_absolute_url(self):
        return reverse("events:invitation", kwargs={"token": self.token})


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(cancelled_at__isnull=True)


class Registration(AllianceOwned):
    """A citizen's public sign-up for an event."""

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("Termin"),
        on_delete=models.CASCADE,
        related_name="registrations",
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
    checked_in = models.BooleanField(_("anwesend"), default=False)
    # The language of the registration form: its confirmation and calendar entry are in it.
    language = language_field()

    objects = scoped_manager(RegistrationQuerySet)

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
