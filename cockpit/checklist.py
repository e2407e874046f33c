"""The start checklist on the coordinator's dashboard: what a new alliance still needs
before its site is complete, each item with its state and one link to do it. When
everything is done, the checklist is gone."""

from dataclasses import dataclass

from buendnis.models import Alliance, EasyReadPage, Page
from buendnis.models.legal import PLACEHOLDER
from cockpit.dashboard import admin_url
from events.models import Event
from partners.models import Declaration, Partner

# What the profile needs before the site shows a complete address and contact.
PROFILE_FIELDS = ["name", "street", "postal_code", "town", "email", "coordinator_name"]
LEGAL_PAGES = [Page.Slug.LEGAL_NOTICE, Page.Slug.PRIVACY, Page.Slug.ACCESSIBILITY]


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    done: bool
    missing: str
    url: str | None
    action: str


def _profile(alliance):
    empty = [name for name in PROFILE_FIELDS if not getattr(alliance, name)]
    missing = [str(Alliance._meta.get_field(name).verbose_name) for name in empty]
    url = admin_url("buendnis_alliance_change", alliance.pk)
    return Item(
        "profile",
        "Bündnisprofil",
        not missing,
        "Es fehlen: " + ", ".join(missing) + "." if missing else "",
        f"{url}#id_{empty[0]}" if empty else url,  # straight to the first empty field
        "Profil ausfüllen",
    )


def _legal_page(slug, pages):
    label = Page.Slug(slug).label
    page = pages.get(slug)
    if page is None:
        return Item(
            slug, str(label), False, "Die Seite fehlt.", admin_url("buendnis_page_add"), "Seite anlegen"
        )
    if page.published:
        return Item(slug, str(label), True, "", admin_url("buendnis_page_change", page.pk), "Ansehen")
    problems = [str(problem) for problem in page.publication_problems()] or ["Noch nicht veröffentlicht."]
    return Item(
        slug,
        str(label),
        False,
        " ".join(problems),
        admin_url("buendnis_page_change", page.pk),
        "Angaben ausfüllen und veröffentlichen",
    )


def _easy_read():
    """The home page in Leichte Sprache (BITV 2.0 § 4): done when it is published."""
    home = EasyReadPage.objects.filter(topic=EasyReadPage.Topic.HOME).first()
    if home is None:
        return Item(
            "easy_read", "Leichte Sprache", False, "Die Startseite in Leichter Sprache fehlt.",
            admin_url("buendnis_easyreadpage_add"), "Seite anlegen",
        )
    if home.published:
        return Item(
            "easy_read", "Leichte Sprache", True, "",
            admin_url("buendnis_easyreadpage_change", home.pk), "Ansehen",
        )
    problems = [str(problem) for problem in home.publication_problems()] or ["Noch nicht veröffentlicht."]
    return Item(
        "easy_read", "Leichte Sprache", False, " ".join(problems),
        admin_url("buendnis_easyreadpage_change", home.pk), "Startseite in Leichter Sprache schreiben",
    )


def _declaration():
    current = Declaration.objects.filter(is_current=True).first()
    draft = current or Declaration.objects.order_by("-created_at").first()
    if current is not None and not PLACEHOLDER.search(current.text):
        missing = ""
    elif current is not None:
        missing = "Im Text steht noch ein Platzhalter: " + PLACEHOLDER.search(current.text).group(0) + "."
    else:
        missing = "Noch keine Fassung ist als aktuelle Fassung veröffentlicht."
    url = (
        admin_url("partners_declaration_change", draft.pk) if draft else admin_url("partners_declaration_add")
    )
    return Item(
        "declaration", "Bündniserklärung", not missing, missing, url, "Text prüfen und als aktuell festlegen"
    )


def items(alliance=None):
    alliance = alliance or Alliance.current()
    pages = {page.slug: page for page in Page.objects.filter(slug__in=LEGAL_PAGES).select_related("alliance")}
    return [
        _profile(alliance),
        *(_legal_page(slug, pages) for slug in LEGAL_PAGES),
        _easy_read(),
        _declaration(),
        Item(
            "sender",
            "Absenderadresse der E-Mails",
            bool(alliance.sender_email),
            "" if alliance.sender_email else "Noch keine eigene Absenderadresse eingetragen.",
            admin_url("buendnis_alliance_change", alliance.pk) + "#id_sender_email",
            "Absenderadresse eintragen",
        ),
        Item(
            "partner",
            "Erster Partner",
            Partner.objects.exists(),
            "" if Partner.objects.exists() else "Noch kein Partner eingetragen.",
            admin_url("partners_partner_paper_signature"),
            "Papier-Unterzeichnung erfassen",
        ),
        Item(
            "meeting",
            "Erstes Treffen",
            Event.objects.exists(),
            "" if Event.objects.exists() else "Noch kein Treffen angelegt.",
            admin_url("events_event_add"),
            "Treffen anlegen",
        ),
    ]


def start_checklist(user):
    """The open checklist for the coordinator, or None when everything is done (or she
    may not change the profile)."""
    if not user.has_perm("buendnis.change_alliance"):
        return None
    checklist = items()
    if all(item.done for item in checklist):
        return None
    return {"items": checklist, "done": sum(item.done for item in checklist), "total": len(checklist)}
