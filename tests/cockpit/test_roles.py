
"""Roles: what Koordination, Steuerungsgruppe and AG-Leitung may do in the admin, and what not."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from arbeitsgruppen.models import Project
from buendnis import roles
from cockpit import roles as cockpit_roles
from events.models import Minutes
from tests.factories import (
    EventFactory,
    MinutesFactory,
    PartnerFactory,
    ProjectFactory,
    RegistrationFactory,
    UserFactory,
    WorkingGroupFactory,
)
from tests.support.accounts import staff_account
from tests.support.admin_forms import change_form_data
from tests.support.responses import streamed_body
from tests.support.two_alliances import second_alliance

PASSWORD = "ein-langes-passwort-123"


def url(name, *args):
    return reverse(f"admin:{name}", args=args)


@pytest.fixture
def make_user(django_user_model, role_groups):
    def make(username, *role_names):
        user = staff_account(username, f"{username}@example.org", PASSWORD)
        user.is_staff = True
        user.save()
        user.groups.set(Group.objects.filter(name__in=role_names))
        return user

    return make


@pytest.fixture
def world(field):
    """Two working groups, each with a member partner, a project, a past event with minutes."""
    own = WorkingGroupFactory(name="AG Eigene", field_of_action=field)
    other = WorkingGroupFactory(name="AG Fremde", field_of_action=field)
    member = PartnerFactory(name="Mitglied GmbH", contact_email="mitglied@example.org")
    outsider = PartnerFactory(name="Außenstehend e. V.", contact_email="aussen@example.org")
    own.members.add(member)
    other.members.add(outsider)
    objects = {"own": own, "other": other, "member": member, "outsider": outsider}
    for key, group in (("own", own), ("other", other)):
        objects[f"{key}_project"] = ProjectFactory(title=f'Projekt {group.name}', working_group=group)
        event = EventFactory(
            title=f'Treffen {group.name}',
            working_group=group,
            kind="working_group",
            starts_in=datetime.timedelta(days=-7),
        )
        objects[f"{key}_event"] = event
        objects[f"{key}_minutes"] = MinutesFactory(event=event, summary="Entwurf", approved=False)
        objects[f"{key}_registration"] = RegistrationFactory(
            event=event, name=f"Gast {group.name}", email=f"gast-{key}@example.org"
        )
    return objects


@pytest.fixture
def lead(world):
    user = UserFactory(username="ag-leitung", roles=[roles.WORKING_GROUP_LEAD])
    world["own"].leads.add(user)
    return user


def test_migration_created_the_three_roles_with_their_permissions(db):
    portal = Permission.objects.filter(content_type__app_label__in=cockpit_roles.PORTAL_APPS)
    coordination = Group.objects.get(name=roles.COORDINATION)
    # Domains and accounts are the Servicestelle's, not an alliance's role's.
    service = portal.filter(content_type__app_label="buendnis", content_type__model__in=["domain", "account"])
    assert service.exists()
    # The finances' approvals are the steering group's (four eyes), not the coordinator's.
    approvals = portal.filter(codename__in=["approve_entry", "approve_annualreport"])
    assert approvals.count() == 2
    assert set(coordination.permissions.all()) == set(portal) - set(service) - set(approvals)
    steering = set(
        Group.objects.get(name=roles.STEERING_GROUP).permissions.values_list("codename", flat=True)
    )
    assert "approve_minutes" in steering
    assert {"approve_entry", "approve_annualreport"} <= steering
    approving = {"approve_minutes", "approve_entry", "approve_annualreport"}
    assert all(codename.startswith("view_") for codename in steering - approving)
    assert "view_partner" in steering and "change_partner" not in steering
    lead_permissions = Group.objects.get(name=roles.WORKING_GROUP_LEAD).permissions.all()
    assert {(p.content_type.app_label, p.codename) for p in lead_permissions} == set(
        cockpit_roles.WORKING_GROUP_LEAD_PERMISSIONS
    )


# Users without a role


def test_user_without_role_sees_nothing(client, world):
    client.force_login(UserFactory(username="ohne-rolle"))
    response = client.get("/verwaltung/")
    assert response.status_code == 200
    assert response.context["app_list"] == []
    assert response.context["dashboard"] is None
    for name, args in [
        ("partners_partner_changelist", []),
        ("partners_partner_change", [world["member"].pk]),
        ("arbeitsgruppen_workinggroup_changelist", []),
        ("events_minutes_change", [world["own_minutes"].pk]),
        ("cockpit_mailing_add", []),
    ]:
        assert client.get(url(name, *args)).status_code == 403, name
    assert client.get(reverse("cockpit:export_projects", args=["csv"])).status_code == 403


# Koordination


def test_coordination_edits_everything_and_exports_contact_data(client, world):
    client.force_login(UserFactory(username="koordinatorin", roles=[roles.COORDINATION]))
    assert client.get("/verwaltung/").context["dashboard"] is not None
    for name, obj in [
        ("partners_partner_change", world["outsider"]),
        ("arbeitsgruppen_workinggroup_change", world["other"]),
        ("events_minutes_change", world["other_minutes"]),
    ]:
        response = client.get(url(name, obj.pk))
        assert response.status_code == 200
        assert response.context["has_change_permission"], name
    assert (
        "aussen@example.org"
        in client.get(url("partners_partner_change", world["outsider"].pk)).content.decode()
    )
    assert client.get(reverse("cockpit:export_partners", args=["csv"])).status_code == 200
    project = world["other_project"]
    response = client.get(url("arbeitsgruppen_project_change", project.pk))
    response = client.post(
        url("arbeitsgruppen_project_change", project.pk), change_form_data(response, title="Neu")
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Neu"


# Steuerungsgruppe


def test_steering_group_sees_everything_but_changes_nothing(client, world):
    client.force_login(UserFactory(username="steuerung", roles=[roles.STEERING_GROUP]))
    assert client.get("/verwaltung/").context["dashboard"] is not None
    response = client.get(url("partners_partner_change", world["outsider"].pk))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    assert "aussen@example.org" in response.content.decode()
    project = world["own_project"]
    response = client.get(url("arbeitsgruppen_project_change", project.pk))
    assert response.status_code == 200
    response = client.post(
        url("arbeitsgruppen_project_change", project.pk), change_form_data(response, title="X")
    )
    assert response.status_code == 403
    project.refresh_from_db()
    assert project.title != "X"
    assert client.get(url("events_event_add")).status_code == 403
    assert client.get(url("cockpit_mailing_add")).status_code == 403
    # The partner list, but no contact data: that is for the coordination only.
    response = client.get(reverse("cockpit:export_partners", args=["csv"]))
    assert response.status_code == 200
    exported = streamed_body(response).decode("utf-8-sig")
    assert "Außenstehend e. V." in exported
    assert "aussen@example.org" not in exported and "E-Mail" not in exported
    assert client.get(reverse("cockpit:export_projects", args=["csv"])).status_code == 200


def _bulk(client, action, minutes, confirmed=False):
    data = {"action": action, "_selected_action": [item.pk for item in minutes]}
    if confirmed:
        data["post"] = "yes"
    return client.post(url("events_minutes_changelist"), data)


def test_steering_group_approves_minutes_after_a_confirmation(client, world):
    client.force_login(UserFactory(username="steuerung", roles=[roles.STEERING_GROUP]))
    minutes = world["other_minutes"]

    page = _bulk(client, "approve", [minutes])

    # First a confirmation page listing the minutes; nothing is approved yet.
    assert page.status_code == 200
    content = page.content.decode()
    assert "Protokolle freigeben" in content and "Treffen AG Fremde" in content
    assert "Ja, ausführen" in content and 'name="post" value="yes"' in content
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.DRAFT

    response = _bulk(client, "approve", [minutes], confirmed=True)
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED
    assert minutes.approved_by.username == "steuerung"
    assert minutes.version == 1 and minutes.approved_sha256

    # Back to a draft: again only after the confirmation.
    page = _bulk(client, "reopen", [minutes])
    assert page.status_code == 200 and "zurück auf Entwurf" in page.content.decode()
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED
    _bulk(client, "reopen", [minutes], confirmed=True)
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.DRAFT and not minutes.approved_sha256


def test_working_group_lead_cannot_approve_minutes(client, lead, world):
    client.force_login(lead)
    minutes = world["own_minutes"]
    for confirmed in (False, True):
        response = _bulk(client, "approve", [minutes], confirmed=confirmed)
        assert "Ja, ausführen" not in response.content.decode()
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.DRAFT


def test_steering_member_without_the_right_cannot_approve_or_reopen(client, world):
    member = UserFactory(username="steuerung-ohne", roles=[roles.STEERING_GROUP])
    member.groups.get().permissions.remove(Permission.objects.get(codename="approve_minutes"))
    client.force_login(member)
    minutes = world["other_minutes"]
    for confirmed in (False, True):
        response = _bulk(client, "approve", [minutes], confirmed=confirmed)
        assert "Ja, ausführen" not in response.content.decode()
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.DRAFT


def test_bulk_approval_ignores_another_alliances_minutes(client, world):
    from buendnis.tenancy import activate
    client.force_login(UserFactory(username="steuerung", roles=[roles.STEERING_GROUP]))
    other = second_alliance("andere")
    with activate(other):
        foreign = MinutesFactory(
            event=EventFactory(title="Fremdes Treffen", starts_in=datetime.timedelta(days=-3)),
            summary="x",
            approved=False,
        )

    page = _bulk(client, "approve", [foreign])
    # Back to the list: nothing of this alliance was selected.
    assert page.status_code == 302
    assert "Es ist kein Protokoll ausgewählt." in client.get(page.url).content.decode()
    _bulk(client, "approve", [foreign], confirmed=True)
    with activate(other):
        foreign.refresh_from_db()
    assert foreign.status == Minutes.Status.DRAFT


# AG-Leitung


def test_lead_lists_only_its_own_groups_objects(client, lead, world):
    client.force_login(lead)
    assert client.get("/verwaltung/").context["dashboard"] is None
    for name, own, other in [
        ("arbeitsgruppen_workinggroup_changelist", "AG Eigene", "AG Fremde"),
        ("arbeitsgruppen_project_changelist", "Projekt AG Eigene", "Projekt AG Fremde"),
        ("events_event_changelist", "Treffen AG Eigene", "Treffen AG Fremde"),
        ("events_minutes_changelist", "Treffen AG Eigene", "Treffen AG Fremde"),
    ]:
        html = client.get(url(name)).content.decode()
        assert own in html and other not in html, name


@pytest.mark.parametrize(
    "name, key",
    [
        ("arbeitsgruppen_workinggroup_change", "other"),
        ("arbeitsgruppen_project_change", "other_project"),
        ("events_event_change", "other_event"),
        ("events_minutes_change", "other_minutes"),
        ("arbeitsgruppen_project_delete", "other_project"),
        ("events_event_delete", "other_event"),
        ("arbeitsgruppen_workinggroup_history", "other"),
        ("events_minutes_history", "other_minutes"),
        ("events_registration_change", "other_registration"),
    ],
)
def test_lead_is_refused_another_groups_object_by_direct_url(client, lead, world, name, key):
    client.force_login(lead)
    obj = world[key]
    target = url(name, obj.pk)
    assert client.get(target).status_code in (403, 404)
    assert client.post(target, {"post": "yes", "title": "Gekapert"}).status_code in (403, 404)
    # Nothing was changed or deleted.
    unchanged = type(obj).objects.get(pk=obj.pk)
    assert str(unchanged) == str(obj)


def test_lead_edits_its_own_project(client, lead, world):
    client.force_login(lead)
    project = world["own_project"]
    response = client.get(url("arbeitsgruppen_project_change", project.pk))
    assert response.status_code == 200 and response.context["has_change_permission"]
    response = client.post(
        url("arbeitsgruppen_project_change", project.pk), change_form_data(response, title="Neuer Titel")
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Neuer Titel"


def test_lead_edits_its_own_group_but_not_its_leads(client, lead, world):
    client.force_login(lead)
    group = world["own"]
    response = client.get(url("arbeitsgruppen_workinggroup_change", group.pk))
    assert response.status_code == 200
    intruder = UserFactory(username="freund")
    data = change_form_data(response, mandate="Neuer Auftrag", leads=[str(lead.pk), str(intruder.pk)])
    response = client.post(url("arbeitsgruppen_workinggroup_change", group.pk), data)
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.mandate == "Neuer Auftrag"
    assert list(group.leads.all()) == [lead]


def test_lead_cannot_move_a_project_to_another_group(client, lead, world):
    client.force_login(lead)
    project = world["own_project"]
    response = client.get(url("arbeitsgruppen_project_change", project.pk))
    data = change_form_data(response, working_group=str(world["other"].pk))
    response = client.post(url("arbeitsgruppen_project_change", project.pk), data)
    assert response.status_code == 200
    assert "working_group" in response.context["adminform"].form.errors
    project.refresh_from_db()
    assert project.working_group == world["own"]


def test_lead_cannot_add_a_project_for_another_group_or_the_whole_alliance(client, lead, world, field):
    client.force_login(lead)
    base = {"title": "Neu", "slug": "neu", "status": "planned", "field_of_action": field.pk}
    for working_group in (world["other"].pk, ""):
        response = client.post(url("arbeitsgruppen_project_add"), {**base, "working_group": working_group})
        assert response.status_code == 200
        assert "working_group" in response.context["adminform"].form.errors
    assert not Project.objects.filter(slug="neu").exists()


def test_lead_sees_partner_names_but_contact_data_only_of_its_members(client, lead, world):
    client.force_login(lead)
    listing = client.get(url("partners_partner_changelist")).content.decode()
    assert "Mitglied GmbH" in listing and "Außenstehend e. V." in listing
    assert "aussen@example.org" not in listing
    member = client.get(url("partners_partner_change", world["member"].pk))
    assert member.status_code == 200 and not member.context["has_change_permission"]
    assert "mitglied@example.org" in member.content.decode()
    outsider = client.get(url("partners_partner_change", world["outsider"].pk)).content.decode()
    assert "Außenstehend e. V." in outsider and "aussen@example.org" not in outsider
    # Searching by an e-mail address would reveal it, too.
    found = client.get(url("partners_partner_changelist") + "?q=aussen@example.org").content.decode()
    assert "Außenstehend e. V." not in found
    assert client.get(reverse("cockpit:export_partners", args=["csv"])).status_code == 403


def test_lead_exports_only_its_own_events_and_projects(client, lead, world):
    client.force_login(lead)
    own = reverse("cockpit:export_event", args=[world["own_event"].pk, "csv"])
    other = reverse("cockpit:export_event", args=[world["other_event"].pk, "csv"])
    assert client.get(own).status_code == 200
    assert client.get(other).status_code == 403
    projects = streamed_body(client.get(reverse("cockpit:export_projects", args=["csv"])))
    assert "Projekt AG Eigene" in projects.decode() and "Projekt AG Fremde" not in projects.decode()


def test_lead_edits_its_own_events_and_minutes(client, lead, world):
    client.force_login(lead)
    for name, key in [("events_event_change", "own_event"), ("events_minutes_change", "own_minutes")]:
        response = client.get(url(name, world[key].pk))
        assert response.status_code == 200 and response.context["has_change_permission"], name
    minutes = world["own_minutes"]
    response = client.get(url("events_minutes_change", minutes.pk))
    response = client.post(
        url("events_minutes_change", minutes.pk), change_form_data(response, summary="Neu")
    )
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.summary == "Neu"
    assert minutes.history.latest().history_user == lead
    registrations = client.get(url("events_registration_changelist")).content.decode()
    assert "Gast AG Eigene" in registrations and "Gast AG Fremde" not in registrations


def test_lead_chooses_only_its_own_groups_and_events_in_forms(client, lead, world):
    client.force_login(lead)
    form = client.get(url("events_minutes_add")).context["adminform"].form
    assert list(form.fields["event"].queryset) == [world["own_event"]]
    form = client.get(url("events_event_add")).context["adminform"].form
    assert list(form.fields["working_group"].queryset) == [world["own"]]
    assert form.fields["working_group"].required


def test_lead_in_the_steering_group_sees_all_but_changes_only_its_groups(client, world):
    user = UserFactory(
        username="beides",
        roles=[roles.WORKING_GROUP_LEAD, roles.STEERING_GROUP],
    )
    world["own"].leads.add(user)
    client.force_login(user)
    other = client.get(url("arbeitsgruppen_project_change", world["other_project"].pk))
    assert other.status_code == 200 and not other.context["has_change_permission"]
    own = client.get(url("arbeitsgruppen_project_change", world["own_project"].pk))
    assert own.context["has_change_permission"]
    assert (
        "aussen@example.org"
        in client.get(url("partners_partner_change", world["outsider"].pk)).content.decode()
    )


@pytest.mark.django_db
def test_a_changed_role_counts_at_once_on_the_same_user_object(make_user):
    """The role names are cached on the user object; giving or taking a role through it
    forgets them, so the second factor and the rights follow the new role."""
    from buendnis.security import requires_second_factor

    user = make_user("wechsel", roles.WORKING_GROUP_LEAD)
    assert not requires_second_factor(user) and not roles.sees_everything(user)
    user.groups.add(Group.objects.get(name=roles.STEERING_GROUP))
    assert requires_second_factor(user) and roles.sees_everything(user)
    user.groups.clear()
    assert not requires_second_factor(user) and roles.role_name(user) == ""
