"""The Bündniserklärung and its versions."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buendnis.history import History
from buendnis.lib.translation_state import TranslationStateField
from buendnis.tenancy import AllianceOwned, scoped_manager


class DeclarationQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True).first()

    def public(self):
        """What the public sees: the current version, every version that was in force
        before it (a version prepared for later is not shown) and every version anyone
        signed (its archive address is on certificates and in mails: never a 404)."""
        signed = Exists(self._signatures())
        return self.filter(Q(valid_from__lte=timezone.localdate()) | Q(is_current=True) | signed)

    def signed(self):
        return self.filter(Exists(self._signatures()))

    def _signatures(self):
        from partners.models.partners import Signature

        return Signature.objects.filter(declaration=OuterRef("pk"))


# What a partner signed stays as it was: the text, its name, and what its archive
# address (`/buendniserklaerung/<version>/`, shown only from `valid_from`) depends on.
FROZEN_FIELDS = ("version", "title", "text", "valid_from")
GERMAN_COLUMNS = {"title": "title_de", "text": "text_de"}


class DeclarationSigned(ValidationError):
    """A change to the text, name or address of a version somebody has signed."""


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

    translation_state = TranslationStateField()
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

    def is_signed(self):
        return self.pk is not None and self.signatures.exists()

    def frozen_changes(self):
        """The frozen fields this unsaved state changes of a signed version (else empty)."""
        if self.pk is None:
            return []
        # The German columns: translations of a signed version may still be added.
        columns = {name: GERMAN_COLUMNS.get(name, name) for name in FROZEN_FIELDS}
        stored = Declaration.objects.filter(pk=self.pk).values(*columns.values()).first()
        if stored is None:
            return []
        changed = [name for name, column in columns.items() if stored[column] != getattr(self, column)]
        return changed if changed and self.is_signed() else []

    def save(self, *args, **kwargs):
        if changed := self.frozen_changes():
            labels = ", ".join(str(self._meta.get_field(name).verbose_name) for name in changed)
            raise DeclarationSigned(
                _("Diese Fassung haben Partner unterzeichnet; %(fields)s bleiben, wie sie "
                  "unterzeichnet wurden. Legen Sie für Änderungen eine neue Fassung an.")
                % {"fields": labels},
                code="signed",
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The stable address of this version; the current one is also at /buendniserklaerung/."""
        return reverse("partners:declaration_version", kwargs={"version": self.version})
