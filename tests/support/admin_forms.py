"""Assertions shared by the cockpit tests."""

import datetime
import re

MANAGEMENT_LINK = re.compile(r"http://[^/\s]+/partner/verwalten/(?P<token>[^/\s]+)/")


def assert_management_link(body, partner):
    """The e-mail carries a personal link that opens this partner's management page."""
    from partners.links import partner_from_management_token

    match = MANAGEMENT_LINK.search(body)
    assert match, body
    assert partner_from_management_token(match["token"]) == partner


def _form_values(form, data):
    from django import forms
    from django.utils import timezone

    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        key = bound.html_name
        if isinstance(field, forms.FileField) or value is None:
            continue
        if isinstance(field.widget, forms.SplitDateTimeWidget):
            if isinstance(value, datetime.datetime):
                value = timezone.localtime(value)
                data[f"{key}_0"], data[f"{key}_1"] = value.strftime("%Y-%m-%d"), value.strftime("%H:%M:%S")
            elif isinstance(value, list | tuple):
                data[f"{key}_0"], data[f"{key}_1"] = value
            continue
        if isinstance(value, bool):
            if value:
                data[key] = "on"
            continue
        if isinstance(value, list | tuple):
            data[key] = [str(getattr(item, "pk", item)) for item in value]
        elif isinstance(value, datetime.date):
            data[key] = value.isoformat()
        else:
            data[key] = str(value)


def change_form_data(response, **changes):
    """The POST data an admin change form would send unchanged, with `changes` applied."""
    data = {}
    _form_values(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _form_values(formset.management_form, data)
        for form in formset.forms:
            _form_values(form, data)
    data.update(changes)
    return data


def edit(client, admin_name, obj, **changes):
    """Change `obj` through its admin change form, as a person would; returns the form's URL."""
    from django.urls import reverse

    change_url = reverse(f"admin:{admin_name}_change", args=[obj.pk])
    response = client.post(change_url, change_form_data(client.get(change_url), **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return change_url


def changes(record):
    """{field: (old, new)} between a history record and the one before it."""
    delta = record.diff_against(record.prev_record)
    return {change.field: (change.old, change.new) for change in delta.changes}
