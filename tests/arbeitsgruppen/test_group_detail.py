import datetime

import pytest
from django.utils import timezone

from arbeitsgruppen.models import WorkingGroup
from events.models import Event
from tests.factories import (
    EventFactory,
    FieldOfActionFactory,
    MandateFactory,
    PartnerFactory,
    ProjectFactory,
    WorkingGroupFactory,
)
from tests.support.responses import assert_not_found


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def test_shows_group_with_mandate_status_members_projects_and_contact(client):
    field = FieldOfActionFactory(name="Familienfreundliche Kommunen")
    group = WorkingGroupFactory(
        name="AG Zeitpolitik für Familien",
        field_of_action=field,
        mandate="Takte von Schule, Bus und Arbeit aufeinander abstimmen.",
        started_on=datetime.date(2023, 6, 1),
        public_contact="Fragen beantwortet die Koordinatorin.",
    )
    member = PartnerFactory(name="Stadtwerke Musterhausen")
    group.members.add(member)
    ProjectFactory(
        title="Familienzeit-Check",
        working_group=group,
        status="running",
    )

    response = client.get(f"/arbeitsgruppen/{group.slug}/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>AG Zeitpolitik für Familien</h1>" in content
    assert field.get_absolute_url() in content
    assert "Takte von Schule, Bus und Arbeit aufeinander abstimmen." in content
    assert 'status-active">aktiv</span>' in content
    assert "1. Juni 2023" in content
    assert f'<a href="/partner/{member.slug}/">Stadtwerke Musterhausen</a>' in content
    assert "Familienzeit-Check" in content
    assert 'status-running">laufend</span>' in content
    assert "Fragen beantwortet die Koordinatorin." in content
    # Contact goes through the coordinator, never to a private address.
    assert f"/anregungen/?arbeitsgruppe={group.slug}" in content
    assert member.contact_email not in content
    assert "Erika Geheim" not in content
    # No earlier mandates: no history section.
    assert "Frühere Aufträge" not in content


def test_renewed_mandate_shows_the_earlier_ones(client):
    group = WorkingGroupFactory(mandate="Betriebe beim Siegel begleiten.")
    MandateFactory(
        working_group=group,
        text="Einen Leitfaden schreiben.",
        started_on=datetime.date(2018, 2, 1),
        ended_on=datetime.date(2020, 12, 31),
        outcome="Der Leitfaden ist erschienen.",
    )

    content = client.get(group.get_absolute_url()).content.decode()

    assert "Frühere Aufträge" in content
    assert "Einen Leitfaden schreiben." in content
    assert "Februar 2018 – Dezember 2020" in content
    assert "Der Leitfaden ist erschienen." in content
    assert content.index("Betriebe beim Siegel begleiten.") < content.index("Einen Leitfaden")


@pytest.mark.parametrize(
    "status, label",
    [(WorkingGroup.Status.COMPLETED, "abgeschlossen"), (WorkingGroup.Status.DISCONTINUED, "eingestellt")],
)
def test_finished_group_stays_visible_with_its_status_and_end(client, status, label):
    group = WorkingGroupFactory(status=status, ended_on=datetime.date(2021, 9, 30))

    content = client.get(group.get_absolute_url()).content.decode()

    assert f'status-{status}">{label}</span>' in content
    assert "30. September 2021" in content


def test_only_public_partners_appear_as_members(client):
    group = WorkingGroupFactory()
    group.members.add(
        PartnerFactory(name="Unbestätigt GmbH", pending=True),
        PartnerFactory(name="Nicht gelistet e. V.", listed=False),
    )

    content = client.get(group.get_absolute_url()).content.decode()

    assert "Unbestätigt GmbH" not in content
    assert "Nicht gelistet e. V." not in content
    assert "Noch keine Partner eingetragen." in content


def test_shows_upcoming_public_meetings_only(client):
    group = WorkingGroupFactory()
    now = timezone.now()

    def meeting(title, days, **kwargs):
        start = now + datetime.timedelta(days=days)
        EventFactory(
            title=title, slug=title.lower().replace(" ", "-"), kind=Event.Kind.WORKING_GROUP,
            working_group=group, starts_at=start, ends_at=start + datetime.timedelta(hours=2),
            **kwargs,
        )

    meeting("Treffen im Mai", 10)
    meeting("Altes Treffen", -10)
    meeting("Internes Treffen", 5, is_public=False)

    content = client.get(group.get_absolute_url()).content.decode()

    assert "Nächste Treffen" in content
    assert "Treffen im Mai" in content
    assert "Altes Treffen" not in content
    assert "Internes Treffen" not in content


def test_unknown_unpublished_or_hidden_field_group_is_404(client):
    assert_not_found(client.get("/arbeitsgruppen/gibt-es-nicht/"))
    assert_not_found(client.get(WorkingGroupFactory(published=False).get_absolute_url()))
    hidden_field = FieldOfActionFactory(published=False)
    assert_not_found(client.get(WorkingGroupFactory(field_of_action=hidden_field).get_absolute_url()))


def test_unpublished_projects_are_hidden(client):
    group = WorkingGroupFactory()
    ProjectFactory(title="Projektentwurf", working_group=group, published=False)

    content = client.get(group.get_absolute_url()).content.decode()

    assert "Projektentwurf" not in content
    assert "Die Gruppe hat noch keine Projekte eingetragen." in content
