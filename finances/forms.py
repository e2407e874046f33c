"""The forms of the finances: a booking with its receipt, a Storno's reason."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from buendnis.lib.images import process_image
from finances.models import Entry

MAX_RECEIPT_BYTES = 10 * 1024 * 1024
RECEIPT_IMAGE_SIZE = (2000, 2000)


def clean_receipt(uploaded):
    """A receipt is a PDF, a JPEG or a PNG. Images are cleaned like logos (re-encoded,
    no metadata); a PDF must look like one from its first to its last bytes."""
    if uploaded.size > MAX_RECEIPT_BYTES:
        raise ValidationError(_("Der Beleg ist zu groß (höchstens 10 MB)."), code="file_too_large")
    uploaded.seek(0)
    head = uploaded.read(5)
    if head == b"%PDF-":
        uploaded.seek(max(uploaded.size - 1024, 0))
        if b"%%EOF" not in uploaded.read():
            raise ValidationError(_("Die PDF-Datei ist unvollständig."), code="corrupt")
        uploaded.seek(0)
        return ContentFile(uploaded.read(), name="beleg.pdf")
    if not head.startswith((b"\x89PNG", b"\xff\xd8\xff")):
        raise ValidationError(
            _("Bitte laden Sie den Beleg als PDF, JPEG oder PNG hoch."), code="invalid_format"
        )
    cleaned = process_image(uploaded, max_size=RECEIPT_IMAGE_SIZE)
    cleaned.name = cleaned.name.replace("bild", "beleg")
    return cleaned


class ReceiptField(forms.FileField):
    widget = forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"})

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            return clean_receipt(value)
        return value


class EntryForm(forms.ModelForm):
    class Meta:
        model = Entry
        fields = [
            "direction",
            "source",
            "booked_on",
            "amount",
            "category",
            "grant",
            "working_group",
            "project",
            "counterparty",
            "counterparty_is_private",
            "note",
            "receipt",
        ]
        field_classes = {"receipt": ReceiptField}


class StornoForm(forms.Form):
    note = forms.CharField(
        label=_("Grund des Stornos"),
        max_length=500,
        help_text=_("Steht bei der Gegenbuchung; die ursprüngliche Buchung bleibt erhalten."),
    )
