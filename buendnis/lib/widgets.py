"""The admin's date input: German dates that every browser shows and accepts.

Why a text input and not `<input type="date">`: a date input takes its value only in
ISO form (2026-12-07); given the German "07.12.2026" that Django's localisation
writes, Chromium shows it empty, and what it displays depends on the browser's
language, not the portal's. A text input shows exactly the German date the portal
writes, and she types it the way it is printed on paper. The admin's own calendar and
"Heute" link (DateTimeShortcuts, class `vDateField`) stay for picking a date by touch.

`inputmode="numeric"` brings up the phone's number pad; since not every pad has a
dot, "07122026", "7 12 2026" or "7/12/2026" are read as 07.12.2026 too.
"""

import re

from django import forms
from django.contrib.admin.widgets import AdminDateWidget, AdminSplitDateTime
from django.utils.translation import gettext_lazy as _

GERMAN_DATE = "%d.%m.%Y"
PLACEHOLDER = _("TT.MM.JJJJ")

_DIGITS_ONLY = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
_OTHER_SEPARATORS = re.compile(r"^(\d{1,2})[\s/,-]+(\d{1,2})[\s/,-]+(\d{2}|\d{4})$")


def normalise_german_date(value):
    """'07122026', '7 12 2026', '7/12/2026' as '7.12.2026'; anything else unchanged
    (the field's input formats then accept German and ISO dates, or say what is wrong)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    match = _DIGITS_ONLY.match(text) or _OTHER_SEPARATORS.match(text)
    return ".".join(match.groups()) if match else text


class GermanDateWidget(AdminDateWidget):
    """A date in every admin form: "07.12.2026" shown, typed and saved."""

    def __init__(self, attrs=None, format=None):
        attrs = {
            "placeholder": PLACEHOLDER,
            "inputmode": "numeric",
            "autocomplete": "off",
            **(attrs or {}),
        }
        super().__init__(attrs=attrs, format=format or GERMAN_DATE)

    def value_from_datadict(self, data, files, name):
        return normalise_german_date(super().value_from_datadict(data, files, name))


class _GermanDatePart(GermanDateWidget):
    """The date part of a date-time field: the bare input, as Django's own split widget
    has it. (The date widget's template wraps the input in a <p>, which inside the split
    widget's <p> ended it early: the time field then stood alone, stretched to 55 px.)"""

    template_name = "django/forms/widgets/date.html"


class GermanSplitDateTimeWidget(AdminSplitDateTime):
    """Date and time of the admin's date-time fields, the date part as above."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.widgets = (_GermanDatePart(), *self.widgets[1:])


class GermanDateField(forms.DateField):
    """A date field of the admin's own forms (not model forms), with the widget above."""

    widget = GermanDateWidget


def use_german_dates_in_the_admin():
    """Every date (and date-time) field of every ModelAdmin form gets the widgets above:
    the admin builds its form fields from these defaults."""
    from django.contrib.admin import options
    from django.db import models

    options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateField] = {"widget": GermanDateWidget}
    options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateTimeField] = {
        "form_class": forms.SplitDateTimeField,
        "widget": GermanSplitDateTimeWidget,
    }
