import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from arbeitsgruppen.models import Mandate, Project, WorkingGroup
from buendnis.models import FieldOfAction
from tests.factories import (
    FieldOfActionFactory,
    PartnerFactory,
    ProjectFactory,
    TargetGroupFactory,
    WorkingGroupFactory,
)
from tests.support.responses import assert_admin_page


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def image_file(size, image_format="PNG", name="bild.png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


def test_fields_of_action_are_listed_by_position(admin_client):
    FieldOfActionFactory(name="Zweites Feld", position=2)
    FieldOfActionFactory(name="Erstes Feld", position=1)

    response = admin_client.get(reverse("admin:buendnis_fieldofaction_changelist"))

    assert [field.name for field in response.context["cl"].result_list] == ["Erstes Feld", "Zweites Feld"]


def test_coordinator_creates_group_with_members_projects_and_earlier_mandate(admin_client):
    field = FieldOfActionFactory()
    partner = PartnerFactory(name="Stadtwerke")
    add_url = reverse("admin:arbeitsgruppen_workinggroup_add")
    form_page = admin_client.get(add_url).content.decode()
    # Members are chosen with an autocomplete field, earlier mandates and projects inline.
    assert 'name="members"' in form_page and "admin-autocomplete" in form_page
    assert "earlier_mandates-TOTAL_FORMS" in form_page
    assert "projects-TOTAL_FORMS" in form_page

    data = {
        "name": "AG Zeitpolitik", "slug": "ag-zeitpolitik", "field_of_action": field.pk,
        "status": "active", "mandate": "Neuer Auftrag", "members": [partner.pk],
        "published": "on",
        **inline_management("earlier_mandates", total=1),
        "earlier_mandates-0-text": "Alter Auftrag",
        "earlier_mandates-0-started_on": "01.02.2018",
        "earlier_mandates-0-ended_on": "31.12.2020",
        "earlier_mandates-0-outcome": "Leitfaden erschienen",
        **inline_management("projects", total=1),
        "projects-0-title": "Familienzeit-Check",
        "projects-0-slug": "familienzeit-check",
        "projects-0-status": "running",
        "projects-0-published": "on",
    }
    response = admin_client.post(add_url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    group = WorkingGroup.objects.get(slug="ag-zeitpolitik")
    assert list(group.members.all()) == [partner]
    mandate = Mandate.objects.get(working_group=group)
    assert (mandate.text, str(mandate.started_on)) == ("Alter Auftrag", "2018-02-01")
    project = Project.objects.get(slug="familienzeit-check")
    # A project added inline belongs to the group's field of action.
    assert (project.working_group, project.field_of_action) == (group, field)


def test_group_end_before_start_is_refused(admin_client):
    response = admin_client.post(
        reverse("admin:arbeitsgruppen_workinggroup_add"),
        {
            "name": "AG", "slug": "ag", "field_of_action": FieldOfActionFactory().pk, "status": "completed",
            "mandate": "x", "started_on": "01.02.2020", "ended_on": "01.01.2020",
            **inline_management("earlier_mandates"), **inline_management("projects"),
        },
    )
    assert response.status_code == 200
    assert "Das Ende darf nicht vor dem Beginn liegen." in response.content.decode()
    assert not WorkingGroup.objects.exists()


def project_data(field, **extra):
    return {
        "title": "Elterncafé", "slug": "elterncafe", "status": "running",
        "field_of_action": field.pk, "published": "on", "image_alt": "Ein Café", **extra,
    }


def test_project_image_is_checked_and_scaled_down(admin_client):
    response = admin_client.post(
        reverse("admin:arbeitsgruppen_project_add"),
        project_data(FieldOfActionFactory(), image=image_file((3200, 1600))),
    )

    assert response.status_code == 302
    project = Project.objects.get()
    with Image.open(project.image.path) as stored:
        assert stored.size == (1600, 800)
        assert stored.format == "JPEG"
    assert project.image.name.startswith(f"alliances/{project.alliance_id}/bilder/")


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("bild.png", b"kein Bild", content_type="image/png"),
         "Die Datei ist kein lesbares Bild (PNG, JPEG oder WebP)."),
        (lambda: image_file((20, 20), "GIF", "bild.gif"), "PNG, JPEG oder WebP"),
    ],
)
def test_project_image_refuses_bad_files(admin_client, upload, message):
    upload = upload() if callable(upload) else upload
    response = admin_client.post(
        reverse("admin:arbeitsgruppen_project_add"), project_data(FieldOfActionFactory(), image=upload)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Project.objects.exists()


def test_project_changelist_filters(admin_client):
    running = ProjectFactory(
        title="Läuft",
        status="running",
        working_group=WorkingGroupFactory(),
    )
    running.target_groups.add(TargetGroupFactory(name="Beschäftigte"))
    ProjectFactory(title="Idee", status="idea")

    response = admin_client.get(reverse("admin:arbeitsgruppen_project_changelist"), {"status": "idea"})

    assert [project.title for project in response.context["cl"].result_list] == ["Idee"]
    filters = [spec.title for spec in response.context["cl"].filter_specs]
    assert filters == ["Status", "Handlungsfeld", "Arbeitsgruppe", "Zielgruppen", "veröffentlicht"]


def test_admin_pages_open(admin_client):
    group = WorkingGroupFactory()
    project = ProjectFactory(working_group=group)
    for url in (
        reverse("admin:buendnis_fieldofaction_changelist"),
        reverse("admin:arbeitsgruppen_workinggroup_changelist"),
        reverse("admin:arbeitsgruppen_workinggroup_change", args=[group.pk]),
        reverse("admin:arbeitsgruppen_project_change", args=[project.pk]),
        reverse("admin:arbeitsgruppen_targetgroup_changelist"),
    ):
        assert_admin_page(admin_client.get(url))


def test_admin_needs_login(client, db):
    response = client.get(reverse("admin:arbeitsgruppen_project_changelist"))
    assert response.status_code == 302
    assert FieldOfAction.objects.count() == 0
