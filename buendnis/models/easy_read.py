"""Leichte Sprache: the alliance's own easy-read variant of its key pages.

Each variant is written by the alliance (never translated by a machine) and is German
only. The home variant carries what BITV 2.0 § 4 with Anlage 2 Teil 2 asks for: what
the website is about, how to find one's way, what the accessibility statement says and
which other information exists in Leichte Sprache; optionally a video in Deutsche
Gebärdensprache (Anlage 2 Teil 1). No variant is published while a required part is
empty or a `[…]` placeholder remains; a draft is never linked or served.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from buendnis.models.legal import PLACEHOLDER
from buendnis.tenancy import AllianceOwned, scoped_manager


class EasyReadPageQuerySet(models.QuerySet):
    def public(self):
        return self.filter(published=True)


class EasyReadPage(AllianceOwned):
    class Topic(models.TextChoices):
        # The value is the page's address below /leichte-sprache/ (the home variant: none).
        HOME = "start", _("Startseite")
        ABOUT = "das-buendnis", _("Das Bündnis")
        JOIN = "mitmachen", _("Mitmachen")
        DATES = "termine", _("Termine")
        CONTACT = "kontakt", _("Kontakt")
        ACCESSIBILITY = "barrierefreiheit", _("Barrierefreiheit")

    topic = models.CharField(_("Seite"), max_length=20, choices=Topic.choices)
    title = models.CharField(_("Überschrift"), max_length=200)
    main_contents = models.TextField(
        _("Worum es auf der Website geht"), blank=True,
        help_text=_("Sagen Sie in kurzen Sätzen: Wer sind wir? Was steht auf dieser Website?"),
    )
    navigation = models.TextField(
        _("Wie man sich zurechtfindet"), blank=True,
        help_text=_("Sagen Sie in kurzen Sätzen: Wo ist das Menü? Was steht oben und unten auf jeder Seite?"),
    )
    accessibility = models.TextField(
        _("Was die Erklärung zur Barrierefreiheit sagt"), blank=True,
        help_text=_(
            "Sagen Sie in kurzen Sätzen: Was steht in der Erklärung? Wo finden Leserinnen und Leser sie? "
            "Der Link zur Erklärung erscheint darunter von selbst."
        ),
    )
    other_pages = models.TextField(
        _("Welche Seiten es in Leichter Sprache gibt"), blank=True,
        help_text=_(
            "Ein bis zwei Sätze als Einleitung. Die Links zu allen veröffentlichten Seiten "
            "in Leichter Sprache erscheinen darunter von selbst."
        ),
    )
    body = models.TextField(
        _("Text"), blank=True,
        help_text=_("Kurze Sätze, bekannte Wörter, ein Gedanke pro Satz. Schwere Wörter erklären."),
    )
    sign_language_video = models.URLField(
        _("Video in Gebärdensprache"), blank=True,
        help_text=_("Freiwillig: die Adresse eines Videos in Deutscher Gebärdensprache über die Website."),
    )
    published = models.BooleanField(_("veröffentlicht"), default=False)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = scoped_manager(EasyReadPageQuerySet)

    # What each variant needs before it may be published.
    HOME_PARTS = ["main_contents", "navigation", "accessibility", "other_pages"]

    class Meta:
        verbose_name = _("Seite in Leichter Sprache")
        verbose_name_plural = _("Seiten in Leichter Sprache")
        ordering = ["alliance", "topic"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "topic"], name="easy_read_unique_topic"),
        ]

    def __str__(self):
        return f"{self.get_topic_display()}: {self.title}"

    @property
    def is_home(self):
        return self.topic == self.Topic.HOME

    @property
    def text_fields(self):
        return [*self.HOME_PARTS, "body"] if self.is_home else ["body"]

    @property
    def required_fields(self):
        return ["title", *self.HOME_PARTS] if self.is_home else ["title", "body"]

    def get_absolute_url(self):
        return url_of(self.topic)

    def missing_fields(self):
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.required_fields
            if not strip_tags(getattr(self, name) or "").strip()
        ]

    def publication_problems(self):
        """Why the page may not be published yet, in German ([] when it may)."""
        problems = []
        missing = self.missing_fields()
        if missing:
            problems.append(_("Es fehlen: %(fields)s.") % {"fields": ", ".join(missing)})
        for name in ["title", *self.text_fields]:
            for placeholder in PLACEHOLDER.findall(getattr(self, name) or ""):
                problems.append(
                    _("Im Feld „%(field)s“ steht noch der Platzhalter %(placeholder)s.")
                    % {"field": self._meta.get_field(name).verbose_name, "placeholder": placeholder}
                )
        return problems

    def clean(self):
        super().clean()
        if self.published:
            problems = self.publication_problems()
            if problems:
                raise ValidationError([_("Die Seite kann noch nicht veröffentlicht werden."), *problems])


def url_of(topic):
    """The page's address; always the German one (Leichte Sprache is German only), also
    when the link stands on a page in another language."""
    with translation.override("de"):
        if topic == EasyReadPage.Topic.HOME:
            return reverse("buendnis:easy_read_home")
        return reverse("buendnis:easy_read", kwargs={"topic": topic})


def published_topics():
    return set(EasyReadPage.objects.public().values_list("topic", flat=True))


def published_urls(topics=None):
    """{topic: address} of the alliance's published variants (or of `topics`), in the
    order of the topics."""
    topics = published_topics() if topics is None else topics
    return {topic: url_of(topic) for topic in EasyReadPage.Topic.values if topic in topics}
