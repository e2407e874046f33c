"""Partners, the organisations that signed the declaration, and their membership periods."""

from django.conf import settings
from django.db import models
from django.db.models import Case, Exists, Max, Min, OuterRef, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buendnis.fragments import remembered
from buendnis.history import History
from buendnis.lib.choices import choice_label
from buendnis.lib.images import logo_upload_to
from buendnis.lib.languages import language_field
from buendnis.lib.text import SLUG_HELP, name_key
from buendnis.tenancy import AllianceOwned, alliance_accounts, scoped_manager

# After this many reminders of the yearly check without an answer, a partner counts as
# unreachable: the dashboard lists it, and no further reminder is sent.
MAX_REMINDERS = 2


def open_period(prefix=""):
    """What an open signature is (its membership period has not ended): a condition on a
    signature, or with `prefix` ("signatures__", "membership__") on a row linked to one.
    `Signature.objects.open()` and the rule of one open period per partner use it too."""
    return Q(**{f"{prefix}withdrawn_at__isnull": True})


def public_partner(prefix=""):
    """What the public sees of a partner (an active member shown in the directory): a
    condition on a partner, or with `prefix` ("partner__") on a row linked to one."""
    return Q(**{f"{prefix}is_member": True, f"{prefix}listed": True})


class PartnerQuerySet(models.QuerySet):
    def _signatures(self):
        return Signature.objects.filter(partner=OuterRef("pk"))

    def active(self):
        """Partners with a confirmed membership period that has not ended."""
        return self.filter(is_member=True)

    def _waiting(self):
        return Exists(self._signatures().unconfirmed())

    def pending(self):
        """Partners whose open signature still waits for confirmation."""
        return self.filter(self._waiting(), is_member=False)

    def withdrawn(self):
        """Former partners: no open signature, confirmed or not."""
        return self.filter(is_member=False).exclude(self._waiting())

    def with_status(self):
        """Annotate `membership`: one of `Signature.Status` (see `Partner.get_status_display`)."""
        return self.annotate(
            membership=Case(
                When(is_member=True, then=Value(Signature.Status.ACTIVE)),
                When(self._waiting(), then=Value(Signature.Status.UNCONFIRMED)),
                default=Value(Signature.Status.WITHDRAWN),
            )
        )

    def public(self):
        """What the public sees: active partners shown in the directory."""
        return self.filter(public_partner())

    def with_partner_since(self):
        """Annotate `partner_since`: when the current membership period began, that is, when
        its declaration was signed (for a paper signature the date on paper, not the day
        the coordinator entered it)."""
        return self.annotate(
            partner_since=Max(
                "signatures__signed_at",
                filter=Q(signatures__confirmed_at__isnull=False) & open_period("signatures__"),
            ),
            first_signed=Min("signatures__signed_at"),
        )

    def founding(self):
        """Every organisation that signed at the founding, also those that left later: the
        Gründungsurkunde is a record of the founding (an unconfirmed sign-up never was)."""
        return self.filter(founding_partner=True).filter(
            Exists(self._signatures().filter(confirmed_at__isnull=False))
        )

    def possible_duplicates(self):
        """Sign-ups whose name matches an existing record; the coordination decides."""
        return self.filter(possible_duplicate__isnull=False)



class Partner(AllianceOwned):
    """An organisation that signed the declaration (possibly several times)."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "kommune", _("Kommune")
        COMPANY = "unternehmen", _("Unternehmen")
        CHAMBER = "kammer", _("Kammer/Verband")
        UNION = "gewerkschaft", _("Gewerkschaft")
        JOB_CENTRE = "arbeitsagentur", _("Agentur für Arbeit/Jobcenter")
        FOUNDATION = "stiftung", _("Stiftung")
        SCHOOL = "bildung", _("Hochschule/Schule")
        HEALTH = "gesundheit", _("Krankenhaus/Gesundheit")
        CHURCH = "kirche", _("Kirche/Religionsgemeinschaft")
        YOUTH_WELFARE = "jugendhilfe", _("Träger der Kinder- und Jugendhilfe")
        ASSOCIATION = "verein", _("Verein/Initiative")
        OTHER = "sonstige", _("Sonstige")

    name = models.CharField(_("Name der Organisation"), max_length=200)
    slug = models.SlugField(_("Adresse auf der Website"), max_length=220, help_text=SLUG_HELP)
    kind = models.CharField(_("Art der Organisation"), max_length=20, choices=Kind.choices)
    town = models.CharField(_("Ort"), max_length=100, blank=True)
    website = models.URLField(_("Website"), blank=True)
    description = models.TextField(_("Kurzbeschreibung"), max_length=1000, blank=True)
    contribution = models.TextField(
        _("So wirken wir mit"),
        max_length=2000,
        blank=True,
        help_text=_("In welcher Form und mit welchen Ressourcen die Organisation mitwirkt."),
    )
    fields_of_action = models.ManyToManyField(
        "buendnis.FieldOfAction",
        verbose_name=_("Handlungsfelder von Interesse"),
        blank=True,
        related_name="interested_partners",
    )
    logo = models.ImageField(_("Logo"), upload_to=logo_upload_to, blank=True)

    # Contact person: never shown publicly, erased on withdrawal.
    contact_name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    contact_email = models.EmailField(_("E-Mail der Ansprechperson"), blank=True, db_index=True)
    contact_phone = models.CharField(_("Telefon der Ansprechperson"), max_length=50, blank=True)
    mailings_unsubscribed_at = models.DateTimeField(
        _("Rundmails abbestellt am"),
        null=True,
        blank=True,
        help_text=_("Über den Abmeldelink einer Rundmail. Einladungen und andere E-Mails kommen weiter."),
    )

    # The language of its signature, or chosen on its management page: its e-mails,
    # invitations and certificate are in it.
    language = language_field()

    listed = models.BooleanField(
        _("im Verzeichnis gezeigt"),
        default=True,
        help_text=_("Nur gezeigte, aktive Partner erscheinen öffentlich."),
    )
    wants_listing = models.BooleanField(
        _("möchte öffentlich genannt werden"),
        default=True,
        help_text=_(
            "Einwilligung der Organisation, im Verzeichnis genannt zu werden. Ohne sie bleibt "
            "der Eintrag verborgen, auch wenn die Koordination ihn freigibt."
        ),
    )
    founding_partner = models.BooleanField(
        _("Gründungspartner"),
        default=False,
        help_text=_(
            "Hat bei der Gründung unterzeichnet. Die Gründungsurkunde nennt alle Gründungspartner, "
            "auch nach einem Austritt, soweit sie der Nennung zugestimmt haben."
        ),
    )
    # The name folded for comparison (buendnis.lib.text.name_key), kept by save().
    name_key = models.CharField(
        _("Vergleichsname"), max_length=200, default="", editable=False, db_index=True
    )
    possible_duplicate = models.ForeignKey(
        "self",
        verbose_name=_("möglicherweise dieselbe Organisation wie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Eine Unterzeichnung mit demselben Namen wie ein bestehender Eintrag. Sie erscheint "
            "erst im Verzeichnis, wenn die Koordination entschieden hat."
        ),
    )
    reminders_sent = models.PositiveSmallIntegerField(
        _("Erinnerungen der jährlichen Prüfung"), default=0, editable=False
    )
    last_reminder_at = models.DateTimeField(_("zuletzt erinnert am"), null=True, blank=True, editable=False)
    # Kept by the database itself (triggers in migration 0092), whatever writes the
    # signatures: the directory counts and sorts 13,000 partners by it (issue 8).
    is_member = models.BooleanField(
        _("aktives Mitglied"),
        default=False,
        editable=False,
        help_text=_("Hat eine bestätigte, nicht beendete Unterzeichnung."),
    )
    entry_confirmed_at = models.DateTimeField(
        _("Eintrag zuletzt bestätigt"),
        null=True,
        blank=True,
        help_text=_("Wann der Partner seinen Eintrag zuletzt bestätigt oder geändert hat."),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = scoped_manager(PartnerQuerySet)
    # Contact data is erased on withdrawal, so it never enters the history;
    # `is_member` follows the signatures, which have their own history.
    history = History(
        excluded_fields=["contact_name", "contact_email", "contact_phone", "is_member", "name_key"],
        m2m_fields=[fields_of_action],
    )

    class Meta:
        verbose_name = _("Partner")
        verbose_name_plural = _("Partner")
        ordering = ["name"]
        indexes = [
            # The public directory: listed members in alphabetical order, and their count.
            # With the id, any page's ids come from the index alone (paging.paginate).
            models.Index(
                fields=["alliance", "name", "id"],
                condition=public_partner(),
                name="partner_directory_idx",
            ),
            models.Index(
                fields=["alliance", "kind", "name", "id"],
                condition=public_partner(),
                name="partner_directory_kind_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "slug"], name="partner_unique_slug"),
            # Shown in the directory only with the organisation's consent to being named.
            models.CheckConstraint(
                condition=Q(listed=False) | Q(wants_listing=True), name="partner_listed_needs_consent"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("partners:detail", kwargs={"slug": self.slug})

    def get_kind_display(self):
        return choice_label(self.Kind, self.kind)

    def get_status_display(self):
        """aktiv, unbestätigt or ausgetreten; read from `with_status()` when loaded with it."""
        membership = getattr(self, "membership", None)
        if membership is None:
            membership = Partner.objects.with_status().values_list("membership", flat=True).get(pk=self.pk)
        return Signature.Status(membership).label


def public_partner_count():
    """How many partners the directory shows; the home page and every filtered list
    name it. Remembered per content version (`buendnis.fragments.remembered`)."""
    return remembered("public_partner_count", lambda: Partner.objects.public().count())


class SignatureQuerySet(models.QuerySet):
    def open(self):
        """Open signatures: the membership period has not ended (confirmed or waiting).
        A partner has at most one (`signature_one_open_period`)."""
        return self.filter(open_period())

    def unconfirmed(self):
        return self.open().filter(confirmed_at__isnull=True)

    def active(self):
        return self.open().filter(confirmed_at__isnull=False)

    def public(self):
        """The open periods of the partners the public sees, one each: the newest of
        them are read from the signatures' index (home page, feed) instead of from every
        partner's signatures."""
        return self.active().filter(public_partner("partner__"))


class Signature(AllianceOwned):
    """One membership period of a partner. Re-joining adds a new one."""

    class Source(models.TextChoices):
        ONLINE = "online", _("online")
        PAPER = "paper", _("auf Papier")

    # Never deleted with its partner: a partner with membership periods is not deleted
    # (it withdraws), and history is not lost to a cascade (RESTRICT: only deleting the
    # whole alliance, which owns both, removes them together).
    partner = models.ForeignKey(
        Partner, verbose_name=_("Partner"), on_delete=models.RESTRICT, related_name="signatures"
    )
    declaration = models.ForeignKey(
        "partners.Declaration",
        verbose_name=_("unterzeichnete Fassung"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    signed_at = models.DateTimeField(
        _("unterzeichnet am"),
        default=timezone.now,
        help_text=_("Auf Papier: das Datum der Unterschrift. Ab dann ist die Organisation Partner."),
    )
    confirmed_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("ausgetreten am"), null=True, blank=True)
    source = models.CharField(
        _("Quelle"), max_length=10, choices=Source.choices, default=Source.ONLINE
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        limit_choices_to=alliance_accounts,
        verbose_name=_("erfasst von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Wer eine Unterzeichnung auf Papier eingetragen hat."),
    )
    entered_at = models.DateTimeField(_("erfasst am"), null=True, blank=True)
    # Kept apart from `entered_by`: recording a withdrawal never overwrites who entered
    # the paper signature.
    withdrawal_entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        limit_choices_to=alliance_accounts,
        verbose_name=_("Austritt erfasst von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Wer einen Austritt per Brief oder Anruf eingetragen hat."),
    )
    withdrawal_entered_at = models.DateTimeField(_("Austritt erfasst am"), null=True, blank=True)
    signed_by = models.CharField(
        _("unterzeichnet von"),
        max_length=200,
        blank=True,
        help_text=_("Name der unterzeichnenden Person; wird beim Austritt gelöscht."),
    )

    # The language the declaration was signed in online (German on paper).
    language = language_field(
        help_text=_("In dieser Sprache wurde unterzeichnet; die Bestätigung kommt in ihr.")
    )

    objects = scoped_manager(SignatureQuerySet)
    history = History(excluded_fields=["signed_by"])

    class Meta:
        verbose_name = _("Unterzeichnung")
        verbose_name_plural = _("Unterzeichnungen")
        ordering = ["-signed_at"]
        constraints = [
            # At most one open membership period per partner.
            models.UniqueConstraint(
                fields=["partner"],
                condition=open_period(),
                name="signature_one_open_period",
            ),
        ]
        indexes = [
            models.Index(fields=["alliance", "confirmed_at", "withdrawn_at"], name="signature_state_idx"),
            # Is this partner a member? Answered from the index alone.
            models.Index(
                fields=["partner", "withdrawn_at", "confirmed_at"], name="signature_open_idx"
            ),
            # The newest memberships first (the feed of new partners) without sorting all.
            models.Index(fields=["alliance", "signed_at"], name="signature_signed_idx"),
        ]

    def __str__(self):
        return f"{self.partner} – {self.get_status_display()}"

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("unbestätigt")
        ACTIVE = "active", _("aktiv")
        WITHDRAWN = "withdrawn", _("ausgetreten")

    @property
    def status(self):
        if self.withdrawn_at:
            return self.Status.WITHDRAWN
        if self.confirmed_at:
            return self.Status.ACTIVE
        return self.Status.UNCONFIRMED

    def get_status_display(self):
        return self.Status(self.status).label
