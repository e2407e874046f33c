from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Registration

MAX_PEOPLE = 10
MAX_CHILDREN = 10


class RegistrationForm(forms.ModelForm):
    """Public sign-up. `website` is a honeypot: people never see it, bots fill it in."""

    privacy = forms.BooleanField(
        label=_("Ich habe die Datenschutzhinweise gelesen und bin mit der Verarbeitung meiner "
                "Angaben für diese Veranstaltung einverstanden."),
        error_messages={"required": _("Bitte bestätigen Sie die Datenschutzhinweise.")},
    )
    website = forms.CharField(label=_("Bitte leer lassen"), required=False)
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
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        if not event.childcare_offered:
            for name in ("childcare_needed", "number_of_children", "children_ages"):
                del self.fields[name]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(
                _("Ihre Anmeldung konnte nicht angenommen werden. Bitte lassen Sie das letzte "
                  "Feld leer.")
            )
        return ""

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
