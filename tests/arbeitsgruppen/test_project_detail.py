import datetime
import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from arbeitsgruppen.models import Project


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def test_shows_project_with_group_partners_target_groups_and_period(
    client, make_group, make_project, make_partner, make_target_group
):
    group = make_group(name="AG Elterncafés")
    project = make_project(
        title="Elterncafé am Marktplatz",
        summary="Jeden Donnerstag offen.",
        description="<p>Mit <strong>Hebamme</strong> als Gast.</p>",
        working_group=group,
        status="running",
        starts_on=datetime.date(2021, 3, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    partner = make_partner(name="Familienzentrum Nord")
    project.partners.add(partner, make_partner(name="Ausgetretener Verein", active=False))
    target = make_target_group("Alleinerziehende")
    project.target_groups.add(target)

    response = client.get(f"/projekte/{project.slug}/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Elterncafé am Marktplatz</h1>" in content
    assert "Jeden Donnerstag offen." in content
    assert "Mit <strong>Hebamme</strong> als Gast." in content
    assert 'status-running">laufend' in content
    assert group.get_absolute_url() in content
    assert group.field_of_action.get_absolute_url() in content
    assert f'<a href="/partner/{partner.slug}/">Familienzentrum Nord</a>' in content
    assert "Ausgetretener Verein" not in content
    assert partner.contact_email not in content
    assert f"/projekte/?zielgruppe={target.slug}" in content
    assert "März 2021 – Dezember 2026" in content
    assert "<img" not in content.split("<main", 1)[1]


def test_alliance_wide_project(client, make_project):
    project = make_project(title="Bündnisweite Aktion")
    content = client.get(project.get_absolute_url()).content.decode()
    assert "dem ganzen Bündnis (bündnisweit)" in content


def test_shows_the_image_with_its_description(client, make_project):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "blue").save(buffer, format="JPEG")
    project = make_project(image_alt="Eltern mit Kinderwagen vor dem Rathaus")
    project.image.save("bild.jpg", ContentFile(buffer.getvalue()))

    content = client.get(project.get_absolute_url()).content.decode()

    assert f'<img src="{project.image.url}" alt="Eltern mit Kinderwagen vor dem Rathaus">' in content


def test_unknown_unpublished_or_hidden_project_is_404(client, make_field, make_group, make_project):
    assert client.get("/projekte/gibt-es-nicht/").status_code == 404
    assert client.get(make_project(published=False).get_absolute_url()).status_code == 404
    hidden_group = make_group(published=False)
    assert client.get(make_project(working_group=hidden_group).get_absolute_url()).status_code == 404
    hidden_field = make_field(published=False)
    assert client.get(make_project(field_of_action=hidden_field).get_absolute_url()).status_code == 404


@pytest.mark.parametrize("status", ["idea", "planned", "running", "completed", "discontinued"])
def test_every_status_is_visible_to_visitors(client, make_project, status):
    project = make_project(status=status)
    content = client.get(project.get_absolute_url()).content.decode()
    assert f'status-{status}">{Project.Status(status).label}</span>' in content
