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
            "number_of_people": _("Anzahl Personen (Sie eingeschlossen)"),
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
        self.fields["number_of_people"].widget.attrs.update(min=1, max=MAX_PEOPLE)
        self.fields["number_of_children"].widget.attrs.update(min=0, max=MAX_CHILDREN)
        self.fields["number_of_children"].required = False
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        if not event.childcare_offered:
            for name in ("childcare_needed", "number_of_children", "children_ages"):
                del self.fields[name]

    def clean_number_of_people(self):
        people = self.cleaned_data["number_of_people"]
        if people < 1:
            raise forms.ValidationError(_("Bitte melden Sie mindestens eine Person an."))
        if people > MAX_PEOPLE:
            raise forms.ValidationError(
                _("Bitte melden Sie höchstens %(max)s Personen auf einmal an.") % {"max": MAX_PEOPLE}
            )
        return people

    def clean_number_of_children(self):
        children = self.cleaned_data.get("number_of_children") or 0
        if children > MAX_CHILDREN:
            raise forms.ValidationError(
                _("Bitte geben Sie höchstens %(max)s Kinder an.") % {"max": MAX_CHILDREN}
            )
        return children

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
