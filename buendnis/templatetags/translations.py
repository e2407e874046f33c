"""An alliance's text where it is shown in another language than German:

    <h1{{ field|fallback_lang:"name" }}>{{ field.name }}</h1>
    {% translation_note field %}

`fallback_lang` marks an element whose text falls back to German (`lang="de"`, so a
screen reader reads it in German); `translation_note` says so in the reader's language,
or that a machine translated the text (with a link to the German page). An outdated
translation is shown without a note: it is still the best text in the reader's language,
and the admin and the cockpit tell the coordinator it needs a look.
"""

from django import template
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from buendnis import translations

register = template.Library()


@register.filter
def fallback_lang(obj, name):
    """` lang="de"` where `obj.<name>` is shown in German for want of a translation."""
    if obj is None or not translations.falls_back(obj, name):
        return ""
    return mark_safe(f' lang="{translations.SOURCE}"')  # noqa: S308 - a constant


@register.simple_tag(takes_context=True)
def translation_note(context, obj, *names):
    """A short note under an item's text in the reader's language (nothing in German);
    `names` limits it to the fields a page shows (default: all the item's texts)."""
    language = get_language() or translations.SOURCE
    if obj is None or language == translations.SOURCE or not translations.is_translatable(obj):
        return ""
    if any(translations.falls_back(obj, name, language) for name in names or translations.source_fields(obj)):
        return format_html(
            '<p class="translation-note small text-body-secondary">{}</p>',
            _("Dieser Text ist noch nicht übersetzt."),
        )
    if translations.is_machine(obj, language):
        request = context.get("request")
        if request is not None:
            path = request.get_full_path()
        else:  # a fragment rendered without the request (a cached card)
            path = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "/"
        return format_html(
            '<p class="translation-note small text-body-secondary">{} '
            '<a href="{}" hreflang="de">{}</a></p>',
            _("Maschinell übersetzt."),
            translate_url(path, translations.SOURCE),
            _("Original anzeigen"),
        )
    return ""
