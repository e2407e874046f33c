"""Translations in the coordinator's admin: below an item's German form, one folded
section per language the alliance offers ("Übersetzung: Englisch"), never a wall of
fields, never a language it does not offer, and none for Leichte Sprache. Saving a
translation notes the German text it was made from; the section says when that text
has changed since ("veraltet"). Where the alliance switched it on, an action fills the
missing translations by machine (buendnis/machine_translation.py)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.fields import TranslationField

from buendnis import translations
from buendnis.machine_translation import machine_translate
from buendnis.models import Alliance
from buendnis.models.alliance_settings import all_languages

SECTION_SIZE = 8
STATUS_NOTES = {
    translations.Status.MISSING: gettext_lazy("Noch nicht vollständig übersetzt: die Website zeigt "
                                              "dort den deutschen Text mit einem Hinweis."),
    translations.Status.OUTDATED: gettext_lazy("Veraltet: der deutsche Text wurde geändert, nachdem "
                                               "diese Übersetzung gespeichert wurde. Bitte prüfen."),
    translations.Status.CURRENT: gettext_lazy("Übersetzt."),
}


def translation_languages(obj=None):
    """The languages besides German that the alliance offers, for `obj` (none for the page
    in Leichte Sprache)."""
    if obj is not None and not translations.is_translatable(obj):
        return []
    return [code for code in Alliance.current().offered_languages if code != translations.SOURCE]


def section_note(obj, language):
    if obj is None or obj.pk is None:
        return ""
    note = str(STATUS_NOTES[translations.status(obj, language)])
    if translations.is_machine(obj, language):
        note += " " + _("Maschinell übersetzt.")
    return note


class TranslationsAdminMixin:
    """For the ModelAdmin of a model registered in a translation.py."""

    def _translated(self):
        return translations.translated_fields(self.model)

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        return [name for name in fields if not self._is_translation_field(name)]

    def _is_translation_field(self, name):
        try:
            return isinstance(self.model._meta.get_field(name), TranslationField)
        except FieldDoesNotExist:  # a form's own field, or a method shown read-only
            return False

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (title, {**options, "fields": [
                name for name in options["fields"]
                if isinstance(name, tuple | list) or not self._is_translation_field(name)
            ]})
            for title, options in super().get_fieldsets(request, obj)
        ]
        fields = self._translated()
        for language in translation_languages(obj):
            name = translations.LANGUAGE_NAMES[language]
            # At most eight fields a section, as everywhere in her forms.
            for part, start in enumerate(range(0, len(fields), SECTION_SIZE), start=1):
                title = _("Übersetzung: %(language)s") % {"language": name}
                if part > 1:
                    title = _("Übersetzung: %(language)s, Teil %(part)s") % {"language": name, "part": part}
                fieldsets.append((title, {
                    "fields": [f"{field}_{language}" for field in fields[start:start + SECTION_SIZE]],
                    "classes": ["collapse", f"translation-{language}"],
                    "description": section_note(obj, language) if part == 1 else "",
                }))
        return fieldsets

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if not isinstance(db_field, TranslationField):
            return super().formfield_for_dbfield(db_field, request, **kwargs)
        # As the German field is edited (the rich-text editor included), but optional.
        formfield = super().formfield_for_dbfield(db_field.translated_field, request, **kwargs)
        if formfield is None:
            return None
        formfield.required = False
        if hasattr(formfield, "empty_value"):
            formfield.empty_value = None  # empty is "not translated": the page falls back
        formfield.label = str(db_field.translated_field.verbose_name)
        language = db_field.language
        formfield.widget.attrs["lang"] = language
        if language in translations.RIGHT_TO_LEFT:
            formfield.widget.attrs["dir"] = "rtl"
        return formfield

    def save_model(self, request, obj, form, change):
        for language in translation_languages(obj):
            names = [f"{name}_{language}" for name in self._translated()]
            if not any(name in form.changed_data for name in names):
                continue
            if any(translations.value(obj, name, language).strip() for name in self._translated()):
                translations.mark_translated(obj, language)
            else:
                translations.forget_translation(obj, language)
        super().save_model(request, obj, form, change)

    # The admin is German: `title` must read and write the German column whatever
    # language the request arrived in.
    def changeform_view(self, request, *args, **kwargs):
        with translation.override(translations.SOURCE):
            return _rendered(super().changeform_view(request, *args, **kwargs))

    def changelist_view(self, request, *args, **kwargs):
        with translation.override(translations.SOURCE):
            return _rendered(super().changelist_view(request, *args, **kwargs))

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Added after Django filtered the actions by permission: checked here.
        if (
            Alliance.current().machine_translation
            and translation_languages()
            and self.has_change_permission(request)
        ):
            actions["translate_by_machine"] = self.get_action(translate_by_machine)
        return actions


def _rendered(response):
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    return response


# Only for who may change the items (the steering group reads, and changes nothing).
@admin.action(description=gettext_lazy("Fehlende Übersetzungen maschinell ergänzen"))
def translate_by_machine(modeladmin, request, queryset):
    alliance = Alliance.current()
    done = 0
    try:
        for obj in queryset:
            changed = [machine_translate(obj, language, alliance) for language in translation_languages(obj)]
            if any(changed):
                obj.save()
                done += 1
    except ImproperlyConfigured:
        modeladmin.message_user(
            request,
            _("Die maschinelle Übersetzung ist auf diesem Server nicht eingerichtet."),
            messages.ERROR,
        )
        return
    modeladmin.message_user(
        request,
        _("%(count)s Einträge maschinell übersetzt; die Website kennzeichnet sie so.") % {"count": done},
        messages.SUCCESS,
    )


class LanguagesField(forms.MultipleChoiceField):
    """The alliance's languages as checkboxes, in German words; German is always on."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(choices=self._choices_in_german(), **kwargs)

    @staticmethod
    def _choices_in_german():
        return [(code, translations.LANGUAGE_NAMES.get(code, code)) for code in all_languages()]

    def prepare_value(self, value):
        return [translations.SOURCE, *(value or [])]

    def clean(self, value):
        chosen = set(super().clean(value)) | {translations.SOURCE}
        return [code for code in all_languages() if code in chosen]
