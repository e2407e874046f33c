"""The Bündniserklärung and its versions."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buendnis.history import History
from buendnis.tenancy import AllianceOwned, scoped_manager


class DeclarationQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True).first()

    def public(self):
        """What the public sees: the current version and every version that was in force
        before it (a version prepared for later is not shown)."""
        return self.filter(valid_from__lte=timezone.localdate()) | self.filter(is_current=True)


class Declaration(AllianceOwned):
    """One version of the Bündniserklärung. Exactly one version is current."""

    version = models.CharField(
        _("Version"),
        max_length=40,
        validators=[
            RegexValidator(
                r"^[0-9A-Za-z][0-9A-Za-z._-]*$",
                _("Nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich (sie stehen in der Adresse)."),
            )
        ],
        help_text=_("z. B. „2017“ oder „2023-1“; steht in der Adresse der Fassung."),
    )
    title = models.CharField(_("Titel"), max_length=200, default="Bündniserklärung")
    text = models.TextField(
        _("Text"), help_text=_("Einfaches HTML ist erlaubt (Absätze, Listen, Hervorhebungen).")
    )
    valid_from = models.DateField(_("gültig ab"), default=timezone.localdate)
    is_current = models.BooleanField(_("aktuelle Fassung"), default=False)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    objects = scoped_manager(DeclarationQuerySet)
    history = History()

    class Meta:
        verbose_name = _("Bündniserklärung")
        verbose_name_plural = _("Bündniserklärungen")
        ordering = ["-valid_from", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "is_current"],
                condition=Q(is_current=True),
                name="declaration_one_current",
            ),
            models.UniqueConstraint(fields=["alliance", "version"], name="declaration_unique_version"),
        ]

    def __str__(self):
        return f"{self.title} ({self.version})"

    def get_absolute_url(self):
        """The stable address of this version; the current one is also at /buendniserklaerung/."""
        return reverse("partners:declaration_version", kwargs={"version": self.version})
