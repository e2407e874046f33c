from django import forms
from django.utils.translation import gettext_lazy as _

from arbeitsgruppen.models import WorkingGroup
from buendnis.lib.forms import HoneypotMixin
from buendnis.models import FieldOfAction
from events.models import Registration, Suggestion

MAX_PEOPLE = 10
MAX_CHILDREN = 10


class RegistrationForm(HoneypotMixin, forms.ModelForm):
    """Public sign-up for an event."""

    privacy = forms.BooleanField(
        label=_("Ich habe die Datenschutzhinweise gelesen und bin mit der Verarbeitung meiner "
                "Angaben für diese Veranstaltung einverstanden."),
        error_messages={"required": _("Bitte bestätigen Sie die Datenschutzhinweise.")},
    )
    number_of_people = forms.IntegerField(
        label=_("Anzahl Personen (Sie eingeschlossen)"),
        initial=1,
        min_value=1,
        max_value=MAX_PEOPLE,
        error_messages={
            "min_value": _("Bitte melden Sie mindestens eine Person an."),
            "max_value": _("Bitte melden Sie höchstens %(limit_value)s Personen auf einmal an."),
        },
    )
    number_of_children = forms.IntegerField(
        label=_("Anzahl Kinder"),
        required=False,
        min_value=0,
        max_value=MAX_CHILDREN,
        error_messages={
            "min_value": _("Die Anzahl der Kinder kann nicht negativ sein."),
            "max_value": _("Bitte geben Sie höchstens %(limit_value)s Kinder an."),
        },
    )

    class Meta:
        model = Registration
        fields = [
            "name",
            "email",
            "number_of_people",
            "childcare_needed",
            "number_of_children",
            "children_ages",
            "accessibility_needs",
        ]
        labels = {
            "accessibility_needs": _("Brauchen Sie etwas, um gut teilnehmen zu können?"),
        }
        help_texts = {
            "children_ages": _("z. B. „3 und 6 Jahre“"),
            "accessibility_needs": _(
                "z. B. stufenloser Zugang, Gebärdensprache, Induktionsschleife (freiwillig)"
            ),
        }
        widgets = {"accessibility_needs": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        if not event.childcare_offered:
            for name in ("childcare_needed", "number_of_children", "children_ages"):
                del self.fields[name]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if "childcare_needed" not in self.fields:
            return cleaned
        if cleaned.get("childcare_needed"):
            if not cleaned.get("number_of_children"):
                self.add_error(
                    "number_of_children",
                    _("Bitte geben Sie an, für wie viele Kinder Sie Betreuung brauchen."),
                )
            if not cleaned.get("children_ages", "").strip():
                self.add_error("children_ages", _("Bitte geben Sie das Alter der Kinder an."))
        else:
            cleaned["number_of_children"] = 0
            cleaned["children_ages"] = ""
        return cleaned


class AcceptForm(forms.Form):
    number_of_people = forms.IntegerField(
        label=_("Mit wie vielen Personen kommen Sie?"),
        min_value=1,
        max_value=MAX_PEOPLE,
        initial=1,
        error_messages={
            "min_value": _("Bitte geben Sie mindestens eine Person an."),
            "max_value": _("Bitte geben Sie höchstens %(limit_value)s Personen an."),
        },
    )


class SuggestionForm(HoneypotMixin, forms.ModelForm):
    """A wish or suggestion; a working group's contact link preselects the group."""

    class Meta:
        model = Suggestion
        fields = ["text", "field_of_action", "working_group", "name", "email"]
        labels = {
            "text": _("Ihr Wunsch oder Ihre Anregung"),
            "field_of_action": _("Thema (optional)"),
            "name": _("Ihr Name (optional)"),
            "email": _("Ihre E-Mail-Adresse (optional, für eine Antwort)"),
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),
            "working_group": forms.HiddenInput,
        }
        error_messages = {
            "text": {"required": _("Bitte schreiben Sie Ihren Wunsch oder Ihre Anregung.")},
            "email": {"invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an.")},
            "working_group": {
                "invalid_choice": _("Diese Arbeitsgruppe gibt es nicht (mehr).")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field_of_action"].queryset = FieldOfAction.objects.public()
        self.fields["field_of_action"].empty_label = _("kein bestimmtes Thema")
        group_field = self.fields["working_group"]
        group_field.queryset = WorkingGroup.objects.public().select_related("field_of_action")
        group_field.to_field_name = "slug"

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Bitte schreiben Sie Ihren Wunsch oder Ihre Anregung."))
        return text

    def clean(self):
        cleaned = super().clean()
        group = cleaned.get("working_group")
        if group and not cleaned.get("field_of_action"):
            cleaned["field_of_action"] = group.field_of_action
        return cleaned
