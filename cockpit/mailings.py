"""Mailings: who receives them, and sending them one personal e-mail at a time."""

import logging
from datetime import timedelta
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

from buendnis.emails import in_language, render_templated
from buendnis.lib.paging import in_chunks
from buendnis.lib.sanitize import clean_html
from buendnis.models import Alliance
from cockpit.models import Delivery, Mailing
from partners.links import management_link, unsubscribe_link
from partners.models import Partner

# CommonMark without raw HTML; what it makes is cleaned with nh3 (`clean_html`) besides.
MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False})

logger = logging.getLogger(__name__)


def audience(mailing):
    """Every active partner the mailing is meant for, reachable or not."""
    partners = Partner.objects.active()
    if mailing.audience == Mailing.Audience.WORKING_GROUP:
        partners = partners.filter(working_groups=mailing.working_group_id)
    elif mailing.audience == Mailing.Audience.EVENT:
        partners = partners.filter(invitations__event=mailing.event_id)
    return partners


def recipients(mailing):
    """The partners of the audience with a contact address that did not unsubscribe, by address."""
    partners = audience(mailing).exclude(contact_email="").filter(mailings_unsubscribed_at__isnull=True)
    return partners.annotate(address=Lower("contact_email")).order_by("address", "pk").distinct()


def not_reached(mailing):
    """The partners of the audience this mailing does not reach, each with the reason."""
    left_out = audience(mailing).filter(
        Q(contact_email="") | Q(mailings_unsubscribed_at__isnull=False)
    ).distinct().order_by("name")
    return [
        (partner, _("keine E-Mail-Adresse") if not partner.contact_email else _("hat Rundmails abbestellt"))
        for partner in left_out
    ]


def unique_recipients(mailing):
    """Yield (partner, address) once per address: two partners sharing one contact get one mail."""
    previous = None
    for partner in in_chunks(recipients(mailing), 500):
        if partner.address != previous:
            previous = partner.address
            yield partner, partner.address


def recipient_count(mailing):
    return recipients(mailing).values("address").distinct().count()


def markdown_html(text):
    """The mailing's Markdown as HTML, cleaned like every rich text of the portal."""
    return clean_html(MARKDOWN.render(text))


def mailing_context(mailing, partner):
    link = management_link(partner, long_lived=True)
    return {
        "mailing": mailing, "partner": partner, "management_link": link,
        "body_html": markdown_html(mailing.body), "unsubscribe_link": unsubscribe_link(partner),
    }


def list_headers(partner):
    """RFC 2369 and RFC 8058: mass mails say how to leave them, in one click."""
    alliance = Alliance.current()
    mailto = (alliance.reply_to or [parseaddr(alliance.from_email)[1]])[0]
    host = urlsplit(alliance.base_url).hostname or "localhost"
    by_mail = f"mailto:{mailto}?subject=Rundmails%20abbestellen"
    return {
        "List-Unsubscribe": f"<{unsubscribe_link(partner)}>, <{by_mail}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"Rundmails {alliance.display_name} <rundmail.{alliance.slug}.{host}>",
    }


def mailing_message(mailing, partner, address):
    """The partner's personal e-mail of the mailing, in its language: the frame and links
    translated, the text as the coordination wrote it."""
    with in_language(partner.language):
        return render_templated(
            "mailing", mailing_context(mailing, partner), [address], headers=list_headers(partner)
        )


def send_one(mailing, partner, address):
    message = mailing_message(mailing, partner, address)
    message.send()
    return message


def send_test(mailing, address):
    """The mailing as its first recipient gets it, to the coordinator's own address."""
    first = next(unique_recipients(mailing), None)
    if first is None:
        return None
    partner, _address = first
    message = mailing_message(mailing, partner, address)
    message.subject = _("[Test] %(subject)s") % {"subject": message.subject}
    message.send()
    return message


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
            send_one(mailing, partner, address)
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
