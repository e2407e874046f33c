"""The facts the legal pages are built from: who offers the site (Impressum, § 5 DDG),
who processes which data (Datenschutz, Art. 13 DSGVO) and how accessible the site is
(Barrierefreiheit). Abstract: the fields live in `Page`'s table; each legal page shows
and requires its own set (`LEGAL_FIELDS`, `REQUIRED_FIELDS`).

An empty field falls back to the alliance's profile (address, e-mail, phone, the
coordinator), so an address typed once in the profile appears on every page.
"""

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# "[Telefon]", "[Name des Bündnisses]": what the drafts ask to be replaced.
PLACEHOLDER = re.compile(r"\[[^\[\]<>]{1,80}\]")


class LegalDetails(models.Model):
    class Conformity(models.TextChoices):
        FULL = "full", _("vollständig vereinbar")
        PARTIAL = "partial", _("teilweise vereinbar")
        NONE = "none", _("nicht vereinbar")

    responsible_body = models.CharField(
        _("Anbieter der Website"), max_length=200, blank=True,
        help_text=_("Wer die Website anbietet, z. B. „Stadt Musterhausen – Lokales Bündnis für Familie“."),
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("PLZ"), max_length=10, blank=True)
    town = models.CharField(_("Ort"), max_length=100, blank=True)
    representative = models.CharField(
        _("Vertreten durch"), max_length=200, blank=True,
        help_text=_("Wer den Anbieter rechtlich vertritt, z. B. die Bürgermeisterin oder der Vorstand."),
    )
    contact_email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    content_responsible = models.CharField(
        _("Verantwortlich für den Inhalt"), max_length=200, blank=True,
        help_text=_("Name und Aufgabe, z. B. „Maria Beispiel, Koordinatorin“."),
    )
    privacy_contact = models.CharField(
        _("Kontakt für Datenschutzfragen"), max_length=300, blank=True,
        help_text=_("Die oder der Datenschutzbeauftragte des Anbieters, mit E-Mail-Adresse oder Anschrift."),
    )
    supervisory_authority = models.CharField(
        _("Datenschutz-Aufsichtsbehörde"), max_length=300, blank=True,
        help_text=_(
            "Die Landesbeauftragte oder der Landesbeauftragte "
            "für den Datenschutz Ihres Landes, mit Anschrift."
        ),
    )
    hosting_provider = models.CharField(
        _("Hosting"), max_length=300, blank=True,
        help_text=_("Wer die Website technisch betreibt (Name und Anschrift)."),
    )
    conformity = models.CharField(
        _("Stand der Vereinbarkeit"), max_length=10, choices=Conformity.choices,
        default=Conformity.PARTIAL, help_text=_("Wie weit die Website die BITV 2.0 erfüllt."),
    )
    enforcement_body = models.CharField(
        _("Schlichtungsstelle"), max_length=300, blank=True,
        help_text=_(
            "Die Schlichtungs- oder Durchsetzungsstelle Ihres Landes "
            "für Barrierefreiheit, mit Anschrift oder Website."
        ),
    )

    class Meta:
        abstract = True

    # What each legal page asks for, in the order of its form; the first ones are required.
    REQUIRED_FIELDS = {
        "impressum": [
            "responsible_body", "street", "postal_code", "town", "representative", "contact_email",
        ],
        "datenschutz": [
            "responsible_body", "street", "postal_code", "town", "contact_email",
            "privacy_contact", "supervisory_authority", "hosting_provider",
        ],
        "barrierefreiheit": ["responsible_body", "contact_email", "enforcement_body"],
    }
    OPTIONAL_FIELDS = {
        "impressum": ["contact_phone", "content_responsible"],
        "datenschutz": ["contact_phone"],
        "barrierefreiheit": ["conformity", "contact_phone"],
    }
    # Where an empty field takes its value from in the alliance's profile.
    PROFILE_FIELDS = {
        "responsible_body": "name",
        "street": "street",
        "postal_code": "postal_code",
        "town": "town",
        "contact_email": "email",
        "contact_phone": "phone",
    }

    @property
    def is_legal(self):
        return self.slug in self.REQUIRED_FIELDS

    @property
    def legal_fields(self):
        return self.REQUIRED_FIELDS.get(self.slug, []) + self.OPTIONAL_FIELDS.get(self.slug, [])

    @property
    def uses_facts(self):
        """Whether the page is built from its facts: a legal page with at least one fact of
        its own. A page written before the facts existed (all its text in `body`) is shown
        as it was written until the coordinator fills in its facts."""
        return any(getattr(self, name) for name in self.REQUIRED_FIELDS.get(self.slug, []))

    @property
    def retention(self):
        """The storage periods in days, from the settings `purge_personal_data` deletes by,
        so the privacy page never promises more than the code does."""
        return {
            "unconfirmed": settings.UNCONFIRMED_SIGNATURE_DAYS,
            "registrations": settings.REGISTRATION_RETENTION_DAYS,
            "suggestions": settings.SUGGESTION_RETENTION_DAYS,
            "deliveries": settings.DELIVERY_RETENTION_DAYS,
        }

    def profile_value(self, name):
        """What the alliance's profile says for the field `name` ("" if nothing)."""
        alliance = self.alliance
        if name == "content_responsible" and alliance.coordinator_name:
            return f"{alliance.coordinator_name}, {alliance.coordinator_title}".strip(", ")
        source = self.PROFILE_FIELDS.get(name)
        return getattr(alliance, source) if source else ""

    def legal_value(self, name):
        return (getattr(self, name) or "").strip() or self.profile_value(name)

    @property
    def legal(self):
        """The page's facts as the public page shows them (profile values filling gaps)."""
        return {name: self.legal_value(name) for name in self.legal_fields}

    def missing_fields(self):
        """The German names of the required facts that are still empty."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.REQUIRED_FIELDS.get(self.slug, [])
            if not self.legal_value(name)
        ]

    def placeholders(self):
        """(field name, placeholder) for every `[…]` left in the page's texts."""
        found = []
        for name in ["title", "body", *self.legal_fields]:
            value = self.legal_value(name) if name in self.legal_fields else getattr(self, name)
            for match in PLACEHOLDER.findall(str(value or "")):
                found.append((str(self._meta.get_field(name).verbose_name), match))
        return found

    def publication_problems(self):
        """Why the page may not be published yet, in German ([] when it may)."""
        problems = []
        missing = self.missing_fields()
        if missing:
            problems.append(_("Es fehlen: %(fields)s.") % {"fields": ", ".join(missing)})
        for field, placeholder in self.placeholders():
            problems.append(
                _("Im Feld „%(field)s“ steht noch der Platzhalter %(placeholder)s.")
                % {"field": field, "placeholder": placeholder}
            )
        return problems
