"""Who sees what of the finances: the group lead its own group's budget only."""

from django.urls import reverse

from tests.factories import BudgetLineFactory, WorkingGroupFactory


def test_a_group_lead_sees_the_budget_of_its_own_group_only(client, group_lead, year_2026):
    own = BudgetLineFactory(working_group=group_lead.led_group, category=year_2026["material"], note="eigene")
    other = BudgetLineFactory(working_group=WorkingGroupFactory(name="AG Fremd"), category=year_2026["press"])
    client.force_login(group_lead)
    response = client.get(reverse("admin:finances_budgetline_changelist"))
    assert response.status_code == 200
    content = response.content.decode()
    assert reverse("admin:finances_budgetline_change", args=[own.pk]) in content
    assert reverse("admin:finances_budgetline_change", args=[other.pk]) not in content
    assert client.get(reverse("admin:finances_budgetline_change", args=[other.pk])).status_code == 403
    assert client.get(reverse("admin:finances_entry_changelist")).status_code == 403
    assert client.get(reverse("admin:finances_grant_changelist")).status_code == 403


def test_the_steering_group_reads_but_does_not_book(client, steering_member, year_2026):
    client.force_login(steering_member)
    assert client.get(reverse("admin:finances_entry_changelist")).status_code == 200
    assert client.get(reverse("admin:finances_entry_add")).status_code == 403
    assert steering_member.has_perm("finances.approve_entry")
    assert steering_member.has_perm("finances.approve_annualreport")


def test_the_coordinator_books_but_does_not_approve(coordinator, year_2026):
    assert coordinator.has_perm("finances.add_entry") and coordinator.has_perm("finances.view_budgetline")
    assert not coordinator.has_perm("finances.approve_entry")
    assert not coordinator.has_perm("finances.approve_annualreport")
