from django import template
from django.template.defaultfilters import linebreaks_filter

from buendnis.lib.sanitize import clean_html

register = template.Library()


@register.filter
def richtext(value):
    """Coordinator-written HTML with scripts, handlers and styles removed.

    Plain text without any tags gets paragraphs from its blank lines.
    """
    value = value or ""
    if "<" not in value:
        return linebreaks_filter(value, autoescape=True)
    return clean_html(value)


@register.filter
def select_options(bound_field):
    """(value, label, selected) for each choice of a filter's <select>.

    Filter forms on the public lists are written out by hand: Django's widget templates
    cost more than the rest of such a page at national scale (issue 8).
    """
    current = str(bound_field.value() or "")
    return [
        (str(value), label, str(value) == current) for value, label in bound_field.field.choices
    ]
