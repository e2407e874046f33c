"""Machine translation of the texts an alliance writes: only where the alliance switched
it on (`Alliance.machine_translation`, off by default), never for Leichte Sprache, and
always marked as such (the page then says "maschinell übersetzt" and links the German).

The backend is `settings.MACHINE_TRANSLATION_BACKEND`: `DeepL` (the key from the
environment, DEEPL_API_KEY) or, in the tests and without a key, `Dummy`, which makes
no request.
"""

import json
import urllib.parse
import urllib.request

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils.module_loading import import_string

from buendnis import translations


class Dummy:
    """Translates nothing: marks each text with its target language. No network."""

    def translate(self, texts, target, source="de"):
        return [f"[{target}] {text}" if text else text for text in texts]


class DeepL:
    """DeepL's API (https://developers.deepl.com): one request per item and language."""

    timeout = 20

    def __init__(self, api_key=None, url=None):
        self.api_key = api_key or settings.DEEPL_API_KEY
        self.url = url or settings.DEEPL_API_URL
        if not self.api_key:
            raise ImproperlyConfigured("DEEPL_API_KEY fehlt für die maschinelle Übersetzung.")

    def translate(self, texts, target, source="de"):
        data = urllib.parse.urlencode(
            [("text", text) for text in texts]
            + [("source_lang", source.upper()), ("target_lang", target.upper()), ("tag_handling", "html")]
        ).encode()
        request = urllib.request.Request(
            self.url, data=data, headers={"Authorization": f"DeepL-Auth-Key {self.api_key}"}
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - https URL from settings
            answer = json.load(response)
        return [item["text"] for item in answer["translations"]]


def backend():
    return import_string(settings.MACHINE_TRANSLATION_BACKEND)()


def machine_translate(obj, language, alliance):
    """Fill `obj`'s empty fields in `language` by machine and mark them so; returns whether
    anything was translated. The caller saves `obj`. Refused where the alliance has it off
    or for the page in Leichte Sprache."""
    if not alliance.machine_translation:
        raise PermissionDenied("Die maschinelle Übersetzung ist für dieses Bündnis aus.")
    if language == translations.SOURCE or not translations.is_translatable(obj):
        return False
    missing = [
        name
        for name in translations.source_fields(obj)
        if not translations.value(obj, name, language).strip()
    ]
    if not missing:
        return False
    texts = [translations.value(obj, name, translations.SOURCE) for name in missing]
    for name, text in zip(missing, backend().translate(texts, language), strict=True):
        setattr(obj, f"{name}_{language}", text)
    translations.mark_translated(obj, language, machine=True)
    return True
