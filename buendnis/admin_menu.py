"""The admin's menu, ordered by the coordinator's work instead of by the apps' models.

Django groups the admin index and its side menu by app ("Partner und
Bündniserklärung", "Cockpit: Rundmails", …). Here the same entries stand in the
sections of her work. Each registered model names its section below (by its label,
so this bottom layer imports no app above it); pages that are no model (the
Dokumente page, the team) register themselves with `add_page` from their app. A
model that no section names still shows, under "Weitere", and a test
(tests/buendnis/test_admin_menu.py) fails until it gets its place.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from buendnis.lib.registry import Registry

# (key, title, model labels in the order they are listed)
SECTIONS = [
    ("partner", _("Partner"), [
        "partners.Partner", "partners.Signature", "partners.SigningSession", "partners.Declaration",
    ]),
    ("treffen", _("Treffen"), [
        "events.Event", "events.Invitation", "events.Registration", "events.Minutes", "events.AgendaItem",
    ]),
    ("arbeitsgruppen", _("Arbeitsgruppen und Projekte"), [
        "arbeitsgruppen.WorkingGroup", "arbeitsgruppen.Project", "arbeitsgruppen.TargetGroup",
        "buendnis.FieldOfAction",
    ]),
    ("rundmails", _("Rundmails"), ["cockpit.Mailing", "cockpit.Delivery"]),
    ("website", _("Website"), [
        "buendnis.Page", "buendnis.EasyReadPage", "buendnis.Milestone", "events.Suggestion",
    ]),
    ("dokumente", _("Dokumente"), []),
    ("finanzen", _("Finanzen"), ["finances.*"]),
    ("team", _("Team"), ["auth.User", "otp_totp.TOTPDevice", "otp_static.StaticDevice", "auth.Group"]),
    ("einstellungen", _("Einstellungen"), ["buendnis.Alliance"]),
]
OTHERS = ("weitere", _("Weitere"))


@dataclass(frozen=True)
class Page:
    """A page of the admin that is no model's list, in a section of the menu."""

    section: str
    title: str
    url_name: str
    allowed: Callable  # allowed(user) -> bool
    position: int = 0  # before the section's models (0) or after them (1)


# The pages without a model, registered by the apps that own them (`add_page` in their
# AppConfig.ready); the registry's key is the page, its function says who may see it.
pages = Registry()


def add_page(section, title, url_name, allowed, position=0):
    """Called by the app that owns the page (in its AppConfig.ready)."""
    if section not in {key for key, _title, _labels in SECTIONS}:
        raise ValueError(f"Unbekannter Bereich des Menüs: {section}")
    page = Page(section, title, url_name, allowed, position)
    if page not in pages.keys():  # ready() may run more than once (tests)
        pages.register(page)(allowed)


def section_of(label):
    app_label = label.split(".")[0]
    for key, _title, labels in SECTIONS:
        if label in labels or f"{app_label}.*" in labels:
            return key
    return None


def _order(model, labels):
    label = f"{model['app_label']}.{model['object_name']}"
    if label in labels:
        return labels.index(label)
    return len(labels)


def _page_entry(page):
    try:
        url = reverse(page.url_name)
    except NoReverseMatch:
        return None
    return {
        "name": capfirst(str(page.title)),
        "object_name": page.url_name.replace(":", "_"),
        "admin_url": url,
        "add_url": None,
        "view_only": True,
        "perms": {"view": True},
        "page": True,
    }


def by_work(app_list, request):
    """Django's app list (one entry per app) regrouped into the sections of her work."""
    models = {}
    for app in app_list:
        for model in app["models"]:
            model = {**model, "app_label": app["app_label"]}
            key = section_of(f"{app['app_label']}.{model['object_name']}") or OTHERS[0]
            models.setdefault(key, []).append(model)
    visible = [page for page, allowed in pages.results(request.user) if allowed]
    sections = []
    for key, title, labels in [*SECTIONS, (*OTHERS, [])]:
        entries = sorted(models.get(key, []), key=lambda model: _order(model, labels))
        here = [page for page in visible if page.section == key]
        before = [_page_entry(page) for page in here if page.position == 0]
        after = [_page_entry(page) for page in here if page.position == 1]
        entries = [entry for entry in [*before, *entries, *after] if entry]
        if not entries:
            continue
        sections.append({
            "name": str(title),
            "app_label": key,
            "app_url": entries[0]["admin_url"],
            "has_module_perms": True,
            "models": entries,
        })
    return sections
