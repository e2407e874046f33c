import re
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buendnis import tenancy
from buendnis.history import History
from buendnis.lib.images import logo_upload_to
from buendnis.tenancy import AllianceOwned, scoped_manager


class AllianceQuerySet(models.QuerySet):
    def active(self):
        """Alliances whose portal is online (not suspended by the Servicestelle)."""
        return self.filter(suspended_at__isnull=True)


class Alliance(models.Model):
    """An alliance: the tenant that every other row belongs to.

    One installation serves any number of alliances, each on its own domain(s)
    (`Domain`); `Alliance.current()` is the one whose scope is active.
    """

    slug = models.SlugField(
        _("Kennung"),
        max_length=60,
        unique=True,
        help_text=_("Kurz und dauerhaft, z. B. „musterhausen“; für Befehle und Sicherungen."),
    )
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
    postal_codes = models.TextField(
        _("Postleitzahlen"),
        blank=True,
        help_text=_("Die Postleitzahlen des Gebiets, durch Leerzeichen getrennt: für die Bündnissuche."),
    )
    sender_name = models.CharField(
        _("Absendername der E-Mails"), max_length=200, blank=True,
        help_text=_("Leer: der Name des Bündnisses."),
    )
    sender_email = models.EmailField(
        _("Absenderadresse der E-Mails"), blank=True,
        help_text=_("Leer: die Absenderadresse der Installation."),
    )
    reply_to_email = models.EmailField(
        _("Antworten an"), blank=True,
        help_text=_("Wohin Antworten auf die E-Mails des Portals gehen. Leer: an die Koordination."),
    )
    class DataLicence(models.TextChoices):
        DL_ZERO = "dl-de/zero-2-0", "Datenlizenz Deutschland – Zero – Version 2.0"
        DL_BY = "dl-de/by-2-0", "Datenlizenz Deutschland – Namensnennung – Version 2.0"
        CC0 = "cc0-1.0", "Creative Commons Zero 1.0 (CC0)"
        CC_BY = "cc-by-4.0", "Creative Commons Namensnennung 4.0 (CC BY 4.0)"

    data_licence = models.CharField(
        _("Lizenz der offenen Daten"),
        max_length=20,
        choices=DataLicence.choices,
        default=DataLicence.DL_ZERO,
        help_text=_("Unter dieser Lizenz stehen die öffentlichen Daten (Schnittstelle, Downloads)."),
    )
    embed_hosts = models.TextField(
        _("Websites, die einbetten dürfen"),
        blank=True,
        help_text=_(
            "Eine Adresse je Zeile, z. B. https://www.landkreis-musterhausen.de – nur diese "
            "Websites dürfen Partnerliste und Termine als Kasten einbinden."
        ),
    )
    moderate_new_partners = models.BooleanField(
        _("Neue Partner erst nach Freigabe zeigen"),
        default=False,
        help_text=_(
            "Ist dies aktiv, erscheinen bestätigte Partner erst im Verzeichnis, wenn die "
            "Koordination sie freigibt."
        ),
    )
    suspended_at = models.DateTimeField(
        _("stillgelegt seit"), null=True, blank=True,
        help_text=_("Ein stillgelegtes Bündnis ist nicht erreichbar; seine Daten bleiben."),
    )
    created_at = models.DateTimeField(_("angelegt am"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = AllianceQuerySet.as_manager()
    history = History(excluded_fields=["suspended_at"])

    class Meta:
        verbose_name = _("Bündnisprofil")
        verbose_name_plural = _("Bündnisprofil")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        wrong = [
            origin for origin in self.embedding_hosts
            if not re.fullmatch(r"https?://[a-z0-9.-]+(:\d+)?", origin.lower())
        ]
        if wrong:
            raise ValidationError({"embed_hosts": _(
                "Bitte nur Adressen wie https://www.landkreis.de angeben, ohne Pfad: %(wrong)s"
            ) % {"wrong": ", ".join(wrong)}})

    @classmethod
    def current(cls):
        """The alliance whose scope is active (see `buendnis.tenancy`)."""
        return tenancy.current_alliance()

    @property
    def is_suspended(self):
        return self.suspended_at is not None

    @property
    def primary_domain(self):
        domains = [domain for domain in self.domains.all() if domain.is_primary]
        return domains[0].name if domains else None

    @property
    def base_url(self):
        """Where the alliance's portal is, for links made outside a request (e-mails,
        calendar files, PDFs, feeds): its main domain, with the scheme and port of
        SITE_URL; without a domain (a single alliance), SITE_URL itself."""
        site = urlsplit(settings.SITE_URL)
        domain = self.primary_domain
        if not domain:
            return settings.SITE_URL
        port = f":{site.port}" if site.port else ""
        return f"{site.scheme}://{domain}{port}"

    @property
    def from_email(self):
        """The sender of the alliance's e-mails, with its own name ("Name <address>";
        Django encodes it for the header)."""
        address = self.sender_email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        name = " ".join((self.sender_name or self.display_name).split())
        if re.search(r'[()<>@,;:\\".\[\]]', name):
            name = '"{}"'.format(name.replace("\\", "\\\\").replace('"', '\\"'))
        return f"{name} <{address}>"

    LICENCE_URLS = {
        "dl-de/zero-2-0": "https://www.govdata.de/dl-de/zero-2-0",
        "dl-de/by-2-0": "https://www.govdata.de/dl-de/by-2-0",
        "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/deed.de",
        "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/deed.de",
    }

    @property
    def licence_url(self):
        return self.LICENCE_URLS[self.data_licence]

    @property
    def embedding_hosts(self):
        """The origins allowed to embed the alliance's boxes (frame-ancestors)."""
        return [line.strip().rstrip("/") for line in self.embed_hosts.splitlines() if line.strip()]

    @property
    def reply_to(self):
        address = self.reply_to_email or self.coordinator_email or self.email
        return [address] if address else []

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


hostname = RegexValidator(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$",
    _("Ein Domainname in Kleinbuchstaben ohne http:// und ohne Pfad, z. B. buendnis-nordheim.de."),
)


class Domain(models.Model):
    """A host name an alliance is served on: its main domain, or an alias that
    redirects to the main domain."""

    alliance = models.ForeignKey(
        Alliance, verbose_name=_("Bündnis"), on_delete=models.CASCADE, related_name="domains"
    )
    name = models.CharField(_("Domain"), max_length=253, unique=True, validators=[hostname])
    is_primary = models.BooleanField(
        _("Hauptdomain"), default=False,
        help_text=_("Die übrigen Domains des Bündnisses leiten auf die Hauptdomain weiter."),
    )

    class Meta:
        verbose_name = _("Domain")
        verbose_name_plural = _("Domains")
        ordering = ["-is_primary", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance"], condition=models.Q(is_primary=True), name="one_primary_domain"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = self.name.strip().lower()
        super().save(*args, **kwargs)


class Account(AllianceOwned):
    """A person's admin account belongs to one alliance: it logs in on that alliance's
    domain only and sees that alliance's data only. Superusers (the Servicestelle)
    have none."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("Benutzer"), on_delete=models.CASCADE,
        related_name="account",
    )

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Zugang")
        verbose_name_plural = _("Zugänge")

    def __str__(self):
        return str(self.user)


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

    objects = scoped_manager(MilestoneQuerySet)

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


class Page(AllianceOwned):
    class Slug(models.TextChoices):
        ABOUT = "buendnis", _("Über das Bündnis (Ergänzung)")
        LEGAL_NOTICE = "impressum", _("Impressum")
        PRIVACY = "datenschutz", _("Datenschutz")
        ACCESSIBILITY = "barrierefreiheit", _("Barrierefreiheit")
        EASY_LANGUAGE = "leichte-sprache", _("Leichte Sprache")

    slug = models.SlugField(_("Seite"), max_length=40, choices=Slug.choices)
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

    objects = scoped_manager(PageQuerySet)
    history = History()

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")
        ordering = ["slug"]
        constraints = [models.UniqueConstraint(fields=["alliance", "slug"], name="page_unique_slug")]

    def __str__(self):
        return self.title

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
    slug = models.SlugField(_("Kurzadresse"), max_length=220)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=400, blank=True)
    description = models.TextField(
        _("Beschreibung"), blank=True, help_text=_("Einfaches HTML ist erlaubt.")
    )
    position = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    published = models.BooleanField(_("veröffentlicht"), default=True)

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
        return reverse("arbeitsgruppen:field_detail", kwargs={"slug": self.slug})


class RateLimitCounter(models.Model):
    """Counts hits per key and time window, shared by every worker process.

    The key begins with the alliance (`buendnis.ratelimit.hit`): an alliance's counters
    are its own, and those of the installation's own domain (the Servicestelle's login)
    belong to none.
    """

    alliance = models.ForeignKey(
        Alliance, verbose_name=_("Bündnis"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
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


class ContentVersion(AllianceOwned):
    """One row per alliance whose number changes whenever its public content may have
    changed.

    The page cache (`buendnis/pagecache.py`) puts the number into every cache
    key, so bumping it retires every cached page of the alliance in every worker
    process and on every app server that shares the database.
    """

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Inhaltsstand")
        verbose_name_plural = _("Inhaltsstand")
        default_permissions = ()  # internal: nobody edits it, no role needs rights on it
        constraints = [models.UniqueConstraint(fields=["alliance"], name="one_content_version")]

    def __str__(self):
        return str(self.version)
