from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat, Upper
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buendnis.fragments import remembered
from buendnis.history import History
from buendnis.lib.choices import choice_label
from buendnis.lib.images import picture_upload_to
from buendnis.lib.text import SLUG_HELP
from buendnis.lib.translation_state import TranslationStateField
from buendnis.tenancy import AllianceOwned, alliance_accounts, scoped_manager


class WorkingGroupQuerySet(models.QuerySet):
    def public(self):
        """What the public sees: published groups in a published field of action."""
        return self.filter(published=True, field_of_action__published=True)

    def active(self):
        return self.filter(status=WorkingGroup.Status.ACTIVE)


class WorkingGroup(AllianceOwned):
    """An Arbeitsgruppe. It belongs to a field of action and runs projects."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("aktiv")
        COMPLETED = "completed", _("abgeschlossen")
        DISCONTINUED = "discontinued", _("eingestellt")

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Adresse auf der Website"), max_length=220, help_text=SLUG_HELP)
    field_of_action = models.ForeignKey(
        "buendnis.FieldOfAction",
        verbose_name=_("Handlungsfeld"),
        on_delete=models.PROTECT,
        related_name="working_groups",
    )
    mandate = models.TextField(_("Auftrag"), help_text=_("Der aktuelle Auftrag der Gruppe."))
    description = models.TextField(
        _("Beschreibung"), blank=True, help_text=_("Einfaches HTML ist erlaubt.")
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    started_on = models.DateField(_("gestartet am"), null=True, blank=True)
    ended_on = models.DateField(_("beendet am"), null=True, blank=True)
    members = models.ManyToManyField(
        "partners.Partner",
        verbose_name=_("mitwirkende Partner"),
        blank=True,
        related_name="working_groups",
    )
    leads = models.ManyToManyField(
        "auth.User",
        limit_choices_to=alliance_accounts,
        verbose_name=_("AG-Leitung (Benutzerkonten)"),
        blank=True,
        related_name="led_working_groups",
    )
    public_contact = models.CharField(
        _("Öffentlicher Kontakt"),
        max_length=300,
        blank=True,
        help_text=_(
            "z. B. „über die Koordinatorin“. Keine privaten E-Mail-Adressen: Nachrichten laufen "
            "über das Kontaktformular an die Koordination."
        ),
    )
    published = models.BooleanField(_("veröffentlicht"), default=True)

    translation_state = TranslationStateField()
    objects = scoped_manager(WorkingGroupQuerySet)
    # Who leads a group is a matter of accounts, not of the group's public record.
    history = History(m2m_fields=[members])

    class Meta:
        verbose_name = _("Arbeitsgruppe")
        verbose_name_plural = _("Arbeitsgruppen")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["alliance", "slug"], name="group_unique_slug")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("arbeitsgruppen:group_detail", kwargs={"slug": self.slug})

    def get_status_display(self):
        return choice_label(self.Status, self.status)

    def clean(self):
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError(
                {"ended_on": _("Das Ende darf nicht vor dem Beginn liegen.")}
            )


class Mandate(AllianceOwned):
    """An earlier mandate of a working group that carried on with a new one."""

    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("Arbeitsgruppe"),
        on_delete=models.CASCADE,
        related_name="earlier_mandates",
    )
    text = models.TextField(_("Auftrag"))
    started_on = models.DateField(_("von"), null=True, blank=True)
    ended_on = models.DateField(_("bis"), null=True, blank=True)
    outcome = models.TextField(_("Ergebnis"), blank=True)

    objects = scoped_manager()
    history = History()

    class Meta:
        verbose_name = _("früherer Auftrag")
        verbose_name_plural = _("frühere Aufträge")
        ordering = ["-started_on", "-pk"]

    def __str__(self):
        return self.text[:60]


class TargetGroup(AllianceOwned):
    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(_("Adresse auf der Website"), max_length=120, help_text=SLUG_HELP)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "name"], name="target_group_unique_name"),
            models.UniqueConstraint(fields=["alliance", "slug"], name="target_group_unique_slug"),
        ]

    def __str__(self):
        return self.name


class ProjectQuerySet(models.QuerySet):
    def public(self):
        """What the public sees: published projects whose field and group are published too."""
        return self.filter(published=True, field_of_action__published=True).filter(
            models.Q(working_group__isnull=True) | models.Q(working_group__published=True)
        )

    def running(self):
        return self.filter(status=Project.Status.RUNNING)

    def search(self, text):
        """Projects whose title, summary or description contain `text`, in any case."""
        return self.filter(search_text__contains=Upper(Value(text)))


class Project(AllianceOwned):
    """A project or measure, run by a working group or by the whole alliance."""

    class Status(models.TextChoices):
        IDEA = "idea", _("Idee")
        PLANNED = "planned", _("in Planung")
        RUNNING = "running", _("laufend")
        COMPLETED = "completed", _("abgeschlossen")
        DISCONTINUED = "discontinued", _("eingestellt")

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Adresse auf der Website"), max_length=220, help_text=SLUG_HELP)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=400, blank=True)
    description = models.TextField(
        _("Beschreibung"), blank=True, help_text=_("Einfaches HTML ist erlaubt.")
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    field_of_action = models.ForeignKey(
        "buendnis.FieldOfAction",
        verbose_name=_("Handlungsfeld"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("Arbeitsgruppe"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        help_text=_("Leer lassen für bündnisweite Projekte."),
    )
    partners = models.ManyToManyField(
        "partners.Partner",
        verbose_name=_("beteiligte Partner"),
        blank=True,
        related_name="projects",
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("Zielgruppen"), blank=True, related_name="projects"
    )
    starts_on = models.DateField(_("Beginn"), null=True, blank=True)
    ends_on = models.DateField(_("Ende"), null=True, blank=True)
    image = models.ImageField(_("Bild"), upload_to=picture_upload_to, blank=True)
    image_alt = models.CharField(_("Bildbeschreibung (Alternativtext)"), max_length=300, blank=True)
    published = models.BooleanField(_("veröffentlicht"), default=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    # What the search reads: title, summary and description, upper-cased once when a
    # project is saved instead of on every search (50 ms for a common word at
    # national scale on PostgreSQL, issue 8).
    search_text = models.GeneratedField(
        expression=Upper(
            Concat(
                "title", Value(" "), "summary", Value(" "), "description",
                output_field=models.TextField(),
            )
        ),
        output_field=models.TextField(),
        db_persist=True,
        verbose_name=_("Suchtext"),
    )

    translation_state = TranslationStateField()
    objects = scoped_manager(ProjectQuerySet)
    history = History(excluded_fields=["search_text"], m2m_fields=[partners, target_groups])

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        # The German title (the source column; arbeitsgruppen/translation.py) orders every
        # language's list alike, so a page and its paging are the same in each, and one
        # index serves them all.
        ordering = ["title_de"]
        indexes = [
            models.Index(
                fields=["alliance", "status", "title_de", "id", "field_of_action", "working_group"],
                condition=models.Q(published=True),
                name="project_status_idx",
            ),
            # The project database at national scale (issue 8): the page in title order,
            # its count, and the running projects of each field of action.
            # With field and group, any page's ids come from the index alone
            # (paging.paginate).
            models.Index(
                fields=["alliance", "title_de", "id", "field_of_action", "working_group"],
                condition=models.Q(published=True),
                name="project_listing_idx",
            ),
            # The newest projects first (the projects' feed) without sorting them all.
            models.Index(
                fields=["alliance", "created_at"],
                condition=models.Q(published=True),
                name="project_newest_idx",
            ),
            # A field's projects in title order (its page) and their count.
            models.Index(
                fields=["alliance", "field_of_action", "title_de", "id", "working_group"],
                condition=models.Q(published=True),
                name="project_field_idx",
            ),
            # The running projects of each field; with id and group it covers a count of the
            # public projects too, so SQLite reads no table row whichever index it takes.
            models.Index(
                fields=["alliance", "field_of_action", "status", "title_de", "id", "working_group"],
                condition=models.Q(published=True),
                name="project_field_status_idx",
            ),
        ]
        constraints = [models.UniqueConstraint(fields=["alliance", "slug"], name="project_unique_slug")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("arbeitsgruppen:project_detail", kwargs={"slug": self.slug})

    def get_status_display(self):
        return choice_label(self.Status, self.status)

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Das Ende darf nicht vor dem Beginn liegen.")})
        if self.working_group_id and self.field_of_action_id is None:
            self.field_of_action_id = self.working_group.field_of_action_id


def public_project_count():
    """How many projects the public sees: the unfiltered project database's total.
    Remembered per content version (`buendnis.fragments.remembered`)."""
    return remembered("public_project_count", lambda: Project.objects.public().count())
