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
