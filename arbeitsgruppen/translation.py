"""The texts of working groups and projects, per language (see buendnis/translation.py)."""

from modeltranslation.translator import TranslationOptions, register

from arbeitsgruppen.models import Project, WorkingGroup


@register(WorkingGroup)
class WorkingGroupTexts(TranslationOptions):
    fields = ("name", "mandate", "description")


@register(Project)
class ProjectTexts(TranslationOptions):
    fields = ("title", "summary", "description", "image_alt")
