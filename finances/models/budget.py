"""The alliance's rules for its money, the budget and the grants."""


import uuid
from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buendnis.history import History
from buendnis.lib.images import alliance_folder
from buendnis.tenancy import AllianceOwned, current_alliance_id, scoped_manager

DEFAULT_THRESHOLD = Decimal("250.00")


def money_field(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


def receipt_upload_to(instance, filename):
    """Receipts lie in the alliance's folder, in `belege/`, which the /media/ view never
    serves (`buendnis.lib.images.PRIVATE_FOLDERS`): they name payees and amounts, so
    only `finances.views.receipt` hands them out, to those who may read the ledger."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"{alliance_folder(instance)}/belege/{uuid.uuid4().hex}.{extension}"


class FinanceSettings(AllianceOwned):
    """The alliance's rules for its money: one row per alliance."""

    approval_threshold = money_field(
        _("Freigabe ab (Euro)"),
        default=DEFAULT_THRESHOLD,
        help_text=_(
            "Ausgaben über diesem Betrag zählen erst, wenn die Steuerungsgruppe sie freigegeben hat."
        ),
    )
    transparency_page = models.BooleanField(
        _("Transparenzseite veröffentlichen"),
        default=False,
        help_text=_("Zeigt Einnahmen nach Herkunft und Ausgaben nach Kategorie unter /transparenz/."),
    )

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Finanz-Einstellungen")
        verbose_name_plural = _("Finanz-Einstellungen")
        constraints = [
            models.UniqueConstraint(fields=["alliance"], name="finances_settings_one_per_alliance")
        ]

    def __str__(self):
        return str(_("Finanz-Einstellungen"))

    @classmethod
    def current(cls):
        return cls.objects.get_or_create(alliance_id=current_alliance_id())[0]


class Category(AllianceOwned):
    """A category of spending (Personal, Sachkosten, Öffentlichkeitsarbeit …)."""

    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(_("Kürzel"), max_length=100)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = scoped_manager()
    history = History()

    class Meta:
        verbose_name = _("Kategorie")
        verbose_name_plural = _("Kategorien")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="finances_category_slug_per_alliance")
        ]

    def __str__(self):
        return self.name


class BudgetLine(AllianceOwned):
    """One line of the Haushaltsplan: what a year plans for a category, optionally for
    one working group or one project."""

    year = models.PositiveSmallIntegerField(_("Jahr"))
    category = models.ForeignKey(Category, verbose_name=_("Kategorie"), on_delete=models.PROTECT)
    working_group = models.ForeignKey(
        "arbeitsgruppen.WorkingGroup",
        verbose_name=_("Arbeitsgruppe"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    project = models.ForeignKey(
        "arbeitsgruppen.Project",
        verbose_name=_("Projekt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    planned = money_field(_("geplant (Euro)"))
    note = models.CharField(_("Notiz"), max_length=300, blank=True)

    objects = scoped_manager()
    history = History()

    class Meta:
        verbose_name = _("Haushaltsposten")
        verbose_name_plural = _("Haushaltsplan")
        ordering = ["-year", "category__position", "category__name"]
        constraints = [
            models.CheckConstraint(condition=Q(planned__gte=0), name="finances_budget_planned_not_negative")
        ]

    def __str__(self):
        return f"{self.year}: {self.category}"


class Grant(AllianceOwned):
    """A grant (Zuwendung): who gives how much for what, for which period."""

    funder = models.CharField(_("Zuwendungsgeber"), max_length=200)
    purpose = models.CharField(_("Zweck"), max_length=300)
    reference = models.CharField(_("Aktenzeichen"), max_length=100, blank=True)
    starts_on = models.DateField(_("Bewilligungszeitraum von"))
    ends_on = models.DateField(_("Bewilligungszeitraum bis"))
    granted = money_field(_("bewilligt (Euro)"))
    report = models.TextField(_("Sachbericht"), blank=True)

    objects = scoped_manager()
    history = History()

    class Meta:
        verbose_name = _("Zuwendung")
        verbose_name_plural = _("Zuwendungen")
        ordering = ["-starts_on", "funder"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="finances_grant_period"
            ),
            models.CheckConstraint(condition=Q(granted__gte=0), name="finances_grant_not_negative"),
        ]

    def __str__(self):
        return f"{self.funder}: {self.purpose}"

    def get_absolute_url(self):
        return reverse("admin:finances_grant_change", args=[self.pk])
