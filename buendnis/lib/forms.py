"""Pieces shared by the public forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT = "homepage"


class HoneypotMixin:
    """One trap for bots on every public form (`templates/includes/honeypot.html`).

    The field is hidden from people by CSS and from screen readers; bots fill in every
    field. A filled trap refuses the form with a German message and changes nothing,
    like any other bad input: the rare person whose browser filled it learns why.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Bitte dieses Feld leer lassen"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(
                _(
                    "Ihre Eingabe sieht nach automatisch erzeugtem Spam aus und wurde nicht "
                    "gesendet. Bitte lassen Sie das Feld „Bitte dieses Feld leer lassen“ leer."
                ),
                code="honeypot",
            )
        return cleaned
