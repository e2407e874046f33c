"""Signing sessions: signing on the spot, at a plenary or the founding event."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buendnis.tenancy import AllianceOwned, alliance_accounts, scoped_manager


def new_session_token():
    return secrets.token_urlsafe(18)


class SigningSessionQuerySet(models.QuerySet):
    def open_now(self):
        now = timezone.now()
        return self.filter(starts_at__lte=now, ends_at__gt=now)


class SigningSession(AllianceOwned):
    """A few hours during which anyone at an event may sign through one link (QR code).

    The venue's Wi-Fi gives everybody in the hall the same address, so the per-address
    limits of the signing form do not apply to sign-ups through an open session; each
    sign-up is still confirmed by its own e-mail.
    """

    title = models.CharField(_("Anlass"), max_length=200, help_text=_("z. B. „Bündnistreffen 2026“"))
    token = models.CharField(max_length=40, unique=True, default=new_session_token, editable=False)
    starts_at = models.DateTimeField(_("offen ab"))
    ends_at = models.DateTimeField(_("offen bis"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        limit_choices_to=alliance_accounts,
        verbose_name=_("eröffnet von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    objects = scoped_manager(SigningSessionQuerySet)

    class Meta:
        verbose_name = _("Unterzeichnung vor Ort")
        verbose_name_plural = _("Unterzeichnungen vor Ort")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="signing_session_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partners:sign_on_site", kwargs={"token": self.token})

    @property
    def is_open(self):
        return self.starts_at <= timezone.now() < self.ends_at
