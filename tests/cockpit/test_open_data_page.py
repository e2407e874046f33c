"""The coordinator's page of open data in the admin: every format with its address,
who may embed, the licence."""

from tests.factories import WorkingGroupFactory

PAGE = "/verwaltung/offene-daten/"


def test_the_coordinator_sees_every_format_the_hosts_and_the_licence(coordinator_client, alliance):
    WorkingGroupFactory(name="AG Randzeiten", slug="ag-randzeiten")
    alliance.embed_hosts = "https://www.landkreis-musterhausen.de"
    alliance.save()
    response = coordinator_client.get(PAGE)
    assert response.status_code == 200
    page = response.content.decode()
    addresses = (
        "/sitemap.xml", "/termine/feed.atom", "/partner/feed.atom", "/projekte/feed.atom",
        "/termine/protokolle.atom", "/termine/kalender.ics", "/termine/kalender/buendnistreffen.ics",
        "/arbeitsgruppen/ag-randzeiten/kalender.ics", "/api/v1/partners", "/api/openapi.json",
        "/einbetten/", "/open-data/partner.csv", "/open-data/termine.json",
    )
    for address in addresses:
        assert f'href="http://testserver{address}"' in page, address
    assert "https://www.landkreis-musterhausen.de" in page
    assert "Datenlizenz Deutschland – Zero – Version 2.0" in page
    assert f'href="/verwaltung/buendnis/alliance/{alliance.pk}/change/"' in page


def test_the_dashboard_links_it(coordinator_client):
    assert f'href="{PAGE}"' in coordinator_client.get("/verwaltung/").content.decode()


def test_the_steering_group_sees_it_a_group_lead_does_not(client, steering_member, group_lead):
    client.force_login(steering_member)
    assert client.get(PAGE).status_code == 200
    client.force_login(group_lead)
    assert client.get(PAGE).status_code == 403


def test_visitors_must_log_in(client, alliance):
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith("/verwaltung/login/")
