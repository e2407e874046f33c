"""Every date field of the admin shows and accepts German dates: one widget at the root."""

import datetime

import pytest
from django.contrib import admin

from buendnis.lib.widgets import GermanDateWidget, GermanSplitDateTimeWidget, normalise_german_date


@pytest.mark.parametrize(
    "typed, read",
    [
        ("07.12.2026", "07.12.2026"),
        ("07122026", "07.12.2026"),
        ("7 12 2026", "7.12.2026"),
        ("7/12/26", "7.12.26"),
        (" 7-12-2026 ", "7.12.2026"),
        ("2026-12-07", "2026-12-07"),
        ("kein Datum", "kein Datum"),
    ],
)
def test_typed_dates_are_read_as_german_dates(typed, read):
    assert normalise_german_date(typed) == read


def test_the_widget_shows_a_german_date_in_a_text_input():
    html = GermanDateWidget().render("valid_from", datetime.date(2026, 12, 7))
    assert 'type="text"' in html and 'value="07.12.2026"' in html
    assert 'placeholder="TT.MM.JJJJ"' in html and 'inputmode="numeric"' in html
    assert "vDateField" in html  # the admin's calendar and "Heute" link


def test_a_date_and_time_stand_in_one_paragraph():
    """The date part is the bare input: a <p> of its own would end the split widget's <p>
    early and leave the time field alone in the row, stretched."""
    html = GermanSplitDateTimeWidget().render("starts_at", datetime.datetime(2026, 12, 7, 18, 30))
    assert html.count("<p") == 1
    assert 'value="07.12.2026"' in html and 'value="18:30:00"' in html
    assert "vDateField" in html and "vTimeField" in html


def test_every_admin_form_uses_it():
    """Every editable date and date-time field of every registered admin's form (the
    widgets come from the admin's defaults, so this holds for admins added later)."""
    checked = 0
    for model, model_admin in admin.site._registry.items():
        for field in model._meta.concrete_fields:
            internal = field.get_internal_type()
            if internal not in ("DateField", "DateTimeField") or not field.editable:
                continue
            widget = model_admin.formfield_for_dbfield(field, None).widget
            expected = GermanDateWidget if internal == "DateField" else GermanSplitDateTimeWidget
            assert isinstance(widget, expected), (model, field.name, widget)
            checked += 1
    assert checked > 10


def test_a_model_admin_page_shows_and_saves_german_dates(coordinator_client, declaration):
    page = coordinator_client.get(f"/verwaltung/partners/declaration/{declaration.pk}/change/")
    content = page.content.decode()
    assert 'name="valid_from"' in content and 'value="08.11.2017"' in content
    assert 'type="date"' not in content
    coordinator_client.post(f"/verwaltung/partners/declaration/{declaration.pk}/change/", {
        "version": declaration.version, "title": declaration.title, "text": declaration.text,
        "valid_from": "01022024", "is_current": "on",
    })
    declaration.refresh_from_db()
    assert declaration.valid_from == datetime.date(2024, 2, 1)
