"""The ledger: income and spending, booked once, approved above the threshold, reversed
by a Storno (see the package's docstring)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buendnis.history import History
from buendnis.lib.choices import choice_label
from buendnis.tenancy import AllianceOwned, alliance_accounts, scoped_manager
from finances.models.budget import Category, Grant, money_field, receipt_upload_to
from finances.templatetags.money import euro


class EntryQuerySet(models.QuerySet):
    def income(self):
        return self.filter(direction=Entry.Direction.INCOME)

    def spending(self):
        return self.filter(direction=Entry.Direction.SPENDING)

    def in_year(self, year):
        return self.filter(booked_on__year=year)

    def counting(self):
        """The entries that count: not waiting for approval. A Storno counts exactly
        when the entry it reverses counts, so a reversed entry adds up to nothing."""
        return self.filter(
            Q(reverses__isnull=True, needs_approval=False)
            | Q(reverses__isnull=True, approved_at__isnull=False)
            | Q(reverses__needs_approval=False)
            | Q(reverses__approved_at__isnull=False)
        )

    def waiting(self):
        """Spending that waits for the steering group: above the threshold, neither
        approved nor reversed."""
        return self.filter(
            needs_approval=True, approved_at__isnull=True, reverses__isnull=True, reversal__isnull=True
        )


class Entry(AllianceOwned):
    """One booking of the ledger: income or spending, never changed once booked."""

    class Direction(models.TextChoices):
        INCOME = "income", _("Einnahme")
        SPENDING = "spending", _("Ausgabe")

    class Source(models.TextChoices):
        GRANT = "grant", _("Zuwendung (Auszahlung)")
        DONATION = "donation", _("Spende")
        CONTRIBUTION = "contribution", _("Beitrag von Partnern")
        IN_KIND = "in_kind", _("Sachleistung (zum Wert)")
        OTHER = "other", _("sonstige Einnahme")

    direction = models.CharField(_("Art"), max_length=10, choices=Direction.choices)
    source = models.CharField(_("Herkunft"), max_length=20, choices=Source.choices, blank=True)
    booked_on = models.DateField(_("Datum"))
    amount = money_field(_("Betrag (Euro)"))
    category = models.ForeignKey(
        Category, verbose_name=_("Kategorie"), on_delete=models.PROTECT, null=True, blank=True
    )
    grant = models.ForeignKey(
        Grant,
        verbose_name=_("Zuwendung"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entries",
    )
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
    counterparty = models.CharField(_("Empfänger oder Geber"), max_length=200, blank=True)
    counterparty_is_private = models.BooleanField(
        _("Privatperson"),
        default=False,
        help_text=_(
            "Namen von Privatpersonen erscheinen nie öffentlich und nur in Exporten der Koordination."
        ),
    )
    note = models.CharField(_("Notiz"), max_length=500, blank=True)
    receipt = models.FileField(_("Beleg"), upload_to=receipt_upload_to, blank=True)
    needs_approval = models.BooleanField(_("braucht Freigabe"), default=False, editable=False)
    recorded_by = models.ForeignKey(
        "auth.User",
        limit_choices_to=alliance_accounts,
        verbose_name=_("gebucht von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("gebucht am"), auto_now_add=True)
    approved_by = models.ForeignKey(
        "auth.User",
        limit_choices_to=alliance_accounts,
        verbose_name=_("freigegeben von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("freigegeben am"), null=True, blank=True, editable=False)
    reverses = models.OneToOneField(
        "self",
        verbose_name=_("storniert die Buchung"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="reversal",
    )

    objects = scoped_manager(EntryQuerySet)
    history = History()

    # What may still be written once an entry is booked: its approval.
    APPROVAL_FIELDS = frozenset({"approved_by", "approved_at"})

    class Meta:
        verbose_name = _("Buchung")
        verbose_name_plural = _("Buchungen")
        ordering = ["-booked_on", "-pk"]
        permissions = [("approve_entry", _("Kann Ausgaben freigeben (Vier-Augen-Prinzip)"))]
        constraints = [
            models.CheckConstraint(condition=~Q(amount=0), name="finances_entry_amount_not_zero"),
            models.CheckConstraint(
                condition=Q(amount__gt=0) | Q(reverses__isnull=False),
                name="finances_entry_only_storno_negative",
            ),
        ]
        indexes = [models.Index(fields=["alliance", "booked_on"], name="finances_entry_by_date")]

    def __str__(self):
        label = _("Storno") if self.reverses_id else self.direction_label
        return f"{label} {self.booked_on:%d.%m.%Y}: {euro(self.amount)}"

    def get_absolute_url(self):
        return reverse("admin:finances_entry_change", args=[self.pk])

    @property
    def direction_label(self):
        return choice_label(self.Direction, self.direction)

    @property
    def source_label(self):
        return choice_label(self.Source, self.source) if self.source else ""

    @property
    def is_storno(self):
        return self.reverses_id is not None

    @property
    def is_waiting(self):
        return self.needs_approval and self.approved_at is None

    @property
    def counts(self):
        """What `EntryQuerySet.counting()` says, for one entry (read `reverses` along)."""
        original = self.reverses if self.reverses_id else self
        return not original.needs_approval or original.approved_at is not None

    @property
    def public_counterparty(self):
        """The name as it may be shown beyond the coordinator: never a private person's."""
        return "" if self.counterparty_is_private else self.counterparty

    def clean(self):
        if self.direction == self.Direction.SPENDING and not self.category_id:
            raise ValidationError({"category": _("Bitte wählen Sie die Kategorie der Ausgabe.")})
        if self.direction == self.Direction.INCOME and not self.source:
            raise ValidationError({"source": _("Bitte wählen Sie, woher die Einnahme kommt.")})
        if self.direction == self.Direction.INCOME and self.source == self.Source.GRANT and not self.grant_id:
            raise ValidationError({"grant": _("Bitte wählen Sie die Zuwendung dieser Auszahlung.")})
        if self.amount is not None and self.amount <= 0:
            raise ValidationError({"amount": _("Der Betrag muss größer als 0 sein.")})

    def save(self, *args, **kwargs):
        # A booked entry is a record: only its approval may be written afterwards.
        update_fields = kwargs.get("update_fields")
        if (
            self.pk
            and not self._state.adding
            and not (update_fields and set(update_fields) <= self.APPROVAL_FIELDS)
        ):
            raise ValidationError(_("Eine gebuchte Buchung wird nicht geändert, nur storniert."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Eine gebuchte Buchung wird nicht gelöscht, nur storniert."))
