"""Mailings: who receives them, and sending them one personal e-mail at a time."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone

from buendnis.emails import send_templated
from buendnis.lib.paging import in_chunks
from cockpit.models import Delivery, Mailing
from partners.links import management_link
from partners.models import Partner

logger = logging.getLogger(__name__)


def recipients(mailing):
    """Active partners with a contact address that the mailing addresses, ordered by address."""
    partners = Partner.objects.active().exclude(contact_email="")
    if mailing.audience == Mailing.Audience.WORKING_GROUP:
        partners = partners.filter(working_groups=mailing.working_group_id)
    elif mailing.audience == Mailing.Audience.EVENT:
        partners = partners.filter(invitations__event=mailing.event_id)
    return partners.annotate(address=Lower("contact_email")).order_by("address", "pk").distinct()


def unique_recipients(mailing):
    """Yield (partner, address) once per address: two partners sharing one contact get one mail."""
    previous = None
    for partner in in_chunks(recipients(mailing), 500):
        if partner.address != previous:
            previous = partner.address
            yield partner, partner.address


def recipient_count(mailing):
    return recipients(mailing).values("address").distinct().count()


def mailing_context(mailing, partner):
    link = management_link(partner, long_lived=True)
    return {"mailing": mailing, "partner": partner, "management_link": link}


def mark_queued(mailing):
    """Mark a draft as handed to the background worker (`tasks.send_mailing`).

    Returns False if it was already queued or sent, so it is never sent twice.
    """
    updated = Mailing.objects.filter(pk=mailing.pk, status=Mailing.Status.DRAFT).update(
        status=Mailing.Status.QUEUED, queued_at=timezone.now()
    )
    if updated:
        mailing.refresh_from_db()
    return bool(updated)


def send(mailing):
    """Send the mailing to every recipient that has no delivery yet.

    Safe to run twice (a worker restarted half-way): the delivery row is written
    before the e-mail, and the unique constraint on (mailing, address) refuses a
    second one, so nobody gets two copies.
    """
    sent = 0
    for partner, address in unique_recipients(mailing):
        try:
            with transaction.atomic():
                delivery = Delivery.objects.create(mailing=mailing, partner=partner, email=address)
        except IntegrityError:
            continue
        try:
            send_templated("mailing", mailing_context(mailing, partner), [address])
        except Exception as error:  # noqa: BLE001 - one bad address must not stop the others
            logger.exception("Rundmail %s an %s fehlgeschlagen", mailing.pk, address)
            delivery.error = str(error)[:1000]
            delivery.save(update_fields=["error"])
            continue
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["sent_at"])
        sent += 1
    Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.Status.SENT, sent_at=timezone.now())
    return sent


def erase_old_addresses(now=None, dry_run=False):
    """Erase the addresses in delivery logs DELIVERY_RETENTION_DAYS after the mailing went
    out; the log keeps which partner got which mailing. List what was erased."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.DELIVERY_RETENTION_DAYS)
    due = (
        Delivery.objects.filter(mailing__queued_at__lt=cutoff)
        .exclude(email="")
        .select_related("mailing")
    )
    done = [f"Adresse in der Zustellung von „{delivery.mailing}“" for delivery in due]
    if not dry_run:
        due.update(email="")
    return done
