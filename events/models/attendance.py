"""Who comes to an event: partners' invitations with their replies, public registrations."""

import secrets

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buendnis.tenancy import AllianceOwned, scoped_manager


def new_token():
    return secrets.token_urlsafe(32)


class InvitationQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(reply=Invitation.Reply.ACCEPTED)


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
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    sent_at = models.DateTimeField(_("versandt am"), null=True, blank=True)
    reply = models.CharField(
        _("Antwort"), max_length=10, choices=Reply.choices, default=Reply.PENDING
    )
    replied_at = models.DateTimeField(_("geantwortet am"), null=True, blank=True)
    number_of_people = models.PositiveSmallIntegerField(_("Personen"), default=0)

    objects = scoped_manager(InvitationQuerySet)

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
