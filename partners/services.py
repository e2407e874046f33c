"""Workflows of partners: signing, confirming, managing, withdrawing.

Each function touches several models and/or sends e-mail, so none of this
lives in `save()`, forms or signals. Personal links are signed tokens (see
`buendnis.lib.tokens`) whose state fingerprint makes them stop working once
the action they were made for has happened.
"""

import datetime
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from buendnis.emails import absolute_url
from buendnis.lib.tokens import TokenError, check_state, make_token, read_token
from buendnis.models import Alliance
from partners import emails
from partners.models import Declaration, Partner, Signature

CONFIRM_PURPOSE = "partner-confirm"
CONFIRM_MAX_AGE = timedelta(days=7)
MANAGE_PURPOSE = "partner-manage"
MANAGE_MAX_AGE = timedelta(hours=24)
# Links in e-mails the partner did not ask for (yearly check, mailing footer) must
# outlive the day the e-mail arrives.
MANAGE_LONG_PURPOSE = "partner-manage-long"
MANAGE_LONG_MAX_AGE = timedelta(days=30)
UNCONFIRMED_KEEP = timedelta(days=14)

CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")


class NoCurrentDeclaration(Exception):
    """Nobody can sign while no version of the declaration is current."""


# --- personal links -------------------------------------------------------


def _confirm_state(signature):
    return f"{signature.confirmed_at}|{signature.withdrawn_at}"


def _manage_state(partner):
    # The link belongs to one open membership period and one contact person: it
    # stops working on withdrawal and when the contact person changes.
    signature = partner.signatures.active().first()
    return f"{signature.pk if signature else 'none'}|{partner.contact_email.lower()}"


def confirmation_link(signature):
    token = make_token(CONFIRM_PURPOSE, signature.pk, _confirm_state(signature))
    return absolute_url(reverse("partners:confirm", kwargs={"token": token}))


def management_path(partner, long_lived=False):
    purpose = MANAGE_LONG_PURPOSE if long_lived else MANAGE_PURPOSE
    token = make_token(purpose, partner.pk, _manage_state(partner))
    return reverse("partners:manage", kwargs={"token": token})


def management_link(partner, long_lived=False):
    """The absolute personal URL of the partner's management page.

    Valid 24 hours; `long_lived=True` gives 30 days, for e-mails the partner did
    not ask for (the yearly check, the footer of a mailing).
    """
    return absolute_url(management_path(partner, long_lived))


def signature_from_token(token):
    """The unconfirmed signature a confirmation link names, or TokenError."""
    data = read_token(token, CONFIRM_PURPOSE, max_age=CONFIRM_MAX_AGE)
    signature = Signature.objects.select_related("partner", "declaration").filter(
        pk=data.object_id
    ).first()
    if signature is None:
        # Erased by purge_unconfirmed: the link has expired.
        raise TokenError("expired")
    check_state(data, _confirm_state(signature))
    return signature


def partner_from_management_token(token):
    """The active partner a management link names, or TokenError."""
    try:
        data = read_token(token, MANAGE_PURPOSE, max_age=MANAGE_MAX_AGE)
    except TokenError as error:
        if error.reason != "invalid":
            raise
        data = read_token(token, MANAGE_LONG_PURPOSE, max_age=MANAGE_LONG_MAX_AGE)
    partner = Partner.objects.filter(pk=data.object_id).first()
    if partner is None:
        raise TokenError("used")
    check_state(data, _manage_state(partner))
    if not partner.is_member:
        # Only partners manage entries; a pending one confirms first.
        raise TokenError("used")
    return partner


# --- signing ----------------------------------------------------------------


# Paths below /partner/ that are pages, not partners.
RESERVED_SLUGS = {"verwalten"}


def unique_slug(name):
    base = slugify(name)[:200] or "partner"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Partner.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _open_partner_with_email(email):
    return (
        Partner.objects.filter(contact_email__iexact=email)
        .filter(signatures__withdrawn_at__isnull=True)
        .distinct()
        .first()
    )


def sign(partner, fields_of_action=(), wants_listing=True):
    """Record an online signature of `partner` (an unsaved Partner from the form).

    - The contact e-mail belongs to a pending or active partner: nothing is
      created; that address gets its confirmation or management link again.
    - A withdrawn partner of the same name signs again: a new membership period
      on the same Partner, with the entry as submitted now.
    - Otherwise a new Partner.
    In the last two cases a confirmation link goes to the contact e-mail and the
    new Signature is returned, else None. The visitor sees the same page either way.
    """
    declaration = Declaration.objects.current()
    if declaration is None:
        raise NoCurrentDeclaration

    with transaction.atomic():
        # One sign-up at a time (scale, issue 8): the lock on the current declaration
        # makes concurrent submissions with the same e-mail or name wait, so the check
        # below sees the partner the first one created.
        Declaration.objects.select_for_update().get(pk=declaration.pk)
        existing = _open_partner_with_email(partner.contact_email)
        if existing is None:
            signature = _record_signature(partner, declaration, fields_of_action, wants_listing)
    if existing is not None:
        open_signature = existing.signatures.filter(withdrawn_at__isnull=True).first()
        if open_signature.confirmed_at:
            emails.send_already_partner(existing, management_link(existing))
        else:
            emails.send_confirmation(existing, open_signature, confirmation_link(open_signature))
        return None
    emails.send_confirmation(partner, signature, confirmation_link(signature))
    return signature


def _record_signature(partner, declaration, fields_of_action, wants_listing):
    """A new Partner, or a withdrawn one of the same name again, with a new Signature."""
    former = (
        Partner.objects.withdrawn()
        .filter(name__iexact=partner.name.strip())
        .exclude(signatures__withdrawn_at__isnull=True)
        .order_by("-updated_at")
        .first()
    )
    if former is not None:
        # Carry the submitted entry over to the existing record, so its
        # earlier membership periods stay attached to it.
        partner.pk = former.pk
        partner.slug = former.slug
        partner.created_at = former.created_at
        partner.founding_partner = former.founding_partner
        if not partner.logo:
            partner.logo = former.logo
    else:
        partner.slug = unique_slug(partner.name)
    partner.wants_listing = wants_listing
    partner.listed = False  # decided on confirmation
    partner.save()
    partner.fields_of_action.set(fields_of_action)
    signature = Signature.objects.create(
        partner=partner,
        declaration=declaration,
        source=Signature.Source.ONLINE,
        signed_by=partner.contact_name,
    )
    return signature


def _listed_on_confirmation(partner):
    return partner.wants_listing and not Alliance.load().moderate_new_partners


def confirm(signature):
    """The contact person confirmed by POST from the personal link."""
    now = timezone.now()
    partner = signature.partner
    with transaction.atomic():
        # The same link posted twice at once (double click, two tabs) confirms once.
        if Signature.objects.select_for_update().get(pk=signature.pk).confirmed_at:
            return signature
        signature.confirmed_at = now
        signature.save(update_fields=["confirmed_at"])
        partner.listed = _listed_on_confirmation(partner)
        partner.entry_confirmed_at = now
        partner.save(update_fields=["listed", "entry_confirmed_at", "updated_at"])
    emails.send_coordinator_new_partner(partner, signature)
    emails.send_welcome(partner, signature)
    return signature


def resend_confirmation(partner):
    """Send the confirmation link again; False when nothing waits for confirmation."""
    signature = partner.signatures.unconfirmed().first()
    if signature is None or not partner.contact_email:
        return False
    emails.send_confirmation(partner, signature, confirmation_link(signature))
    return True


# --- self-service -------------------------------------------------------------


def request_management_link(email):
    """Send a management link to every active partner with this contact e-mail.

    Returns how many were sent; the caller must not tell the visitor.
    """
    partners = Partner.objects.active().filter(contact_email__iexact=email.strip())
    for partner in partners:
        emails.send_management_link(partner, management_link(partner))
    return len(partners)


def update_entry(form):
    """Save the partner's own changes from the management page."""
    partner = form.instance
    old_logo = Partner.objects.values_list("logo", flat=True).get(pk=partner.pk)
    partner.entry_confirmed_at = timezone.now()
    if "wants_listing" in form.changed_data:
        partner.listed = _listed_on_confirmation(partner) if partner.wants_listing else False
    partner = form.save()
    if old_logo and old_logo != partner.logo.name:
        partner.logo.storage.delete(old_logo)
    return partner


def confirm_entry(partner):
    """The partner says its entry is still correct (the yearly check)."""
    partner.entry_confirmed_at = timezone.now()
    partner.save(update_fields=["entry_confirmed_at", "updated_at"])


def withdraw(partner):
    """End the membership period and erase the contact person's data."""
    signature = partner.signatures.filter(withdrawn_at__isnull=True).first()
    if signature is None:
        return None
    contact_email, contact_name = partner.contact_email, partner.contact_name
    with transaction.atomic():
        signature.withdrawn_at = timezone.now()
        signature.save(update_fields=["withdrawn_at"])
        partner.signatures.update(signed_by="")
        for field in CONTACT_FIELDS:
            setattr(partner, field, "")
        partner.listed = False
        partner.save()
    if contact_email:
        emails.send_goodbye(partner, contact_email, contact_name)
    emails.send_coordinator_withdrawal(partner, signature)
    return signature


# --- coordinator ----------------------------------------------------------------


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
):
    """Record a declaration signed on paper (founding event, plenary).

    Confirmed at once: the coordinator saw the signature. For an existing
    partner (withdrawn or unconfirmed) a new period starts or the open one is
    confirmed; an active partner keeps its period and gets nothing new.
    """
    declaration = declaration or Declaration.objects.current()
    if declaration is None:
        raise NoCurrentDeclaration
    now = timezone.now()
    signed_at = now
    if signed_on:
        # A date on paper: noon local time keeps it on that day in every time zone view.
        signed_at = timezone.make_aware(datetime.datetime.combine(signed_on, datetime.time(12)))
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
        partner.listed = wants_listing
        partner.entry_confirmed_at = now
        partner.save()
        signature = partner.signatures.filter(withdrawn_at__isnull=True).first()
        if signature is None:
            signature = Signature(partner=partner)
        elif signature.confirmed_at:
            return signature
        signature.declaration = declaration
        signature.signed_at = signed_at
        signature.confirmed_at = now
        signature.source = Signature.Source.PAPER
        signature.signed_by = signed_by
        signature.save()
    return signature


def purge_unconfirmed(now=None):
    """Erase signatures left unconfirmed for 14 days; return how many.

    A partner with no other membership period goes with it (and its logo); a
    former partner who signed again keeps its history, but the data of the
    unconfirmed attempt's contact person is erased.
    """
    now = now or timezone.now()
    stale = Signature.objects.unconfirmed().filter(signed_at__lt=now - UNCONFIRMED_KEEP)
    count = 0
    for signature in stale.select_related("partner"):
        partner = signature.partner
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
        count += 1
    return count
