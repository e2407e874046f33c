"""The yearly account, frozen once the steering group approved it."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buendnis.history import History
from buendnis.tenancy import AllianceOwned, alliance_accounts, scoped_manager


class AnnualReportQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=AnnualReport.Status.APPROVED)

    def public(self):
        return self.approved().filter(published=True)


class AnnualReport(AllianceOwned):
    """The coordinator's yearly account (Jahresbericht); frozen once approved."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        APPROVED = "approved", _("freigegeben")

    year = models.PositiveSmallIntegerField(_("Jahr"))
    foreword = models.TextField(_("Vorwort der Koordination"), blank=True)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
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
    pdf = models.BinaryField(_("freigegebenes PDF"), null=True, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256 des PDF"), max_length=64, blank=True, editable=False)
    published = models.BooleanField(_("auf der Website veröffentlicht"), default=False, editable=False)

    objects = scoped_manager(AnnualReportQuerySet)
    history = History(excluded_fields=["pdf"])

    class Meta:
        verbose_name = _("Jahresbericht")
        verbose_name_plural = _("Jahresberichte")
        ordering = ["-year"]
        permissions = [("approve_annualreport", _("Kann den Jahresbericht freigeben"))]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "year"], name="finances_report_year_per_alliance")
        ]

    def __str__(self):
        return _("Jahresbericht %(year)s") % {"year": self.year}

    def get_absolute_url(self):
        return reverse("admin:finances_annualreport_change", args=[self.pk])

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED
