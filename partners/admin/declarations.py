"""Admin of the declaration's versions: one is current, the others are the archive."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from buendnis.history import HistoryAdmin
from buendnis.lib.richtext import RichTextAdminMixin
from buendnis.lib.sanitize import clean_html
from buendnis.translations_admin import TranslationsAdminMixin
from partners.models import Declaration
from partners.models.declarations import FROZEN_FIELDS


class DeclarationAdminForm(forms.ModelForm):
    class Meta:
        model = Declaration
        fields = ["version", "title", "text", "valid_from", "is_current"]

    def clean_is_current(self):
        is_current = self.cleaned_data["is_current"]
        if not is_current and self.instance.pk and self.instance.is_current:
            raise forms.ValidationError(
                _("Genau eine Fassung ist aktuell. Markieren Sie stattdessen eine andere Fassung "
                  "als aktuell.")
            )
        return is_current

    def _get_validation_exclusions(self):
        # The "one current version" constraint is kept by save_model, which unmarks
        # the previous current version in the same transaction.
        exclude = super()._get_validation_exclusions()
        exclude.add("is_current")
        return exclude


@admin.register(Declaration)
class DeclarationAdmin(TranslationsAdminMixin, RichTextAdminMixin, HistoryAdmin):
    rich_text_fields = ["text"]
    form = DeclarationAdminForm
    list_display = ["version", "title", "valid_from", "is_current", "signature_count"]
    search_fields = ["version", "title", "text"]
    actions = ["make_current_action"]

    def get_readonly_fields(self, request, obj=None):
        """A version somebody signed keeps its text, name and address: shown, not editable
        (the model refuses such a change too)."""
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_signed():
            fields += [name for name in (*FROZEN_FIELDS, "signed_text") if name not in fields]
        return fields

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is None or not obj.is_signed():
            return fields
        # The signed text as it reads, not its HTML source; what she may change last.
        shown = ["version", "title", "signed_text", "valid_from"]
        return [*shown, *(name for name in fields if name not in shown and name != "text")]

    @admin.display(description=_("Text"))
    def signed_text(self, obj):
        return clean_html(obj.text)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.is_signed():
            return fieldsets
        note = _("Partner haben diese Fassung unterzeichnet. Text, Titel, Version und „gültig ab“ "
                 "bleiben deshalb, wie sie unterzeichnet wurden; für Änderungen legen Sie eine "
                 "neue Fassung an.")
        # The first section is the version's own; the translations below stay open to add.
        (name, options), *rest = fieldsets
        return [(name, {**options, "description": note}), *rest]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(signature_count=Count("signatures"))

    @admin.display(description=_("Unterzeichnungen"), ordering="signature_count")
    def signature_count(self, obj):
        return obj.signature_count

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            if obj.is_current:
                Declaration.objects.exclude(pk=obj.pk).filter(is_current=True).update(
                    is_current=False
                )
            super().save_model(request, obj, form, change)

    @admin.action(description=_("Als aktuelle Fassung festlegen"), permissions=["change"])
    def make_current_action(self, request, queryset):
        if len(queryset) != 1:
            self.message_user(request, _("Bitte genau eine Fassung auswählen."), messages.ERROR)
            return
        declaration = queryset[0]
        with transaction.atomic():
            Declaration.objects.filter(is_current=True).update(is_current=False)
            Declaration.objects.filter(pk=declaration.pk).update(is_current=True)
        self.message_user(request, _("„%(name)s“ ist jetzt die aktuelle Fassung.") % {"name": declaration})
