from urllib.parse import urlsplit

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buendnis import tenancy
from buendnis.history import History
from buendnis.lib.images import logo_upload_to
from buendnis.lib.translation_state import TranslationStateField
from buendnis.models.alliance_settings import LanguageSettings, MailSettings, OpenDataSettings
from buendnis.tenancy import AllianceOwned, scoped_manager


class AllianceQuerySet(models.QuerySet):
    def active(self):
        """Alliances whose portal is online (not suspended by the Servicestelle)."""
        return self.filter(suspended_at__isnull=True)


class Alliance(MailSettings, OpenDataSettings, LanguageSettings, models.Model):
    """An alliance: the tenant that every other row belongs to.

    One installation serves any number of alliances, each on its own domain(s)
    (`Domain`); `Alliance.current()` is the one whose scope is active. Its mail and
    open-data settings are concerns of their own (`buendnis/models/alliance_settings.py`).
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

    translation_state = TranslationStateField()
    objects = AllianceQuerySet.as_manager()
    history = History(excluded_fields=["suspended_at"])

    class Meta:
        verbose_name = _("Bündnisprofil")
        verbose_name_plural = _("Bündnisprofil")
        ordering = ["name"]

    def __str__(self):
        return self.name

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
