import datetime
import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from arbeitsgruppen.models import Project
from tests.factories import (
    FieldOfActionFactory,
    PartnerFactory,
    ProjectFactory,
    TargetGroupFactory,
    WorkingGroupFactory,
)
from tests.support.responses import assert_not_found


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def test_shows_project_with_group_partners_target_groups_and_period(client):
    group = WorkingGroupFactory(name="AG Elterncafés")
    project = ProjectFactory(
        title="Elterncafé am Marktplatz",
        summary="Jeden Donnerstag offen.",
        description="<p>Mit <strong>Hebamme</strong> als Gast.</p>",
        working_group=group,
        status="running",
        starts_on=datetime.date(2021, 3, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    partner = PartnerFactory(name="Familienzentrum Nord")
    project.partners.add(partner, PartnerFactory(name="Ausgetretener Verein", pending=True))
    target = TargetGroupFactory(name="Alleinerziehende")
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


def test_alliance_wide_project(client):
    project = ProjectFactory(title="Bündnisweite Aktion")
    content = client.get(project.get_absolute_url()).content.decode()
    assert "dem ganzen Bündnis (bündnisweit)" in content


def test_shows_the_image_with_its_description(client):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "blue").save(buffer, format="JPEG")
    project = ProjectFactory(image_alt="Eltern mit Kinderwagen vor dem Rathaus")
    project.image.save("bild.jpg", ContentFile(buffer.getvalue()))

    content = client.get(project.get_absolute_url()).content.decode()

    assert f'<img src="{project.image.url}" alt="Eltern mit Kinderwagen vor dem Rathaus">' in content


def test_unknown_unpublished_or_hidden_project_is_404(client):
    assert_not_found(client.get("/projekte/gibt-es-nicht/"))
    assert_not_found(client.get(ProjectFactory(published=False).get_absolute_url()))
    hidden_group = WorkingGroupFactory(published=False)
    assert_not_found(client.get(ProjectFactory(working_group=hidden_group).get_absolute_url()))
    hidden_field = FieldOfActionFactory(published=False)
    assert_not_found(client.get(ProjectFactory(field_of_action=hidden_field).get_absolute_url()))


@pytest.mark.parametrize("status", ["idea", "planned", "running", "completed", "discontinued"])
def test_every_status_is_visible_to_visitors(client, status):
    project = ProjectFactory(status=status)
    content = client.get(project.get_absolute_url()).content.decode()
    assert f'status-{status}">{Project.Status(status).label}</span>' in content
