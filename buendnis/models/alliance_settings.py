"""The alliance's settings by concern: how its e-mails are sent, and under which terms
its open data may be used and embedded. Abstract: the fields live in `Alliance`'s table."""

import re
from email.utils import parseaddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class MailSettings(models.Model):
    """Sender and reply address of the alliance's e-mails (its name and coordination
    come from `Alliance`)."""

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
    notice_period_days = models.PositiveSmallIntegerField(
        _("Einladungsfrist (Tage)"), default=14,
        help_text=_("So viele Tage vor einem Bündnistreffen sollen die Einladungen verschickt sein."),
    )

    class Meta:
        abstract = True

    @property
    def from_email(self):
        """The sender of the alliance's e-mails, with its own name ("Name <address>";
        Django encodes it for the header)."""
        address = self.sender_email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
        name = " ".join((self.sender_name or self.display_name).split())
        if re.search(r'[()<>@,;:\\".\[\]]', name):
            name = '"{}"'.format(name.replace("\\", "\\\\").replace('"', '\\"'))
        return f"{name} <{address}>"

    @property
    def reply_to(self):
        address = self.reply_to_email or self.coordinator_email or self.email
        return [address] if address else []


class OpenDataSettings(models.Model):
    """The licence of the public data, and the websites that may embed its boxes."""

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

    class Meta:
        abstract = True

    def clean(self):
        wrong = [
            origin for origin in self.embedding_hosts
            if not re.fullmatch(r"https?://[a-z0-9.-]+(:\d+)?", origin.lower())
        ]
        if wrong:
            raise ValidationError({"embed_hosts": _(
                "Bitte nur Adressen wie https://www.landkreis.de angeben, ohne Pfad: %(wrong)s"
            ) % {"wrong": ", ".join(wrong)}})

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


def all_languages():
    return [code for code, _name in settings.LANGUAGES]


class LanguageSettings(models.Model):
    """The languages the alliance's public site is offered in. German, the source
    language, is always among them; the interface is translated for every language of
    the installation, the alliance's own texts fall back to German where untranslated."""

    languages = models.JSONField(
        _("Sprachen der Website"),
        default=all_languages,
        help_text=_("In diesen Sprachen bietet die Website ihre Seiten an. Deutsch ist immer dabei."),
    )
    machine_translation = models.BooleanField(
        _("maschinelle Übersetzung anbieten"),
        default=False,
        help_text=_(
            "Fehlende Übersetzungen lassen sich dann maschinell ergänzen; die Website kennzeichnet "
            "sie als maschinell übersetzt und verweist auf den deutschen Text. Nie für Leichte Sprache."
        ),
    )

    class Meta:
        abstract = True

    @property
    def offered_languages(self):
        """The language codes of the site, German first, in the installation's order."""
        chosen = set(self.languages or ()) | {settings.LANGUAGE_CODE}
        return [code for code in all_languages() if code in chosen]
