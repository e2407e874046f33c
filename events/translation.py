"""The texts of the alliance's dates, per language (see buendnis/translation.py)."""

from modeltranslation.translator import TranslationOptions, register

from events.models import Event


@register(Event)
class EventTexts(TranslationOptions):
    fields = ("title", "description")
