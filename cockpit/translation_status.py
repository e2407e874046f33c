"""How much of the alliance's content is translated, per language it offers: the
dashboard's figures and the list of what is missing or outdated (one query per kind of
content, whatever the amount and the number of languages)."""

from dataclasses import dataclass

from django.urls import reverse

from arbeitsgruppen.models import Project, WorkingGroup
from buendnis import translations
from buendnis.models import Alliance, FieldOfAction, Milestone, Page
from events.models import Event
from partners.models import Declaration


def contents(alliance):
    """(kind in her words, items) of everything the public reads that the alliance wrote.
    Rundmails are not counted: each is written once, for one sending."""
    return [
        ("Bündnisprofil", [alliance]),
        ("Inhaltsseiten", Page.objects.all()),
        ("Chronik", Milestone.objects.all()),
        ("Bündniserklärung", Declaration.objects.filter(is_current=True)),
        ("Handlungsfelder", FieldOfAction.objects.all()),
        ("Arbeitsgruppen", WorkingGroup.objects.all()),
        ("Projekte", Project.objects.all()),
        ("Kommende Termine", Event.objects.upcoming()),
    ]


@dataclass
class Entry:
    kind: str
    obj: object
    status: str

    @property
    def admin_url(self):
        opts = self.obj._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.obj.pk])


def sources(alliance):
    """(kind, item) of every item with a German text: what needs a translation."""
    return [
        (kind, obj)
        for kind, items in contents(alliance)
        for obj in items
        if translations.source_fields(obj)
    ]


def entries(alliance, language, found=None):
    """Every item with a German text, with its status in `language`; `found`: the items
    of `sources()` when they are read already (one reading for every language)."""
    found = sources(alliance) if found is None else found
    return [Entry(kind, obj, translations.status(obj, language)) for kind, obj in found]


def overview(alliance=None, found=None):
    """Per language the alliance offers besides German: how many items are translated,
    outdated and missing (`found` as for `entries`)."""
    alliance = alliance or Alliance.current()
    items = sources(alliance) if found is None else found
    rows = []
    for language in alliance.offered_languages:
        if language == translations.SOURCE:
            continue
        found = entries(alliance, language, items)
        counted = {status: sum(1 for entry in found if entry.status == status) for status in (
            translations.Status.CURRENT, translations.Status.OUTDATED, translations.Status.MISSING,
        )}
        total = len(found)
        rows.append({
            "language": language,
            "name": translations.LANGUAGE_NAMES[language],
            "total": total,
            "translated": counted[translations.Status.CURRENT] + counted[translations.Status.OUTDATED],
            "outdated": counted[translations.Status.OUTDATED],
            "missing": counted[translations.Status.MISSING],
            "percent": round(100 * counted[translations.Status.CURRENT] / total) if total else 100,
            "url": reverse("cockpit:translations") + f"?sprache={language}",
        })
    return rows
