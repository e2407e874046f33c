"""Rich text in the admin: edited with django-prose-editor (ProseMirror), never as raw
HTML, and cleaned with nh3 (`buendnis.lib.sanitize`) before it is stored.

The editor's scripts and styles come from the package through staticfiles; our own
module (`static/js/richtext.js`) starts it without an inline import map, so the strict
CSP holds. The stored value stays the HTML the public templates read with `richtext`.
"""

from django import forms
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from js_asset import Script

from buendnis.lib.sanitize import clean_html

EDITOR_CSS = [
    "django_prose_editor/material-icons.css",
    "django_prose_editor/editor.css",
    "django_prose_editor/overrides.css",
    "css/prosemirror.css",
    "css/richtext.css",
]
HELP = _("Mit den Knöpfen über dem Feld: Überschrift, fett, kursiv, Listen, Zitat und Links.")


class RichTextWidget(forms.Textarea):
    """A textarea that `static/js/richtext.js` turns into the editor."""

    def __init__(self, attrs=None):
        super().__init__({"data-richtext": "", "rows": 8, **(attrs or {})})

    @property
    def media(self):
        return forms.Media(css={"all": EDITOR_CSS}, js=[Script("js/richtext.js", type="module")])

    def use_required_attribute(self, initial):
        # The editor hides the textarea; the browser could not show its message.
        return False


class RichTextField(forms.CharField):
    """Formatted text, cleaned of everything but paragraphs, headings, lists, emphasis
    and links; an editor left with only empty paragraphs counts as empty."""

    widget = RichTextWidget

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        cleaned = str(clean_html(value))
        return cleaned if strip_tags(cleaned).strip() else ""


class RichTextAdminMixin:
    """For a ModelAdmin: the text fields named in `rich_text_fields` get the editor."""

    rich_text_fields = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name not in self.rich_text_fields:
            return super().formfield_for_dbfield(db_field, request, **kwargs)
        help_text = db_field.help_text
        if not help_text or "HTML" in str(help_text):
            help_text = HELP
        return db_field.formfield(
            form_class=RichTextField, widget=RichTextWidget, help_text=help_text, **kwargs
        )
