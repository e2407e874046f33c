import datetime
import json

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils import formats, timezone, translation
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe

from buendnis.lib.sanitize import clean_html
from buendnis.structured_data import organization

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


_JSON_LD_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """A schema.org item as a JSON-LD data block. Not a script (browsers run none of
    type application/ld+json, so the CSP has nothing to allow); `<`, `>` and `&` are
    escaped, so no text of the data can end the block."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_LD_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


# schema.org types of the portal's items that have `inLanguage` (creative works, events).
IN_LANGUAGE_TYPES = {"Event", "BreadcrumbList", "WebPage"}


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's JSON-LD (its view's `structured_data`); a page without any still says
    whose it is: the alliance as an organisation. Every page is also a WebPage in the
    language of its address, and its events and breadcrumbs carry that `inLanguage`."""
    items = context.get("structured_data")
    alliance, request = context.get("alliance"), context.get("request")
    if not items and alliance is not None and request is not None:
        items = [organization(alliance, request)]
    language = translation.get_language()
    items = [
        {**item, "inLanguage": language} if item.get("@type") in IN_LANGUAGE_TYPES else item
        for item in items or ()
    ]
    if request is not None and alliance is not None:
        items.append({"@context": "https://schema.org", "@type": "WebPage",
                      "url": request.build_absolute_uri(request.path), "inLanguage": language})
    return mark_safe("".join(json_ld(item) for item in items))


def _moment(value, name):
    """`value` (a datetime in local time, or a date) in the format `name` of the current
    language's format module (portal/formats/<language>/formats.py)."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    for module in formats.get_format_modules():
        if hasattr(module, name):
            return formats.date_format(value, getattr(module, name))
    return formats.date_format(value, "DATETIME_FORMAT")


@register.filter
def day(value):
    """Weekday and date: "Samstag, 15. März 2031", "Saturday, 15 March 2031"."""
    return _moment(value, "DAY_FORMAT")


@register.filter
def day_time(value):
    """Weekday, date and time without a word after it: "Samstag, 15. März 2031, 18:00"."""
    return _moment(value, "DAY_TIME_FORMAT")


@register.filter
def clock(value):
    """The time as a sentence writes it: "18:00 Uhr" in German, "18:00" in English."""
    return _moment(value, "CLOCK_FORMAT")


@register.filter
def when(value):
    """Weekday, date and time: "Samstag, 15. März 2031, 18:00 Uhr"."""
    return _moment(value, "WHEN_FORMAT")


@register.filter
def date_clock(value):
    """Date and time: "15. März 2031, 18:00 Uhr", "15 March 2031, 18:00"."""
    return _moment(value, "DATETIME_CLOCK_FORMAT")


@register.simple_tag
def run_in(text, label, tail=""):
    """Paragraphs from the blank lines of `text`, the first one led by "<b>label:</b>" and
    the last one ended by `tail` after a line feed (a line of its own under
    `white-space: pre-line`, which costs no box as a <br> does).

    A run-in label instead of a paragraph of its own: the PDF renderer pays per box."""
    html = linebreaks(text, autoescape=True) or "<p></p>"
    html = format_html("<p><strong>{}:</strong> ", label) + html[len("<p>") :]
    if tail:
        html = html[: -len("</p>")] + format_html("\n{}</p>", tail)
    return mark_safe(html)  # noqa: S308 - every piece is escaped above
