"""The state of the texts an alliance writes in the other languages of its site.

German is the source. Each registered model (the apps' translation.py) keeps, per
language, the hash of the German text its translation was made from
(`translation_state`); a translation whose hash no longer matches is outdated. An
untranslated field falls back to German (django-modeltranslation), and the page says so
(buendnis/templatetags/translations.py).
"""

import hashlib

from django.conf import settings
from django.utils import translation
from modeltranslation.translator import NotRegistered, translator

SOURCE = settings.LANGUAGE_CODE

# The languages' names as the coordinator reads them (the admin is German).
LANGUAGE_NAMES = {
    "de": "Deutsch",
    "en": "Englisch",
    "tr": "Türkisch",
    "ar": "Arabisch",
    "uk": "Ukrainisch",
}
RIGHT_TO_LEFT = {"ar"}


class Status:
    MISSING = "missing"
    OUTDATED = "outdated"
    CURRENT = "current"


def translated_fields(model):
    """The names of the fields of `model` that have a column per language, else ()."""
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def is_translatable(obj):
    """Whether `obj`'s texts may be translated: only registered models; the pages in
    Leichte Sprache (`EasyReadPage`, German by nature) are not registered."""
    return bool(translated_fields(type(obj)))


def value(obj, name, language):
    return getattr(obj, f"{name}_{language}", None) or ""


def source_fields(obj):
    """The translated fields that have a German text (only they need a translation)."""
    return [name for name in translated_fields(type(obj)) if value(obj, name, SOURCE).strip()]


def source_hash(obj):
    german = "\x1f".join(value(obj, name, SOURCE) for name in translated_fields(type(obj)))
    return hashlib.sha256(german.encode()).hexdigest()[:16]


def falls_back(obj, name, language=None):
    """Whether `obj.<name>` shows the German text in `language` (default: the active one)
    for want of a translation."""
    language = language or translation.get_language() or SOURCE
    if language == SOURCE or not is_translatable(obj):
        return False
    return bool(value(obj, name, SOURCE).strip()) and not value(obj, name, language).strip()


def state(obj, language):
    """What is known of `obj`'s translation into `language`: {"source", "machine"}."""
    return (getattr(obj, "translation_state", None) or {}).get(language) or {}


def status(obj, language):
    """outdated: the German changed since the translation was saved (whatever it covers);
    missing: a German field has no translation; else current."""
    if state(obj, language).get("source") not in (None, source_hash(obj)):
        return Status.OUTDATED
    if any(not value(obj, name, language).strip() for name in source_fields(obj)):
        return Status.MISSING
    return Status.CURRENT


def is_machine(obj, language):
    return bool(state(obj, language).get("machine"))


def mark_translated(obj, language, machine=False):
    """Note that `obj`'s translation into `language` is made from its German text as it is
    now (the caller saves `obj`)."""
    obj.translation_state = {
        **(obj.translation_state or {}),
        language: {"source": source_hash(obj), "machine": machine},
    }


def forget_translation(obj, language):
    states = dict(obj.translation_state or {})
    states.pop(language, None)
    obj.translation_state = states
