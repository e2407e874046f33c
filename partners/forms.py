from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from buendnis.fragments import remembered
from buendnis.lib.forms import HoneypotMixin
from buendnis.lib.images import ImageUploadField
from buendnis.lib.widgets import GermanDateField
from buendnis.models import Alliance, FieldOfAction
from partners import coordination
from partners.models import Declaration, Partner

phone_validator = RegexValidator(
    r"^\+?[0-9 ()/\-]{3,50}$",
    _("Bitte geben Sie eine Telefonnummer aus Ziffern, Leerzeichen und + ( ) / - an."),
)


def https_urls(model_field, **kwargs):
    """formfield_callback: URL fields assume https, as Django 6 will."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


def website_field():
    return forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("z. B. https://www.beispiel.de"),
    )


class PartnerEntryForm(forms.ModelForm):
    """The fields of the public entry and the contact person, shared by signing and managing."""

    website = website_field()
    logo = ImageUploadField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG oder WebP, höchstens 5 MB. Wir verkleinern es automatisch."),
    )

    class Meta:
        model = Partner
        formfield_callback = https_urls
        fields = [
            "name",
            "kind",
            "town",
            "website",
            "description",
            "contribution",
            "fields_of_action",
            "logo",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "contribution": forms.Textarea(attrs={"rows": 4}),
            "fields_of_action": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "description": _("Was macht Ihre Organisation? Höchstens 1000 Zeichen."),
            "contact_name": _("Wird nie veröffentlicht."),
            "contact_email": _(
                "Wird nie veröffentlicht. An diese Adresse schicken wir den Bestätigungslink."
            ),
            "contact_phone": _("Freiwillig, wird nie veröffentlicht."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Bitte wählen")), *Partner.Kind.choices]
        self.fields["contact_name"].required = True
        self.fields["contact_email"].required = True
        self.fields["contact_phone"].validators.append(phone_validator)
        fields_of_action = FieldOfAction.objects.public()
        if fields_of_action.exists():
            self.fields["fields_of_action"].queryset = fields_of_action
        else:
            del self.fields["fields_of_action"]

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_contact_email(self):
        return self.cleaned_data["contact_email"].strip().lower()


class SignForm(HoneypotMixin, PartnerEntryForm):
    consent_declaration = forms.BooleanField(
        label=_("Wir unterzeichnen die Bündniserklärung in der oben stehenden Fassung."),
        error_messages={"required": _("Bitte bestätigen Sie, dass Sie die Erklärung unterzeichnen.")},
    )
    wants_listing = forms.BooleanField(
        label=_("Unsere Organisation darf im Partnerverzeichnis öffentlich genannt werden."),
        required=False,
        initial=True,
    )
    privacy = forms.BooleanField(
        label=_("Ich habe die Datenschutzhinweise gelesen."),
        error_messages={"required": _("Bitte bestätigen Sie die Datenschutzhinweise.")},
    )


class ManageForm(PartnerEntryForm):
    class Meta(PartnerEntryForm.Meta):
        fields = [*PartnerEntryForm.Meta.fields, "wants_listing", "language"]
        help_texts = {
            **PartnerEntryForm.Meta.help_texts,
            "contact_email": _("Wird nie veröffentlicht. An diese Adresse gehen künftig alle Links."),
            "wants_listing": "",
            "language": _("In dieser Sprache schicken wir Ihnen Einladungen, Rundmails und die Urkunde."),
        }
        labels = {
            "wants_listing": _("Unsere Organisation darf im Partnerverzeichnis genannt werden."),
            "language": _("Sprache unserer E-Mails"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The languages of the alliance's site, each named in itself; and the partner's own.
        offered = set(Alliance.current().offered_languages) | {self.instance.language}
        self.fields["language"].choices = [
            (code, name) for code, name in settings.LANGUAGES if code in offered
        ]
        self.fields["language"].required = False

    def clean_language(self):
        # Not sent (an older form): the language stays as it was.
        return self.cleaned_data.get("language") or self.instance.language


class ManageRequestForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(label=_("E-Mail-Adresse der Ansprechperson"), max_length=254)


class PartnerFilterForm(forms.Form):
    """The filters of the partner directory, read from the query string.

    A value that is not valid (an unknown kind, a field of action that is no longer
    published) is ignored on its own, so one outdated filter in a bookmark does not
    cancel the others.
    """

    q = forms.CharField(label=_("Name"), required=False)
    art = forms.ChoiceField(label=_("Art der Organisation"), required=False)
    handlungsfeld = forms.ChoiceField(label=_("Handlungsfeld"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["art"].choices = [("", _("alle")), *Partner.Kind.choices]
        # The same on every request until the content changes (scale, issue 8).
        self.fields_of_action = remembered(
            "partner_filter_fields",
            lambda: list(FieldOfAction.objects.public().values_list("slug", "name")),
        )
        self.fields["handlungsfeld"].choices = [("", _("alle")), *self.fields_of_action]

    def valid(self, name):
        """The value of one filter, or "" when it is missing or not valid."""
        try:
            return (self.fields[name].clean(self.data.get(name, "")) or "").strip()
        except forms.ValidationError:
            return ""

    def search(self):
        """The name searched for, at most 100 characters."""
        return self.valid("q")[:100]

    def is_filtered(self):
        return any(self.valid(name) for name in self.fields)

    def filter(self, partners):
        if kind := self.valid("art"):
            partners = partners.filter(kind=kind)
        if field := self.valid("handlungsfeld"):
            partners = partners.filter(fields_of_action__slug=field)
        if query := self.search():
            partners = partners.filter(name__icontains=query)
        return partners


class PaperSignatureForm(forms.Form):
    """The coordinator enters a declaration signed on paper."""

    partner = forms.ModelChoiceField(
        label=_("Bestehender Partner"),
        queryset=Partner.objects.none(),
        required=False,
        help_text=_("Nur für ausgetretene oder unbestätigte Partner. Sonst leer lassen."),
    )
    name = forms.CharField(label=_("Name der Organisation"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Art der Organisation"), choices=[("", "---------"), *Partner.Kind.choices],
        required=False,
    )
    town = forms.CharField(label=_("Ort"), max_length=100, required=False)
    website = website_field()
    contact_name = forms.CharField(label=_("Ansprechperson"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("E-Mail der Ansprechperson"), required=False)
    contact_phone = forms.CharField(
        label=_("Telefon der Ansprechperson"), max_length=50, required=False,
        validators=[phone_validator],
    )
    signed_on = GermanDateField(
        label=_("unterzeichnet am"),
        help_text=_("Das Datum auf der unterschriebenen Erklärung, z. B. 08.11.2017."),
    )
    signed_by = forms.CharField(
        label=_("unterzeichnet von"), max_length=200, required=False,
        help_text=_("Wer für die Organisation unterschrieben hat."),
    )
    declaration = forms.ModelChoiceField(
        label=_("unterzeichnete Fassung"), queryset=Declaration.objects.none()
    )
    founding_partner = forms.BooleanField(label=_("Gründungspartner"), required=False)
    wants_listing = forms.BooleanField(
        label=_("möchte öffentlich genannt werden"), required=False, initial=True,
        help_text=_("Mit dieser Einwilligung erscheint der Partner gleich im Verzeichnis."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.exclude(
            pk__in=Partner.objects.active().values("pk")
        )
        self.fields["declaration"].queryset = Declaration.objects.all()
        self.fields["declaration"].initial = Declaration.objects.current()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("partner"):
            if not cleaned.get("name"):
                self.add_error("name", _("Bitte den Namen angeben oder einen Partner wählen."))
            if not cleaned.get("kind"):
                self.add_error("kind", _("Bitte die Art der Organisation angeben."))
        if cleaned.get("signed_on"):
            try:
                coordination.check_signature_date(cleaned["signed_on"], cleaned.get("declaration"))
            except forms.ValidationError as problem:
                self.add_error("signed_on", problem)
        return cleaned


class WithdrawalForm(forms.Form):
    """A withdrawal by letter or phone, dated as the partner said."""

    withdrawn_on = GermanDateField(
        label=_("ausgetreten am"),
        help_text=_("Das Datum aus dem Brief oder dem Anruf, z. B. 31.10.2026."),
    )

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, **kwargs)
        self.partner = partner

    def clean_withdrawn_on(self):
        value = self.cleaned_data["withdrawn_on"]
        coordination.check_withdrawal_date(self.partner, value)
        return value
