"""The steps of the finances: booking, approving, reversing; approving and publishing the
yearly account. Each refuses what it must with a German message (`FinanceError`)."""

import hashlib

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buendnis.history import record
from buendnis.roles import STEERING_GROUP
from buendnis.tenancy import own_account
from finances import reports
from finances.models import AnnualReport, Entry, FinanceSettings


class FinanceError(Exception):
    """A step that may not happen; the message says why, in German."""


def is_steering_member(user):
    return user.is_active and user.groups.filter(name=STEERING_GROUP).exists()


def prepare_booking(entry, user):
    """Who books the entry, and whether it waits for the steering group: spending above
    the threshold of the moment (a later change of the threshold changes no booking)."""
    entry.recorded_by = own_account(user)
    threshold = FinanceSettings.current().approval_threshold
    entry.needs_approval = entry.direction == Entry.Direction.SPENDING and entry.amount > threshold


def book(entry, user):
    prepare_booking(entry, user)
    entry.save()
    return entry


def approval_refusal(entry, user):
    """Why `user` may not approve `entry` (a German sentence), or None when it may.
    The second pair of eyes: a steering-group member, never the one who booked it."""
    account = own_account(user)
    if account is None or not is_steering_member(user) or not user.has_perm("finances.approve_entry"):
        return _("Nur Mitglieder der Steuerungsgruppe geben Ausgaben frei.")
    if account.pk == entry.recorded_by_id:
        return _("Niemand gibt die eigene Buchung frei: Das tut ein anderes Mitglied.")
    if not entry.needs_approval or entry.approved_at is not None:
        return _("Diese Buchung wartet auf keine Freigabe.")
    if entry.is_storno or Entry.objects.filter(reverses=entry).exists():
        return _("Diese Buchung ist storniert und wird nicht mehr freigegeben.")
    return None


def approve_entry(entry, user):
    with transaction.atomic():
        entry = Entry.objects.select_for_update().get(pk=entry.pk)
        refusal = approval_refusal(entry, user)
        if refusal:
            raise FinanceError(refusal)
        entry.approved_by = own_account(user)
        entry.approved_at = timezone.now()
        entry.save(update_fields=["approved_by", "approved_at"])
    return entry


def reverse_entry(entry, user, note=""):
    """A Storno: the counter-entry with the negative amount; the original stays. It
    counts exactly when the original counts (`EntryQuerySet.counting`)."""
    with transaction.atomic():
        entry = Entry.objects.select_for_update().get(pk=entry.pk)
        if entry.is_storno:
            raise FinanceError(_("Ein Storno wird nicht storniert: Buchen Sie den Betrag neu."))
        if Entry.objects.filter(reverses=entry).exists():
            raise FinanceError(_("Diese Buchung ist bereits storniert."))
        storno = Entry(
            direction=entry.direction,
            source=entry.source,
            booked_on=timezone.localdate(),
            amount=-entry.amount,
            category=entry.category,
            grant=entry.grant,
            working_group=entry.working_group,
            project=entry.project,
            counterparty=entry.counterparty,
            counterparty_is_private=entry.counterparty_is_private,
            note=note or _("Storno der Buchung vom %(date)s") % {"date": f"{entry.booked_on:%d.%m.%Y}"},
            reverses=entry,
            recorded_by=own_account(user),
        )
        # Dated the day it is booked, like any counter-entry: a year whose account was
        # approved stays as it was approved.
        storno.save()
    return storno


def approve_report(report, user):
    """The steering group approves the yearly account: its PDF is rendered once more,
    stored with its SHA-256, and never changes again."""
    account = own_account(user)
    if account is None or not is_steering_member(user) or not user.has_perm("finances.approve_annualreport"):
        raise FinanceError(_("Nur Mitglieder der Steuerungsgruppe geben den Jahresbericht frei."))
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=report.pk)
        if report.is_approved:
            raise FinanceError(_("Dieser Jahresbericht ist bereits freigegeben."))
        report.status = AnnualReport.Status.APPROVED
        report.approved_by = account
        report.approved_at = timezone.now()
        content = reports.render(report, draft=False)
        report.pdf = content
        report.sha256 = hashlib.sha256(content).hexdigest()
        report.save()
    return report


def publish_report(report, publish=True):
    if not report.is_approved:
        raise FinanceError(_("Nur ein freigegebener Jahresbericht wird veröffentlicht."))
    report.published = publish
    report.save(update_fields=["published"])
    record(report)
    return report
