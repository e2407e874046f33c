"""Where an item keeps the state of its translations (see buendnis/translations.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationStateField(models.JSONField):
    """Per language: the hash of the German text the translation was made from, and
    whether a machine made it: `{"en": {"source": "…", "machine": false}}`. Set by the
    admin and the machine translation, never typed in."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", _("Stand der Übersetzungen"))
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)
