"""The texts an alliance writes, in the other languages of its site (issue 24):
German falls in where a translation is missing, marked lang="de" and with a note in the
reader's language; a translation is outdated once its German changes; the admin offers
only the alliance's languages; machine translation only where switched on."""

import pytest
from django.core.exceptions import PermissionDenied
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from buendnis import translations
from buendnis.machine_translation import Dummy, machine_translate
from buendnis.models import Alliance
from tests.factories import EasyReadPageFactory, FieldOfActionFactory
from tests.support.admin_forms import change_form_data

NOTE = Template(
    '{% load translations %}<h1{{ field|fallback_lang:"name" }}>{{ field.name }}</h1>'
    "{% translation_note field %}"
)


def render(field, language):
    with translation.override(language):
        request = RequestFactory().get(field.get_absolute_url())
        return NOTE.render(Context({"field": field, "request": request}))


@pytest.fixture
def field(alliance):
    return FieldOfActionFactory(name="Vereinbarkeit", summary="Beruf und Familie")


def test_the_german_text_stands_in_for_a_missing_translation_with_a_note(field):
    html = render(field, "tr")
    assert '<h1 lang="de">Vereinbarkeit</h1>' in html
    # The note is a translatable string, in the reader's language once the catalogue has it.
    with translation.override("tr"):
        assert translation.gettext("Dieser Text ist noch nicht übersetzt.") in html


def test_a_translated_text_shows_without_note_and_in_german_nothing_changes(field):
    field.name_en, field.summary_en = "Work and family", "Work and family life"
    field.save()
    assert render(field, "en") == "<h1>Work and family</h1>"
    assert render(field, "de") == "<h1>Vereinbarkeit</h1>"
    assert "lang=" not in render(field, "tr").split("</h1>")[1]  # the note carries no lang


def test_the_public_page_shows_the_translation_or_the_german_with_a_note(client, field):
    field.name_en = "Work and family"
    field.save()
    # The address carries the language (i18n_patterns); the browser's wish does not move
    # an unprefixed German address, so the English page is asked for under /en/.
    with translation.override("en"):
        english_url = field.get_absolute_url()
    assert english_url.startswith("/en/")
    english = client.get(english_url, HTTP_ACCEPT_LANGUAGE="en")
    assert "<h1>Work and family</h1>" in english.content.decode()
    assert '<p class="lead" lang="de">Beruf und Familie</p>' in english.content.decode()
    assert "translation-note" in english.content.decode()
    with translation.override("de"):  # the request to /en/ left English active in the thread
        german_url = field.get_absolute_url()
    german = client.get(german_url, follow=True).content.decode()
    assert "<h1>Vereinbarkeit</h1>" in german and "translation-note" not in german


def test_a_translation_is_outdated_once_its_german_source_changes(field):
    field.name_en, field.summary_en = "Work and family", "Work and family life"
    translations.mark_translated(field, "en")
    field.save()
    assert translations.status(field, "en") == translations.Status.CURRENT
    field.summary = "Beruf, Pflege und Familie"  # in German, as the admin edits it
    field.save()
    field.refresh_from_db()
    assert field.summary_de == "Beruf, Pflege und Familie"
    assert field.summary_en == "Work and family life"
    assert translations.status(field, "en") == translations.Status.OUTDATED
    assert translations.status(field, "tr") == translations.Status.MISSING


def test_the_admin_offers_folded_sections_only_for_the_alliances_languages(coordinator_client, field):
    alliance = Alliance.current()
    alliance.languages = ["de", "en", "ar"]
    alliance.save()
    url = reverse("admin:buendnis_fieldofaction_change", args=[field.pk])
    html = coordinator_client.get(url).content.decode()
    assert "Übersetzung: Englisch" in html and "Übersetzung: Arabisch" in html
    assert "Übersetzung: Türkisch" not in html and "name_tr" not in html and "name_uk" not in html
    assert 'name="name_ar"' in html and 'dir="rtl"' in html
    assert "[en]" not in html  # the library's own labels never show


def test_saving_a_translation_in_the_admin_notes_its_source_and_the_german_stays(coordinator_client, field):
    url = reverse("admin:buendnis_fieldofaction_change", args=[field.pk])
    data = change_form_data(coordinator_client.get(url), name_en="Work and family")
    response = coordinator_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    field.refresh_from_db()
    assert (field.name_de, field.name_en) == ("Vereinbarkeit", "Work and family")
    assert field.summary_en is None and field.name_tr is None  # empty stays "not translated"
    assert translations.state(field, "en")["source"] == translations.source_hash(field)
    assert translations.status(field, "en") == translations.Status.MISSING  # summary not yet

    data = change_form_data(coordinator_client.get(url), summary="Beruf, Pflege und Familie")
    coordinator_client.post(url, data)
    field.refresh_from_db()
    assert field.name_en == "Work and family"
    html = coordinator_client.get(url).content.decode()
    assert "Veraltet: der deutsche Text wurde geändert" in html


def test_the_admin_marks_an_outdated_translation(coordinator_client, field):
    field.name_en, field.summary_en = "Work and family", "Work and family life"
    translations.mark_translated(field, "en")
    field.summary = "Neu"
    field.save()
    html = coordinator_client.get(reverse("admin:buendnis_fieldofaction_change", args=[field.pk])).content
    assert "Veraltet: der deutsche Text wurde geändert" in html.decode()


def test_the_page_in_leichte_sprache_gets_no_translation_sections(coordinator_client, alliance):
    page = EasyReadPageFactory(title="Das Bündnis", body="<p>Wir helfen.</p>")
    url = reverse("admin:buendnis_easyreadpage_change", args=[page.pk])
    html = coordinator_client.get(url).content.decode()
    assert "Übersetzung:" not in html and "title_en" not in html
    assert not translations.is_translatable(page)


def test_the_alliance_chooses_its_languages_with_german_always_on(coordinator_client, alliance):
    url = reverse("admin:buendnis_alliance_change", args=[alliance.pk])
    html = coordinator_client.get(url).content.decode()
    assert 'type="checkbox" name="languages" value="tr"' in html and "Türkisch" in html
    # Ten texts of the profile: in sections of at most eight fields, as every section.
    assert "Übersetzung: Englisch, Teil 2" in html and 'name="founding_text_en"' in html
    data = change_form_data(coordinator_client.get(url), languages=["tr"])
    assert coordinator_client.post(url, data).status_code == 302
    alliance.refresh_from_db()
    assert alliance.languages == ["de", "tr"] and alliance.offered_languages == ["de", "tr"]
    assert alliance.machine_translation is False  # off by default


# Machine translation -------------------------------------------------------------------


@pytest.fixture
def dummy_backend(settings):
    settings.MACHINE_TRANSLATION_BACKEND = "buendnis.machine_translation.Dummy"


def test_machine_translation_is_refused_while_the_alliance_has_it_off(field, dummy_backend):
    with pytest.raises(PermissionDenied):
        machine_translate(field, "en", Alliance.current())
    field.refresh_from_db()
    assert field.name_en is None


def test_machine_translation_fills_the_gaps_marked_as_such(client, field, dummy_backend):
    alliance = Alliance.current()
    alliance.machine_translation = True
    field.name_en = "Work and family"
    assert machine_translate(field, "en", alliance)
    field.save()
    assert field.name_en == "Work and family"  # a person's translation stays
    assert field.summary_en == "[en] Beruf und Familie"
    assert translations.is_machine(field, "en")
    html = render(field, "en")
    with translation.override("en"):
        assert translation.gettext("Maschinell übersetzt.") in html
        assert translation.gettext("Original anzeigen") in html
    assert 'hreflang="de"' in html


def test_machine_translation_never_touches_leichte_sprache(alliance, dummy_backend):
    alliance.machine_translation = True
    # The factory is get_or_create by topic, and the alliance's starter content already
    # has this page (with its own title): compare against what the page holds.
    page = EasyReadPageFactory()
    title, body = page.title, page.body
    assert machine_translate(page, "en", alliance) is False
    page.refresh_from_db()
    assert (page.title, page.body) == (title, body) and not hasattr(page, "title_en")


def test_the_dummy_makes_no_request(monkeypatch):
    import urllib.request

    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: pytest.fail("network"))
    assert Dummy().translate(["Hallo", ""], "tr") == ["[tr] Hallo", ""]


def test_the_admin_action_appears_only_when_switched_on(coordinator_client, field, dummy_backend):
    changelist = reverse("admin:buendnis_fieldofaction_changelist")
    assert "translate_by_machine" not in coordinator_client.get(changelist).content.decode()
    alliance = Alliance.current()
    alliance.machine_translation = True
    alliance.save()
    assert "translate_by_machine" in coordinator_client.get(changelist).content.decode()
    response = coordinator_client.post(
        changelist, {"action": "translate_by_machine", "_selected_action": [field.pk]}
    )
    assert response.status_code == 302
    field.refresh_from_db()
    assert field.name_tr == "[tr] Vereinbarkeit" and translations.is_machine(field, "tr")
    assert field.name_de == "Vereinbarkeit"


def test_the_steering_group_gets_no_machine_translation(client, steering_member, field):
    alliance = Alliance.current()
    alliance.machine_translation = True
    alliance.save()
    client.force_login(steering_member)
    changelist = reverse("admin:buendnis_fieldofaction_changelist")
    assert "translate_by_machine" not in client.get(changelist).content.decode()
