"""What a partner does: signing, confirming, keeping its entry current, withdrawing.

Each function touches several models and/or sends e-mail, so none of this lives in
`save()`, forms or signals. The coordinator's workflows are in `coordination.py`,
the personal links in `links.py`.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.text import slugify

from buendnis.lib.languages import current_language
from buendnis.lib.text import name_key
from buendnis.models import Alliance
from buendnis.tenancy import own_account
from partners import emails, personal_data, tasks
from partners.models import Declaration, Partner, Signature

CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")
# Paths below /partner/ that are pages, not partners.
RESERVED_SLUGS = {"verwalten"}


class NoCurrentDeclaration(Exception):
    """Nobody can sign while no version of the declaration is current."""


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
        .filter(Exists(Signature.objects.open().filter(partner=OuterRef("pk"))))
        .first()
    )


def sign(partner, fields_of_action=(), wants_listing=True):
    """Record an online signature of `partner` (an unsaved Partner from the form).

    - The contact e-mail belongs to a pending or active partner: nothing is
      created; that address gets its confirmation or management link again.
    - Otherwise a new Partner (see `_record_signature` for a name that exists).
    Then a confirmation link goes to the contact e-mail and the new Signature is
    returned, else None. The visitor sees the same page either way.
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
        open_signature = existing.signatures.open().first()
        if open_signature.confirmed_at:
            emails.send_already_partner(existing)
        else:
            emails.send_confirmation(existing, open_signature)
        return None
    emails.send_confirmation(partner, signature)
    return signature


def _record_signature(partner, declaration, fields_of_action, wants_listing):
    """A new Partner with a new Signature.

    A name that matches an existing partner (case, spaces, punctuation and umlauts do
    not count) never takes over that record, withdrawn or not: the new one notes the
    possible duplicate, and after confirming it waits for the coordination's decision
    (`coordination.continue_existing` or `coordination.keep_separate`).
    """
    partner.slug = unique_slug(partner.name)
    partner.possible_duplicate = (
        Partner.objects.filter(name_key=name_key(partner.name)).order_by("-is_member", "pk").first()
    )
    partner.wants_listing = wants_listing
    partner.listed = False  # decided on confirmation
    # Its e-mails, invitations and certificate in the language it signed in.
    partner.language = current_language()
    partner.save()
    partner.fields_of_action.set(fields_of_action)
    return Signature.objects.create(
        partner=partner,
        declaration=declaration,
        source=Signature.Source.ONLINE,
        signed_by=partner.contact_name,
        language=partner.language,
    )


def listed_on_confirmation(partner):
    """Whether a confirmed partner appears in the directory at once: with its consent,
    unless the coordination releases new partners itself or must decide on a name."""
    if not partner.wants_listing or partner.possible_duplicate_id:
        return False
    return not Alliance.current().moderate_new_partners


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
        partner.listed = listed_on_confirmation(partner)
        partner.entry_confirmed_at = now
        partner.save(update_fields=["listed", "entry_confirmed_at", "updated_at"])
    emails.send_coordinator_new_partner(partner, signature)
    # The certificate is rendered by the background worker, not inside this click.
    tasks.send_welcome.enqueue(signature.alliance_id, signature.pk)
    return signature


def resend_confirmation(partner):
    """Send the confirmation link again; False when nothing waits for confirmation."""
    signature = partner.signatures.unconfirmed().first()
    if signature is None or not partner.contact_email:
        return False
    emails.send_confirmation(partner, signature)
    return True


def request_management_link(email):
    """Send a management link to every active partner with this contact e-mail.

    Returns how many were sent; the caller must not tell the visitor.
    """
    partners = Partner.objects.active().filter(contact_email__iexact=email.strip())
    for partner in partners:
        emails.send_management_link(partner)
    return len(partners)


def update_entry(form):
    """Save the partner's own changes from the management page."""
    partner = form.instance
    old_logo = Partner.objects.values_list("logo", flat=True).get(pk=partner.pk)
    partner.entry_confirmed_at = timezone.now()
    partner.reminders_sent = 0
    if "wants_listing" in form.changed_data:
        partner.listed = listed_on_confirmation(partner) if partner.wants_listing else False
    partner = form.save()
    if old_logo and old_logo != partner.logo.name:
        partner.logo.storage.delete(old_logo)
    return partner


def confirm_entry(partner):
    """The partner says its entry is still correct (the yearly check)."""
    partner.entry_confirmed_at = timezone.now()
    partner.reminders_sent = 0
    partner.save(update_fields=["entry_confirmed_at", "reminders_sent", "updated_at"])


def withdraw(partner, *, withdrawn_at=None, entered_by=None):
    """End the membership period and erase every trace of the contact person.

    Self-service (the partner's link) or recorded by the coordinator from a letter or a
    call (`withdrawn_at` the date it said, `entered_by` the coordinator): the same
    effect. The record of the period stays; the contact data goes from the partner,
    the signatures, the mailings' delivery logs (`personal_data.erase`); the goodbye
    goes to the address a last time, and the coordinator is told.
    """
    signature = partner.signatures.open().first()
    if signature is None:
        return None
    contact_email, contact_name = partner.contact_email, partner.contact_name
    now = timezone.now()
    with transaction.atomic():
        signature.withdrawn_at = withdrawn_at or now
        if entered_by is not None:
            # Apart from who entered a paper signature, which stays.
            signature.withdrawal_entered_by = own_account(entered_by)
            signature.withdrawal_entered_at = now
        signature.save(update_fields=["withdrawn_at", "withdrawal_entered_by", "withdrawal_entered_at"])
        partner.signatures.update(signed_by="")
        for field in CONTACT_FIELDS:
            setattr(partner, field, "")
        partner.listed = False
        partner.save()
        personal_data.erase(partner)
    if contact_email:
        emails.send_goodbye(partner, contact_email, contact_name)
    emails.send_coordinator_withdrawal(partner, signature)
    return signature


def unsubscribe_from_mailings(partner):
    """End the partner's mass mails at once (one-click unsubscribe); True if it was subscribed."""
    updated = Partner.objects.filter(pk=partner.pk, mailings_unsubscribed_at__isnull=True).update(
        mailings_unsubscribed_at=timezone.now()
    )
    return bool(updated)
