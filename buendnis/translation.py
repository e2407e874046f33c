"""The texts an alliance writes in this app, per language (django-modeltranslation).

Each field named here gets one column per language (`title_de`, `title_en`, …); `title`
reads the active language's and falls back to German. German is the source: every
translation is made from it and marked outdated when it changes (buendnis/translations.py).
"""

from modeltranslation.translator import TranslationOptions, register

from buendnis.models import Alliance, FieldOfAction, Milestone, Page


@register(Alliance)
class AllianceTexts(TranslationOptions):
    fields = (
        "tagline",
        "introduction",
        "what_is_a_local_alliance",
        "goals",
        "how_we_work",
        "coordination_text",
        "steering_group_text",
        "office_text",
        "working_groups_text",
        "founding_text",
    )


@register(Milestone)
class MilestoneTexts(TranslationOptions):
    fields = ("date_label", "title", "text")


@register(Page)
class PageTexts(TranslationOptions):
    # The page in Leichte Sprache is German by nature; its translation fields stay empty
    # (the admin offers none, machine translation refuses it).
    fields = ("title", "body")


@register(FieldOfAction)
class FieldOfActionTexts(TranslationOptions):
    fields = ("name", "summary", "description")
