"""Mailings (Rundmails) from the coordinator to partners, and what was sent to whom.

They live in the cockpit, the top layer, because a mailing can address all partners,
a working group's members or an event's invitees.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buendnis.lib.translation_state import TranslationStateField
from buendnis.tenancy import AllianceOwned, alliance_accounts, scoped_manager


class Mailing(AllianceOwned):
    class Audience(models.TextChoices):
        ALL_PARTNERS = "all_partners", _("alle aktiven Partner")
        WORKING_GROUP = "working_group", _("mitwirkende Partner einer Arbeitsgruppe")
        EVENT = "event", _("eingeladene Partner eines Termins")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        QUEUED = "queued", _("wird versandt")
        SENT = "sent", _("versandt")

    subject = models.CharField(_("Betreff"), max_length=200)
    body = models.TextField(
        _("Nachricht"),
        max_length=20000,
        help_text=_(
            "Text mit Markdown: **fett**, *kursiv*, Listen mit „- “, Links als [Text](https://…). "
            "Verschickt als HTML mit Textfassung. Anrede, Fußzeile mit dem persönlichen Link zum "
            "Eintrag und der Abmeldelink ergänzt das Portal für jeden Partner."
        ),
    )
    audience = models.CharField(
        _("Empfänger"), max_length=20, choices=Audience.choices, default=Audience.ALL_PARTNERS
    )
    working_group = models.ForeignKey(
        "arbeitsgruppen.WorkingGroup",
        verbose_name=_("Arbeitsgruppe"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mailings",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("Termin"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mailings",
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        limit_choices_to=alliance_accounts,
        verbose_name=_("verfasst von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    queued_at = models.DateTimeField(_("Versand gestartet am"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("Versand beendet am"), null=True, blank=True, editable=False)

    translation_state = TranslationStateField()
    objects = scoped_manager()

    class Meta:
        verbose_name = _("Rundmail")
        verbose_name_plural = _("Rundmails")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(audience="all_partners", working_group__isnull=True, event__isnull=True)
                    | models.Q(audience="working_group", working_group__isnull=False, event__isnull=True)
                    | models.Q(audience="event", event__isnull=False, working_group__isnull=True)
                ),
                name="mailing_audience_target",
            )
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("admin:cockpit_mailing_change", args=[self.pk])

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def audience_label(self):
        if self.audience == self.Audience.WORKING_GROUP and self.working_group_id:
            return _("Arbeitsgruppe „%(name)s“") % {"name": self.working_group}
        if self.audience == self.Audience.EVENT and self.event_id:
            return _("Eingeladene zu „%(name)s“") % {"name": self.event}
        return self.get_audience_display()


class Delivery(AllianceOwned):
    """One e-mail of a mailing to one address. The constraint makes a second copy impossible."""

    mailing = models.ForeignKey(
        Mailing, verbose_name=_("Rundmail"), on_delete=models.CASCADE, related_name="deliveries"
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("Partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mailing_deliveries",
    )
    email = models.EmailField(
        _("E-Mail-Adresse"),
        blank=True,
        help_text=_("Wird beim Austritt des Partners und nach der Aufbewahrungsfrist gelöscht."),
    )
    sent_at = models.DateTimeField(_("versandt am"), null=True, blank=True)
    error = models.TextField(_("Fehler"), blank=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Zustellung")
        verbose_name_plural = _("Zustellungen")
        ordering = ["email"]
        constraints = [
            # An erased address ("") is no longer an address; the delivery stays as a record.
            models.UniqueConstraint(
                fields=["mailing", "email"], condition=~models.Q(email=""), name="delivery_one_per_address"
            )
        ]

    def __str__(self):
        return f"{self.mailing} → {self.email or _('(Adresse gelöscht)')}"
