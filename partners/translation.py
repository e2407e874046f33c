"""The Bündniserklärung per language (see buendnis/translation.py). A signed version's
German text is frozen (`FROZEN_FIELDS`); translations of it may still be added."""

from modeltranslation.translator import TranslationOptions, register

from partners.models import Declaration


@register(Declaration)
class DeclarationTexts(TranslationOptions):
    fields = ("title", "text")
