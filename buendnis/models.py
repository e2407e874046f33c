from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buendnis.history import History
from buendnis.lib.images import logo_upload_to


class Alliance(models.Model):
    """The alliance itself. There is exactly one; `Alliance.load()` returns it."""

    name = models.CharField(_("Name"), max_length=200)
    short_name = models.CharField(
        _("Kurzname"), max_length=80, blank=True, help_text=_("z. B. „Bündnis Musterhausen“")
    )
    region = models.CharField(_("Region"), max_length=200, blank=True)
    tagline = models.CharField(_("Leitsatz"), max_length=300, blank=True)
    introduction = models.TextField(
        _("Kurzvorstellung"), blank=True, help_text=_("Erscheint auf der Startseite.")
    )
    what_is_a_local_alliance = models.TextField(_("Was ist ein Lokales Bündnis?"), blank=True)
    goals = models.TextField(
        _("Ziele"), blank=True, help_text=_("Ein Ziel pro Zeile; erscheint als Liste.")
    )
    how_we_work = models.TextField(_("So arbeitet das Bündnis"), blank=True)
    coordination_text = models.TextField(_("Koordination"), blank=True)
    steering_group_text = models.TextField(_("Steuerungsgruppe"), blank=True)
    office_text = models.TextField(_("Geschäftsstelle"), blank=True)
    working_groups_text = models.TextField(_("Arbeitsgruppen"), blank=True)

    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("PLZ"), max_length=10, blank=True)
    town = models.CharField(_("Ort"), max_length=100, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)

    founding_date = models.DateField(_("Gründungsdatum"), null=True, blank=True)
    founding_place = models.CharField(_("Gründungsort"), max_length=200, blank=True)
    founding_text = models.TextField(
        _("Gründungstext"), blank=True, help_text=_("Text der Gründungsurkunde.")
    )

    coordinator_title = models.CharField(
        _("Bezeichnung der Koordination"), max_length=100, default="Koordinatorin"
    )
    coordinator_name = models.CharField(_("Name der Koordination"), max_length=200, blank=True)
    coordinator_email = models.EmailField(
        _("E-Mail der Koordination"),
        blank=True,
        help_text=_("Erhält Benachrichtigungen über neue Partner, Anregungen und Austritte."),
    )
    coordinator_phone = models.CharField(_("Telefon der Koordination"), max_length=50, blank=True)

    logo = models.ImageField(_("Logo"), upload_to=logo_upload_to, blank=True)
    moderate_new_partners = models.BooleanField(
        _("Neue Partner erst nach Freigabe zeigen"),
        default=False,
        help_text=_(
            "Ist dies aktiv, erscheinen bestätigte Partner erst im Verzeichnis, wenn die "
            "Koordination sie freigibt."
        ),
    )
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    history = History()

    class Meta:
        verbose_name = _("Bündnisprofil")
        verbose_name_plural = _("Bündnisprofil")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # A singleton: every save writes row 1.
        self.pk = 1
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Das Bündnisprofil kann nicht gelöscht werden."))

    @classmethod
    def load(cls):
        alliance, _created = cls.objects.get_or_create(
            pk=1, defaults={"name": "Lokales Bündnis für Familie"}
        )
        return alliance

    @property
    def goal_list(self):
        return [line.strip(" -•\t") for line in self.goals.splitlines() if line.strip(" -•\t")]

    @property
    def display_name(self):
        return self.short_name or self.name

    @property
    def address_lines(self):
        town_line = " ".join(part for part in (self.postal_code, self.town) if part)
        return [line for line in (self.street, town_line) if line]

    @property
    def notification_email(self):
        return self.coordinator_email or self.email


class MilestoneQuerySet(models.QuerySet):
    def chronological(self):
        return self.order_by("date", "pk")


class Milestone(models.Model):
    date = models.DateField(_("Datum"), help_text=_("Für die Reihenfolge der Zeitleiste."))
    date_label = models.CharField(
        _("Angezeigtes Datum"),
        max_length=60,
        blank=True,
        help_text=_("Optional, z. B. „Herbst 2015“; sonst wird das Datum gezeigt."),
    )
    title = models.CharField(_("Titel"), max_length=200)
    text = models.TextField(_("Text"), blank=True)

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine (Geschichte)")
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.display_date}: {self.title}"

    @property
    def display_date(self):
        return self.date_label or self.date.strftime("%d.%m.%Y")


class PageQuerySet(models.QuerySet):
    def public(self):
        return self.filter(published=True)


class Page(models.Model):
    class Slug(models.TextChoices):
        ABOUT = "buendnis", _("Über das Bündnis (Ergänzung)")
        LEGAL_NOTICE = "impressum", _("Impressum")
        PRIVACY = "datenschutz", _("Datenschutz")
        ACCESSIBILITY = "barrierefreiheit", _("Barrierefreiheit")
        EASY_LANGUAGE = "leichte-sprache", _("Leichte Sprache")

    slug = models.SlugField(_("Seite"), max_length=40, choices=Slug.choices, unique=True)
    title = models.CharField(_("Titel"), max_length=200)
    body = models.TextField(
        _("Inhalt"),
        help_text=_(
            "Einfaches HTML ist erlaubt (Absätze, Überschriften, Listen, Links, Fettdruck); "
            "alles andere wird entfernt."
        ),
    )
    published = models.BooleanField(_("veröffentlicht"), default=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = PageQuerySet.as_manager()
    history = History()

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")
        ordering = ["slug"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.slug == self.Slug.ABOUT:
            return reverse("buendnis:about")
        return reverse("buendnis:page", kwargs={"slug": self.slug})


class FieldOfActionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(published=True)


class FieldOfAction(models.Model):
    """A Handlungsfeld: the topics that group the alliance's work.

    It belongs to the alliance's core: partners name the fields they care about, and
    working groups and projects belong to one. Its pages live in `arbeitsgruppen`.
    """

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzadresse"), max_length=220, unique=True)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=400, blank=True)
    description = models.TextField(
        _("Beschreibung"), blank=True, help_text=_("Einfaches HTML ist erlaubt.")
    )
    position = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    published = models.BooleanField(_("veröffentlicht"), default=True)

    objects = FieldOfActionQuerySet.as_manager()
    history = History()

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("arbeitsgruppen:field_detail", kwargs={"slug": self.slug})


class RateLimitCounter(models.Model):
    """Counts hits per key and time window, shared by every worker process."""

    key = models.CharField(max_length=200)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("Zähler der Ratenbegrenzung")
        verbose_name_plural = _("Zähler der Ratenbegrenzung")
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="ratelimit_unique_window")
        ]

    def __str__(self):
        return f"{self.key} @ {self.window_start}: {self.count}"


class ContentVersion(models.Model):
    """One row whose number changes whenever public content may have changed.

    The page cache (`buendnis/pagecache.py`) puts the number into every cache
    key, so bumping it retires every cached page in every worker process and on
    every app server that shares the database.
    """

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Inhaltsstand")
        verbose_name_plural = _("Inhaltsstand")
        default_permissions = ()  # internal: nobody edits it, no role needs rights on it

    def __str__(self):
        return str(self.version)
