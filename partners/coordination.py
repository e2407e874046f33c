"""What the coordinator does with partners: release and hide entries, enter paper
signatures and withdrawals by letter, decide on possible duplicates, purge old sign-ups."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from buendnis.tenancy import own_account
from partners.models import Declaration, Partner, Signature
from partners.services import (
    CONTACT_FIELDS,
    NoCurrentDeclaration,
    listed_on_confirmation,
    unique_slug,
    withdraw,
)

# What a sign-up carries over to the record it continues.
ENTRY_FIELDS = (
    "kind", "town", "website", "description", "contribution",
    "contact_name", "contact_email", "contact_phone", "entry_confirmed_at",
)


def release(partner):
    """Show a partner in the directory. False when it did not consent to that."""
    if not partner.wants_listing:
        return False
    if not partner.listed:
        partner.listed = True
        partner.save(update_fields=["listed", "updated_at"])
    return True


def hide(partner):
    if partner.listed:
        partner.listed = False
        partner.save(update_fields=["listed", "updated_at"])


def _day(value):
    return date_format(value, "DATE_FORMAT")


def check_signature_date(signed_on, declaration):
    """A date on paper is plausible: not in the future, and not before the version it
    signs was valid. Raises ValidationError with the problem in her words."""
    if signed_on > timezone.localdate():
        raise ValidationError(
            _("Der %(date)s liegt in der Zukunft. Bitte das Datum von der unterschriebenen "
              "Erklärung eintragen.") % {"date": _day(signed_on)},
            code="future",
        )
    if declaration is not None and signed_on < declaration.valid_from:
        raise ValidationError(
            _("Am %(date)s galt die Fassung „%(version)s“ noch nicht (gültig ab %(valid_from)s). "
              "Bitte das Datum oder die unterzeichnete Fassung prüfen.")
            % {"date": _day(signed_on), "version": declaration.version,
               "valid_from": _day(declaration.valid_from)},
            code="before_version",
        )


def membership_start(partner):
    """The day the partner's open membership period began (None without one)."""
    signature = partner.signatures.open().first()
    return timezone.localdate(signature.signed_at) if signature else None


def check_withdrawal_date(partner, withdrawn_on):
    """A withdrawal by letter is plausible: not in the future, not before the
    membership began. Raises ValidationError with the problem in her words."""
    if withdrawn_on > timezone.localdate():
        raise ValidationError(
            _("Ein Austritt in der Zukunft lässt sich nicht eintragen (%(date)s).")
            % {"date": _day(withdrawn_on)},
            code="future",
        )
    start = membership_start(partner)
    if start is not None and withdrawn_on < start:
        raise ValidationError(
            _("Der Austritt am %(date)s läge vor dem Beginn der Mitgliedschaft am %(start)s. "
              "Bitte das Datum aus dem Brief prüfen.")
            % {"date": _day(withdrawn_on), "start": _day(start)},
            code="before_start",
        )


def enter_paper_signature(
    *,
    partner=None,
    name="",
    kind="",
    town="",
    website="",
    contact_name="",
    contact_email="",
    contact_phone="",
    signed_on=None,
    signed_by="",
    declaration=None,
    founding_partner=False,
    wants_listing=True,
    entered_by=None,
):
    """Record a declaration signed on paper (founding event, plenary).

    The period begins on the date on paper (`signed_on`): "Partner seit", the
    certificate, the charts count from there, not from the day of entry, which is
    recorded apart with who entered it. Confirmed at once: the coordinator saw the
    signature. For an existing partner (withdrawn or unconfirmed) a new period starts
    or the open one is confirmed; an active partner keeps its period and gets nothing new.
    """
    declaration = declaration or Declaration.objects.current()
    if declaration is None:
        raise NoCurrentDeclaration
    now = timezone.now()
    signed_on = signed_on or timezone.localdate()
    check_signature_date(signed_on, declaration)
    signed_at = _on_paper(signed_on)
    with transaction.atomic():
        if partner is None:
            partner = Partner(name=name, kind=kind, slug=unique_slug(name))
        for field, value in {
            "town": town,
            "website": website,
            "contact_name": contact_name,
            "contact_email": contact_email,
            "contact_phone": contact_phone,
        }.items():
            if value:
                setattr(partner, field, value)
        partner.founding_partner = partner.founding_partner or founding_partner
        partner.wants_listing = wants_listing
        partner.listed = wants_listing and not partner.possible_duplicate_id
        partner.entry_confirmed_at = now
        partner.save()
        signature = partner.signatures.open().first()
        if signature is None:
            signature = Signature(partner=partner)
        elif signature.confirmed_at:
            return signature
        signature.declaration = declaration
        signature.signed_at = signed_at
        signature.confirmed_at = signed_at
        signature.source = Signature.Source.PAPER
        signature.signed_by = signed_by
        signature.entered_by = own_account(entered_by)
        signature.entered_at = now
        signature.save()
    return signature


def _on_paper(day):
    """A date on paper, kept as the timestamp every membership period has: noon local
    time stays on that day in every time zone. The admin shows it as a date only."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def record_withdrawal(partner, withdrawn_on, user):
    """A withdrawal by letter or phone: the same as the partner's own, dated as it said."""
    check_withdrawal_date(partner, withdrawn_on)
    return withdraw(partner, withdrawn_at=_on_paper(withdrawn_on), entered_by=user)


class CannotMerge(Exception):
    """The sign-up is no possible duplicate, or the two records cannot become one."""


def continue_existing(duplicate):
    """The coordination decided: the sign-up is the organisation of an existing record.

    The existing record continues with the history it has. Without an open period it
    gets the sign-up's signature as a new membership period, with the entry and contact
    person as submitted now; if it is a member already, the sign-up adds nothing. The
    sign-up's own record goes (it has no history of its own).
    """
    existing = duplicate.possible_duplicate
    if existing is None:
        raise CannotMerge(duplicate)
    with transaction.atomic():
        signature = duplicate.signatures.select_for_update().get()
        if existing.signatures.open().exists():
            signature.delete()
        else:
            for field in ENTRY_FIELDS:
                setattr(existing, field, getattr(duplicate, field))
            if duplicate.logo:
                existing.logo = duplicate.logo
            existing.wants_listing = duplicate.wants_listing
            existing.listed = duplicate.wants_listing and signature.confirmed_at is not None
            existing.save()
            existing.fields_of_action.set(duplicate.fields_of_action.all())
            signature.partner = existing
            signature.save(update_fields=["partner"])
        duplicate.delete()
    return existing


def keep_separate(duplicate):
    """The coordination decided: a different organisation that happens to have the name."""
    duplicate.possible_duplicate = None
    duplicate.listed = duplicate.is_member and listed_on_confirmation(duplicate)
    duplicate.save(update_fields=["possible_duplicate", "listed", "updated_at"])
    return duplicate


def purge_unconfirmed(now=None, dry_run=False):
    """Erase signatures left unconfirmed for UNCONFIRMED_SIGNATURE_DAYS; list what went.

    A partner with no other membership period goes with it (and its logo); a former
    partner who signed again keeps its history, but the data of the unconfirmed
    attempt's contact person is erased.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.UNCONFIRMED_SIGNATURE_DAYS)
    stale = Signature.objects.unconfirmed().filter(signed_at__lt=cutoff).select_related("partner")
    done = []
    for signature in stale:
        partner = signature.partner
        done.append(f"Unbestätigte Unterzeichnung von „{partner.name}“ ({signature.signed_at:%d.%m.%Y})")
        if dry_run:
            continue
        with transaction.atomic():
            signature.delete()
            if partner.signatures.exists():
                for field in CONTACT_FIELDS:
                    setattr(partner, field, "")
                partner.listed = False
                partner.save()
            else:
                logo = partner.logo.name
                partner.delete()
                if logo:
                    partner.logo.storage.delete(logo)
    return done
