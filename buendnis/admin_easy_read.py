"""The pages in Leichte Sprache in the admin (menu section "Website"). The home variant
shows the four parts BITV 2.0 § 4 asks for as sections, each with its help sentence;
publishing is refused while a required part is empty or a [Platzhalter] remains."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from buendnis.admin_pages import PublishedStateColumns
from buendnis.lib.richtext import RichTextAdminMixin
from buendnis.models import EasyReadPage

PUBLISHING = _(
    "Veröffentlicht wird erst, wenn alle Pflichtteile ausgefüllt sind und kein [Platzhalter] "
    "mehr im Text steht. Erst dann erscheint die Seite auf der Website und im Link "
    "„Leichte Sprache“ oben auf jeder Seite."
)
WRITING = _(
    "Leichte Sprache schreiben Menschen, nicht Übersetzungsprogramme: kurze Sätze, ein Gedanke "
    "pro Satz, bekannte Wörter, keine Abkürzungen. Schwere Wörter erklären Sie gleich dahinter."
)


class EasyReadPageForm(forms.ModelForm):
    sign_language_video = forms.URLField(
        label=EasyReadPage._meta.get_field("sign_language_video").verbose_name,
        help_text=EasyReadPage._meta.get_field("sign_language_video").help_text,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = EasyReadPage
        fields = [
            "topic", "title", "main_contents", "navigation", "accessibility", "other_pages",
            "sign_language_video", "body", "published",
        ]

    def clean_topic(self):
        topic = self.cleaned_data["topic"]
        if EasyReadPage.objects.filter(topic=topic).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Diese Seite gibt es schon in Leichter Sprache."))
        return topic


@admin.register(EasyReadPage)
class EasyReadPageAdmin(PublishedStateColumns, RichTextAdminMixin, admin.ModelAdmin):
    form = EasyReadPageForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    rich_text_fields = ["main_contents", "navigation", "accessibility", "other_pages", "body"]
    list_display = ["title", "page", "state", "changed"]
    list_filter = ["published"]
    search_fields = ["title", "body", "main_contents"]

    @admin.display(description=_("Seite"), ordering="topic")
    def page(self, obj):
        return obj.get_topic_display()

    def get_readonly_fields(self, request, obj=None):
        return ["topic"] if obj else []

    def get_fieldsets(self, request, obj=None):
        publishing = (_("Veröffentlichung"), {"fields": ["published"], "description": PUBLISHING})
        if obj is None or not obj.is_home:
            first = ["topic", "title", "body"] if obj is None else ["title", "body"]
            return [(None, {"fields": first, "description": WRITING}), publishing]
        return [
            (None, {"fields": ["title"], "description": WRITING}),
            (_("Was die Startseite in Leichter Sprache erklären muss"), {
                "fields": EasyReadPage.HOME_PARTS,
                "description": _(
                    "Die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0, § 4) verlangt "
                    "diese vier Teile. Alle vier sind Pflicht."
                ),
            }),
            (_("Video in Gebärdensprache"), {
                "fields": ["sign_language_video"],
                "description": _("Freiwillig. Ist eine Adresse eingetragen, zeigt die Seite den Link."),
            }),
            (_("Weitere Abschnitte"), {
                "fields": ["body"],
                "description": _("Freiwillig: was die Startseite außerdem sagen soll."),
            }),
            publishing,
        ]

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.published else None
