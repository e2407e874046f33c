"""The language a family or a partner used on the public site, kept with what they sent.

Each e-mail to them is later written in it (`buendnis.emails.in_language`); the
coordinator's side stays German. `language_field()` stores one of `settings.LANGUAGES`,
German unless the request that created the row was in another language.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def supported(code):
    """`code` as one of settings.LANGUAGES ("tr-TR" → "tr"); German for anything else."""
    try:
        return translation.get_supported_language_variant(code or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def current_language():
    """The language of the request now being answered (German outside a request)."""
    return supported(translation.get_language())


def language_field(**kwargs):
    """The language a person used, for every e-mail and document to them."""
    kwargs.setdefault("max_length", 7)
    kwargs.setdefault("choices", settings.LANGUAGES)
    kwargs.setdefault("default", settings.LANGUAGE_CODE)
    kwargs.setdefault("help_text", _("In dieser Sprache bekommt die Person E-Mails und Dokumente."))
    return models.CharField(_("Sprache"), **kwargs)
