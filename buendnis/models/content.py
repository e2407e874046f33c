"""What an alliance writes about itself: its history, its pages, its fields of action."""


from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buendnis import site_pages
from buendnis.history import History
from buendnis.lib.text import SLUG_HELP
from buendnis.lib.translation_state import TranslationStateField
from buendnis.models.legal import LegalDetails
from buendnis.tenancy import AllianceOwned, scoped_manager


class MilestoneQuerySet(models.QuerySet):
    def chronological(self):
        return self.order_by("date", "pk")


class Milestone(AllianceOwned):
    date = models.DateField(_("Datum"), help_text=_("Für die Reihenfolge der Zeitleiste."))
    date_label = models.CharField(
        _("Angezeigtes Datum"),
        max_length=60,
        blank=True,
        help_text=_("Optional, z. B. „Herbst 2015“; sonst wird das Datum gezeigt."),
    )
    title = models.CharField(_("Titel"), max_length=200)
    text = models.TextField(_("Text"), blank=True)

    translation_state = TranslationStateField()
    objects = scoped_manager(MilestoneQuerySet)

    class Meta:
        verbose_name = _("Eintrag der Chronik")
        verbose_name_plural = _("Chronik des Bündnisses")
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.display_date}: {self.title}"

    @property
    def display_date(self):
        return self.date_label or self.date.strftime("%d.%m.%Y")


class PageQuerySet(models.QuerySet):
    def public(self):
        return self.filter(published=True)


class Page(LegalDetails, AllianceOwned):
    """A content page. The legal ones (Impressum, Datenschutz, Barrierefreiheit) are
    built from their facts (`LegalDetails`); their body holds optional further
    sections. No page is published while a required fact is missing or a `[…]`
    placeholder remains."""

    class Slug(models.TextChoices):
        ABOUT = "buendnis", _("Über das Bündnis (Ergänzung)")
        LEGAL_NOTICE = "impressum", _("Impressum")
        PRIVACY = "datenschutz", _("Datenschutz")
        ACCESSIBILITY = "barrierefreiheit", _("Barrierefreiheit")
        # Leichte Sprache has its own pages (`buendnis.models.easy_read`).

    slug = models.SlugField(_("Seite"), max_length=40, choices=Slug.choices)
    title = models.CharField(_("Titel"), max_length=200)
    body = models.TextField(
        _("Inhalt"),
        blank=True,
        help_text=_("Bei Impressum, Datenschutz und Barrierefreiheit: weitere Abschnitte, wenn nötig."),
    )
    published = models.BooleanField(_("veröffentlicht"), default=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    translation_state = TranslationStateField()
    objects = scoped_manager(PageQuerySet)
    history = History()

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")
        ordering = ["slug"]
        constraints = [models.UniqueConstraint(fields=["alliance", "slug"], name="page_unique_slug")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.published and self.alliance_id:
            problems = self.publication_problems()
            if problems:
                raise ValidationError(
                    [_("Die Seite kann noch nicht veröffentlicht werden.")] + problems
                )

    def get_absolute_url(self):
        if self.slug == self.Slug.ABOUT:
            return reverse("buendnis:about")
        return reverse("buendnis:page", kwargs={"slug": self.slug})


class FieldOfActionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(published=True)


class FieldOfAction(AllianceOwned):
    """A Handlungsfeld: the topics that group the alliance's work.

    It belongs to the alliance's core: partners name the fields they care about, and
    working groups and projects belong to one. Its pages live in `arbeitsgruppen`.
    """

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Adresse auf der Website"), max_length=220, help_text=SLUG_HELP)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=400, blank=True)
    description = models.TextField(
        _("Beschreibung"), blank=True, help_text=_("Einfaches HTML ist erlaubt.")
    )
    position = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    published = models.BooleanField(_("veröffentlicht"), default=True)

    translation_state = TranslationStateField()
    objects = scoped_manager(FieldOfActionQuerySet)
    history = History()

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["alliance", "slug"], name="field_unique_slug")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # Its page is the working groups' (buendnis.site_pages).
        return site_pages.address(site_pages.FIELD, slug=self.slug)
