"""Bulk downloads on /open-data/: all public data of the alliance as CSV and JSON, under
the licence the alliance chose."""

import csv
import io

import pytest

from buendnis.models import Alliance
from tests.factories import EventFactory, PartnerFactory, ProjectFactory, WorkingGroupFactory
from tests.support.cursors import no_open_cursors
from tests.support.responses import streamed_body

DATASETS = ["partner", "handlungsfelder", "arbeitsgruppen", "projekte", "termine"]


def text(response):
    return streamed_body(response).decode("utf-8-sig")


def test_the_overview_offers_every_dataset_and_names_the_licence(client, alliance):
    page = client.get("/open-data/").content.decode()
    for name in DATASETS:
        assert f'href="http://testserver/open-data/{name}.csv"' in page
        assert f'href="http://testserver/open-data/{name}.json"' in page
    assert 'rel="license"' in page and "Datenlizenz Deutschland – Zero – Version 2.0" in page
    for address in ("/sitemap.xml", "/termine/feed.atom", "/api/openapi.json", "/einbetten/"):
        assert f"http://testserver{address}" in page


def test_json_carries_the_licence_and_the_public_records(client, alliance):
    PartnerFactory(name="Bäckerei Korn", contact_email="erika@korn.example")
    PartnerFactory(name="Ausgetreten", withdrawn=True)
    response = client.get("/open-data/partner.json")
    assert response["Content-Disposition"] == f'attachment; filename="{alliance.slug}-partner.json"'
    data = response.json()
    assert data["licence"] == "Datenlizenz Deutschland – Zero – Version 2.0"
    assert data["licence_url"] == "https://www.govdata.de/dl-de/zero-2-0"
    assert data["source"] == "http://testserver/open-data/"
    assert [record["name"] for record in data["records"]] == ["Bäckerei Korn"]
    assert "erika@korn.example" not in response.content.decode()


def test_the_coordinator_chooses_another_licence(client, alliance):
    alliance.data_licence = Alliance.DataLicence.CC_BY
    alliance.save()
    data = client.get("/open-data/projekte.json").json()
    assert data["licence"] == "Creative Commons Namensnennung 4.0 (CC BY 4.0)"
    assert data["licence_url"] == "https://creativecommons.org/licenses/by/4.0/deed.de"
    assert "CC BY 4.0" in client.get("/open-data/").content.decode()


def test_csv_has_a_header_and_one_row_per_record(client):
    group = WorkingGroupFactory(name="AG Randzeiten")
    ProjectFactory(title="=Formel", working_group=group, partners=[PartnerFactory(name="Bäckerei Korn")])
    ProjectFactory(title="Entwurf", published=False)
    EventFactory(title="Sommerfest")
    response = client.get("/open-data/projekte.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(text(response)), delimiter=";"))
    assert [row["title"] for row in rows] == ["'=Formel"]
    assert rows[0]["partners"] == "backerei-korn"
    assert rows[0]["working_group"] == "ag-randzeiten"
    events = text(client.get("/open-data/termine.csv"))
    assert "Sommerfest" in events


@pytest.mark.parametrize("path", ["/open-data/kontakte.csv", "/open-data/partner.xlsx"])
def test_unknown_downloads_are_not_found(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_every_download_reads_its_rows_without_an_open_cursor(client, fmt):
    ProjectFactory(title="Ferienbetreuung", partners=[PartnerFactory(name="Bäckerei Korn")])
    EventFactory(title="Sommerfest")
    with no_open_cursors():
        for name in DATASETS:
            response = client.get(f"/open-data/{name}.{fmt}")
            body = streamed_body(response) if response.streaming else response.content
            assert response.status_code == 200 and body, name
