"""Change history of working groups, their mandates and members, and of projects."""

from django.urls import reverse

from arbeitsgruppen.models import Mandate
from tests.factories import PartnerFactory, ProjectFactory, WorkingGroupFactory
from tests.support.admin_forms import changes, edit


def test_a_new_mandate_and_new_members_are_recorded(coordinator_client, coordinator, declaration):
    group = WorkingGroupFactory(name="AG Pflege", mandate="Pflege-Lotsen ausbilden")
    member = PartnerFactory(name="Sozialstation Nord")

    edit(
        coordinator_client, "arbeitsgruppen_workinggroup", group,
        mandate="Eine Broschüre schreiben", members=[str(member.pk)],
        **{
            "earlier_mandates-TOTAL_FORMS": "1",
            "earlier_mandates-0-text": "Pflege-Lotsen ausbilden",
            "earlier_mandates-0-outcome": "12 Lotsen",
        },
    )

    # One record for the coordinator's save, members included (not one per clear and add).
    assert group.history.count() == 2
    latest = group.history.latest()
    assert latest.history_user == coordinator
    assert changes(latest)["mandate"] == ("Pflege-Lotsen ausbilden", "Eine Broschüre schreiben")
    assert [row.partner for row in latest.members.all()] == [member]
    mandate = Mandate.objects.get()
    assert mandate.history.get().history_user == coordinator
    page = coordinator_client.get(reverse("admin:arbeitsgruppen_workinggroup_history", args=[group.pk]))
    assert "Eine Broschüre schreiben" in page.content.decode()


def test_project_changes_and_partners_are_recorded(coordinator_client, coordinator, declaration):
    project = ProjectFactory(title="Ferienprogramm", status="planned")
    partner = PartnerFactory(name="Jugendhilfe Süd")
    edit(coordinator_client, "arbeitsgruppen_project", project, status="running", partners=[str(partner.pk)])
    assert project.history.count() == 2
    latest = project.history.latest()
    assert latest.history_user == coordinator
    assert changes(latest)["status"] == ("planned", "running")
    assert [row.partner for row in latest.partners.all()] == [partner]
    # The stored search text is derived; it does not clutter the history.
    assert not hasattr(latest, "search_text")
