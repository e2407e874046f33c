"""The admin's menu is ordered by the coordinator's work (buendnis.admin_menu)."""

from django.contrib import admin

from buendnis import admin_menu

WORK = ["Partner", "Treffen", "Arbeitsgruppen und Projekte", "Rundmails", "Website", "Dokumente",
        "Finanzen", "Team", "Einstellungen"]


def test_every_registered_model_has_its_place_in_the_menu():
    labels = [model._meta.label for model in admin.site._registry]
    unplaced = [label for label in labels if not admin_menu.section_of(label)]
    assert not unplaced, f"Modelle ohne Platz im Menü (buendnis/admin_menu.py, SECTIONS): {unplaced}"


def test_the_coordinator_sees_the_sections_of_her_work_in_order(coordinator_client):
    response = coordinator_client.get("/verwaltung/")
    sections = [app["name"] for app in response.context["app_list"]]
    assert sections == [name for name in WORK if name in sections]
    assert sections[:3] == ["Partner", "Treffen", "Arbeitsgruppen und Projekte"]
    assert "Dokumente" in sections and "Einstellungen" in sections
    partner_section = response.context["app_list"][0]
    assert [model["name"] for model in partner_section["models"]][:2] == ["Partner", "Unterzeichnungen"]
    content = response.content.decode()
    for app_name in ("Partner und Bündniserklärung", "Cockpit", "Termine und Protokolle"):
        assert app_name not in content


def test_a_group_lead_sees_only_what_it_may_open(client, group_lead):
    client.force_login(group_lead)
    response = client.get("/verwaltung/")
    sections = [app["name"] for app in response.context["app_list"]]
    assert "Dokumente" not in sections and "Team" not in sections and "Einstellungen" not in sections
    assert "Arbeitsgruppen und Projekte" in sections
