"""Rundmails per language: each partner gets the version in its language, or the German
one (see buendnis/translation.py)."""

from modeltranslation.translator import TranslationOptions, register

from cockpit.models import Mailing


@register(Mailing)
class MailingTexts(TranslationOptions):
    fields = ("subject", "body")
