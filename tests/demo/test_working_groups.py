import io

import pytest
from django.core.management import call_command

from arbeitsgruppen.models import Mandate, Project, TargetGroup, WorkingGroup
from buendnis.models import FieldOfAction
from demo import alliance as alliance_demo
from demo import working_groups as demo
from events.models import Suggestion
from tests.factories import PartnerFactory
from tests.support.responses import assert_shows


def counts():
    return [model.objects.count() for model in (FieldOfAction, WorkingGroup, Mandate, Project,
                                                 TargetGroup, Suggestion)]


def test_demo_has_the_classic_fields_groups_in_every_state_and_projects(demo_data):
    names = list(FieldOfAction.objects.values_list("name", flat=True))
    assert names == [
        "Familienfreundliche Arbeitswelt – Vereinbarkeit von Familie und Beruf",
        "Kindertagesbetreuung – Bildung, Erziehung und Betreuung",
        "Familienfreundliche Kommunen – örtliche Aktivitäten",
        "Erziehungs- und Elternkompetenz – Familienbildung",
        "Vereinbarkeit von Beruf und Pflege",
    ]
    assert set(WorkingGroup.objects.values_list("status", flat=True)) == set(WorkingGroup.Status.values)
    assert WorkingGroup.objects.filter(name__icontains="Zeitpolitik für Familien").exists()
    renewed = WorkingGroup.objects.get(earlier_mandates__isnull=False)
    assert renewed.status == WorkingGroup.Status.ACTIVE
    assert 12 <= Project.objects.count() <= 20
    assert set(Project.objects.values_list("status", flat=True)) == set(Project.Status.values)
    assert Project.objects.filter(working_group__isnull=True).exists()
    assert Project.objects.filter(target_groups__isnull=True).count() == 0
    assert "pflegende Angehörige" in TargetGroup.objects.values_list("name", flat=True)
    answered = Suggestion.objects.public()
    assert answered.count() >= 3


def test_demo_runs_twice_without_duplicates(demo_data):
    before = counts()
    call_command("load_demo", "--no-admin", stdout=io.StringIO())
    assert counts() == before


@pytest.mark.django_db
def test_demo_draws_members_from_active_partners():
    active = [PartnerFactory() for _ in range(6)]
    pending = PartnerFactory(pending=True)

    alliance_demo.load(io.StringIO())  # the fields of action
    demo.load(io.StringIO())

    for group in WorkingGroup.objects.all():
        members = set(group.members.all())
        assert members and members <= set(active)
    assert not pending.working_groups.exists()
    assert all(project.partners.exists() for project in Project.objects.all())
    assert FieldOfAction.objects.filter(interested_partners__isnull=False).exists()


def test_demo_pages_render(client, demo_data):
    first_field = FieldOfAction.objects.first()
    for path in ("/", "/handlungsfelder/", "/projekte/", "/anregungen/"):
        assert_shows(client.get(path), first_field)
    for obj in [*FieldOfAction.objects.all(), *WorkingGroup.objects.all(), *Project.objects.all()]:
        assert_shows(client.get(obj.get_absolute_url()), obj)
