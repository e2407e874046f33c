import pytest
from django.core import mail
from playwright.sync_api import expect

from arbeitsgruppen.models import Project
from events.models import Suggestion

pytestmark = pytest.mark.browser


def test_visitor_goes_from_home_to_a_partner_and_sends_a_suggestion(page, demo_data, axe):
    project = Project.objects.get(slug="pflege-lotsen")
    partner = project.partners.public().first()
    assert partner is not None, "The demo names public partners in every project."

    page.goto("/")
    page.get_by_role("link", name="Vereinbarkeit von Beruf und Pflege").first.click()
    expect(page.locator("h1")).to_have_text("Vereinbarkeit von Beruf und Pflege")
    axe(page)

    page.get_by_role("link", name="AG Beruf und Pflege").first.click()
    expect(page.locator("h1")).to_have_text("AG Beruf und Pflege")
    expect(page.get_by_text("Mitwirkende Partner")).to_be_visible()
    axe(page)

    page.get_by_role("link", name="Betriebliche Pflege-Lotsen").click()
    expect(page.locator("h1")).to_have_text("Betriebliche Pflege-Lotsen")
    expect(page.get_by_text("pflegende Angehörige")).to_be_visible()
    axe(page)

    page.locator("ul.partner-names").get_by_role("link", name=partner.name, exact=True).click()
    expect(page.locator("h1")).to_have_text(partner.name)
    assert page.url.endswith(f"/partner/{partner.slug}/")
    # The partner's entry leads back to the project it takes part in.
    expect(page.get_by_role("link", name="Betriebliche Pflege-Lotsen")).to_be_visible()
    axe(page)

    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Anregungen").click()
    expect(page.locator("h1")).to_have_text("Wünsche und Anregungen")
    axe(page)
    page.get_by_label("Ihr Wunsch oder Ihre Anregung").fill("Bitte mehr Beratung für pflegende Eltern.")
    page.get_by_label("Thema (optional)").select_option(label="Vereinbarkeit von Beruf und Pflege")
    page.get_by_label("Ihre E-Mail-Adresse (optional, für eine Antwort)").fill("eva@example.org")
    page.get_by_role("button", name="Anregung senden").click()

    expect(page.get_by_role("status")).to_contain_text("Vielen Dank!")
    suggestion = Suggestion.objects.get(text="Bitte mehr Beratung für pflegende Eltern.")
    assert suggestion.field_of_action.name == "Vereinbarkeit von Beruf und Pflege"
    assert suggestion.email == "eva@example.org"
    assert mail.outbox[-1].reply_to == ["eva@example.org"]
    assert page.foreign_requests == []


def test_suggestion_form_shows_errors_and_keeps_the_text(page, alliance, axe):
    page.goto("/anregungen/")
    page.get_by_label("Ihr Wunsch oder Ihre Anregung").fill("Mehr Spielplätze")
    page.get_by_label("Ihre E-Mail-Adresse (optional, für eine Antwort)").fill("nicht-gültig")
    page.get_by_role("button", name="Anregung senden").click()

    expect(page.get_by_role("alert")).to_contain_text("Bitte prüfen Sie Ihre Eingaben.")
    expect(page.get_by_text("Bitte geben Sie eine gültige E-Mail-Adresse an.")).to_be_visible()
    expect(page.get_by_label("Ihr Wunsch oder Ihre Anregung")).to_have_value("Mehr Spielplätze")
    axe(page)
    assert not Suggestion.objects.exists()


def test_project_filters_work_without_javascript(browser, live_server, demo_data):
    # A German visitor's browser, as the `page` fixture's: Chromium's own Accept-Language
    # (en-US) would send the first visit on to /en/.
    context = browser.new_context(
        java_script_enabled=False, locale="de-DE", base_url=live_server.url
    )
    page = context.new_page()
    page.goto("/projekte/")
    page.get_by_label("Status").select_option(label="laufend")
    page.get_by_label("Zielgruppe").select_option(label="pflegende Angehörige")
    page.get_by_role("button", name="Anzeigen").click()
    expect(page.get_by_role("heading", name="Betriebliche Pflege-Lotsen")).to_be_visible()
    expect(page.get_by_text("1 Projekt gefunden")).to_be_visible()
    context.close()


def test_a_project_card_with_long_names_fits_a_phone(page, alliance):
    """The facts of a card (field, group, partners …) break a long compound word rather
    than push the page wider than a phone (found with the bench's national data)."""
    from tests.factories import PartnerFactory, ProjectFactory, WorkingGroupFactory

    partners = [
        PartnerFactory(name=f"Nachbarschaftsgesundheitszentrum Familienberatungsstelle {number}")
        for number in range(3)
    ]
    group = WorkingGroupFactory(name="AG Sprachförderung und Netzwerkarbeit")
    ProjectFactory(title="Beratung im Quartier", working_group=group, partners=partners)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/projekte/")
    expect(page.get_by_role("link", name="Beratung im Quartier")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
