"""Forms of the coordinator's desk: her team (`cockpit.team`)."""

from django import forms
from django.contrib.auth import get_user_model

from buendnis import roles
from cockpit import team


class RoleForm(forms.Form):
    """The role of an account, and for a group lead the groups it leads."""

    role = forms.ChoiceField(
        label="Rolle",
        choices=[(role, f"{role}: {roles.ROLE_DESCRIPTIONS[role]}") for role in roles.ROLES],
        widget=forms.RadioSelect,
    )
    working_groups = forms.ModelMultipleChoiceField(
        label="Leitet diese Arbeitsgruppen",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Nur für die Rolle AG-Leitung: Sie pflegt genau diese Gruppen.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_groups"].queryset = team.led_group_choices()

    def clean(self):
        data = super().clean()
        if data.get("role") == roles.WORKING_GROUP_LEAD and not data.get("working_groups"):
            self.add_error(
                "working_groups", "Bitte wählen Sie mindestens eine Arbeitsgruppe, die sie leitet."
            )
        return data


class InviteForm(forms.ModelForm):
    """A new person of the team: the address gets the link to set a password."""

    class Meta:
        model = get_user_model()
        fields = ["email", "first_name", "last_name"]
        labels = {"email": "E-Mail-Adresse", "first_name": "Vorname", "last_name": "Nachname"}
        help_texts = {"email": "An diese Adresse geht der Link; sie ist zugleich der Benutzername."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        users = get_user_model().objects
        if users.filter(username__iexact=email).exists() or users.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "Für diese Adresse gibt es schon einen Zugang. Steht die Person in Ihrer Liste, "
                "ändern Sie dort ihre Rolle; sonst wenden Sie sich an die Servicestelle."
            )
        return email
