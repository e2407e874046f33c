"""Impressum, Datenschutz and Barrierefreiheit built from their facts: prefilled from the
profile, refused for publication while a required fact is missing or a `[…]` placeholder
remains (model, admin form, publish button, service)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from buendnis import services
from buendnis.models import Alliance, Page
from buendnis.tenancy import activate
from tests.factories import AllianceFactory, PageFactory

IMPRESSUM_FACTS = {
    "title": "Impressum",
    "responsible_body": "Stadt Nordheim – Bündnis für Familie",
    "street": "Rathausplatz 3",
    "postal_code": "54321",
    "town": "Nordheim",
    "representative": "Bürgermeister Max Muster",
    "contact_email": "buendnis@nordheim.example.org",
    "contact_phone": "",
    "content_responsible": "",
    "body": "",
}


@pytest.fixture
def draft_impressum(alliance):
    page = Page.objects.get(slug=Page.Slug.LEGAL_NOTICE)
    for name in Page.REQUIRED_FIELDS["impressum"] + Page.OPTIONAL_FIELDS["impressum"]:
        setattr(page, name, "")
    page.body = ""
    page.published = False
    page.save()
    alliance.street = alliance.postal_code = alliance.town = alliance.email = ""
    alliance.save()
    return page


def test_publishing_is_refused_with_the_missing_facts_named_in_german(draft_impressum):
    draft_impressum.responsible_body = ""
    with pytest.raises(ValidationError) as refused:
        services.publish_page(draft_impressum)
    text = " ".join(refused.value.messages)
    assert "Die Seite kann noch nicht veröffentlicht werden." in text
    for label in ("Straße und Hausnummer", "PLZ", "Ort", "Vertreten durch", "E-Mail-Adresse"):
        assert label in text
    assert "Telefon" not in text  # optional
    draft_impressum.refresh_from_db()
    assert not draft_impressum.published
    assert Page.objects.public().filter(slug="impressum").count() == 0


def test_the_model_refuses_a_published_page_with_gaps(draft_impressum):
    draft_impressum.published = True
    with pytest.raises(ValidationError, match="Vertreten durch"):
        draft_impressum.full_clean()
    draft_impressum.published = False
    draft_impressum.full_clean()  # a draft may have gaps


def test_a_placeholder_left_in_a_text_refuses_publication(draft_impressum):
    for name, value in IMPRESSUM_FACTS.items():
        setattr(draft_impressum, name, value)
    draft_impressum.body = "<p>Fotos: [Name der Fotografin]</p>"
    with pytest.raises(ValidationError) as refused:
        services.publish_page(draft_impressum)
    assert "Im Feld „Inhalt“ steht noch der Platzhalter [Name der Fotografin]." in refused.value.messages
    draft_impressum.body = "<p>Fotos: Anna Bild</p>"
    services.publish_page(draft_impressum)
    draft_impressum.refresh_from_db()
    assert draft_impressum.published


def test_the_admin_form_refuses_publishing_and_names_the_gaps(coordinator_client, draft_impressum):
    url = reverse("admin:buendnis_page_change", args=[draft_impressum.pk])
    data = {**IMPRESSUM_FACTS, "representative": "", "published": "on"}
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Die Seite kann noch nicht veröffentlicht werden." in content
    assert "Es fehlen: Vertreten durch." in content
    draft_impressum.refresh_from_db()
    assert not draft_impressum.published
    response = coordinator_client.post(url, {**IMPRESSUM_FACTS, "published": "on"})
    assert response.status_code == 302
    draft_impressum.refresh_from_db()
    assert draft_impressum.published
    assert draft_impressum.representative == "Bürgermeister Max Muster"


def test_the_form_is_prefilled_from_the_profile(coordinator_client, draft_impressum):
    alliance = Alliance.current()
    alliance.street, alliance.postal_code, alliance.town = "Lindenallee 7", "12399", "Musterdorf"
    alliance.email, alliance.phone = "kontakt@musterdorf.example.org", "0123 4567"
    alliance.save()
    content = coordinator_client.get(
        reverse("admin:buendnis_page_change", args=[draft_impressum.pk])
    ).content.decode()
    assert 'value="Lindenallee 7"' in content
    assert 'value="12399"' in content
    assert 'value="kontakt@musterdorf.example.org"' in content
    assert 'value="0123 4567"' in content
    assert f'value="{alliance.coordinator_name}, {alliance.coordinator_title}"' in content
    # Facts of the other legal pages are not asked for on the Impressum.
    assert 'name="supervisory_authority"' not in content
    assert "Pflichtangaben" in content


def test_the_rendered_impressum_contains_the_profiles_address(client, draft_impressum):
    alliance = Alliance.current()
    alliance.street, alliance.postal_code, alliance.town = "Lindenallee 7", "12399", "Musterdorf"
    alliance.email = "kontakt@musterdorf.example.org"
    alliance.save()
    draft_impressum.representative = "Bürgermeisterin Erika Muster"
    services.publish_page(draft_impressum)
    content = client.get("/impressum/").content.decode()
    assert "<h2>Angaben gemäß § 5 DDG</h2>" in content
    assert "Lindenallee 7<br>12399 Musterdorf" in content
    assert alliance.name in content
    assert "<h2>Vertreten durch</h2><p>Bürgermeisterin Erika Muster</p>" in content
    assert 'href="mailto:kontakt@musterdorf.example.org"' in content


def test_the_privacy_page_is_built_from_its_facts_with_the_storage_periods(client, alliance, settings):
    settings.UNCONFIRMED_SIGNATURE_DAYS = 21
    settings.DELIVERY_RETENTION_DAYS = 60
    content = client.get("/datenschutz/").content.decode()
    for heading in ("Wer ist verantwortlich?", "Kontakt für Datenschutzfragen", "Hosting",
                    "Wie lange wir Ihre Daten speichern", "Ihre Rechte",
                    "Beschwerde bei der Aufsichtsbehörde"):
        assert f">{heading}</h2>" in content
    assert "Landesbeauftragte für den Datenschutz, Postfach 1234" in content
    assert "Rechenzentrum Musterhausen GmbH" in content
    assert "nach 21 Tagen" in content
    assert "60 Tage nach dem Versand" in content


def test_the_accessibility_statement_is_built_from_its_facts(client, alliance):
    page = Page.objects.get(slug=Page.Slug.ACCESSIBILITY)
    page.conformity = Page.Conformity.FULL
    page.save()
    content = client.get("/barrierefreiheit/").content.decode()
    assert "mit den Anforderungen der BITV 2.0 vollständig vereinbar" in content
    assert "schlichtung@land.example.org" in content
    assert ">Barriere melden</h2>" in content
    assert "Ältere Protokolle" in content  # the free section


def test_the_publish_button_shows_a_preview_and_then_publishes(coordinator_client, draft_impressum):
    url = reverse("admin:buendnis_page_publish", args=[draft_impressum.pk])
    content = coordinator_client.get(url).content.decode()
    assert "Bevor die Seite online gehen kann" in content
    assert "Vertreten durch" in content
    assert "Angaben gemäß § 5 DDG" in content  # the preview is built from the facts already
    response = coordinator_client.post(url, follow=True)
    assert "Es fehlen:" in response.content.decode()
    draft_impressum.refresh_from_db()
    assert not draft_impressum.published

    for name, value in IMPRESSUM_FACTS.items():
        setattr(draft_impressum, name, value)
    draft_impressum.save()
    content = coordinator_client.get(url).content.decode()
    assert "Jetzt veröffentlichen" in content
    assert "Rathausplatz 3" in content  # the preview
    response = coordinator_client.post(url)
    assert response.status_code == 302
    draft_impressum.refresh_from_db()
    assert draft_impressum.published

    unpublish = reverse("admin:buendnis_page_unpublish", args=[draft_impressum.pk])
    assert coordinator_client.get(unpublish).status_code == 405
    response = coordinator_client.post(unpublish)
    assert response.status_code == 302
    draft_impressum.refresh_from_db()
    assert not draft_impressum.published


def test_the_steering_group_may_look_but_not_publish(client, steering_member, draft_impressum):
    client.force_login(steering_member)
    response = client.post(reverse("admin:buendnis_page_publish", args=[draft_impressum.pk]))
    assert response.status_code == 403
    draft_impressum.refresh_from_db()
    assert not draft_impressum.published


def test_another_alliances_page_cannot_be_published_here(coordinator_client, alliance):
    other = AllianceFactory(slug="nordheim")
    with activate(other):
        foreign = PageFactory(slug=Page.Slug.LEGAL_NOTICE, published=False)
    response = coordinator_client.post(reverse("admin:buendnis_page_publish", args=[foreign.pk]))
    assert response.status_code == 404
    with activate(other):
        foreign.refresh_from_db()
    assert not foreign.published


def test_a_page_written_before_the_facts_is_shown_as_it_was_written(client, alliance, settings):
    settings.REGISTRATION_RETENTION_DAYS = 45
    Page.objects.filter(slug__in=["impressum", "datenschutz"]).delete()
    PageFactory(slug=Page.Slug.LEGAL_NOTICE, body="<h2>Anbieter</h2><p>Altes Impressum</p>")
    PageFactory(slug=Page.Slug.PRIVACY, title="Datenschutz", body="<p>Alte Erklärung</p>")
    content = client.get("/impressum/").content.decode()
    assert "<h2>Anbieter</h2><p>Altes Impressum</p>" in content
    assert "Angaben gemäß § 5 DDG" not in content  # nothing twice
    content = client.get("/datenschutz/").content.decode()
    assert "Alte Erklärung" in content
    assert "löschen wir 45 Tage nach der Veranstaltung" in content  # as before
    assert "Kontakt für Datenschutzfragen" not in content
