"""Personal links without passwords: confirming a signature, managing an entry.

Each link is a signed token (`buendnis.lib.tokens`) whose state fingerprint makes it
stop working once the action it was made for has happened; a management link also
stops when the membership ends or the contact person changes.
"""

from datetime import timedelta

from django.urls import reverse

from buendnis.emails import absolute_url
from buendnis.lib.tokens import TokenError, check_state, make_token, read_token
from partners.models import Partner, Signature

CONFIRM_PURPOSE = "partner-confirm"
CONFIRM_MAX_AGE = timedelta(days=7)
MANAGE_PURPOSE = "partner-manage"
MANAGE_MAX_AGE = timedelta(hours=24)
# Links in e-mails the partner did not ask for (yearly check, mailing footer) must
# outlive the day the e-mail arrives.
MANAGE_LONG_PURPOSE = "partner-manage-long"
MANAGE_LONG_MAX_AGE = timedelta(days=30)
# The one-click unsubscribe link of mass mails (RFC 8058): it must work whenever the
# mail is read, and it only ever ends mailings.
UNSUBSCRIBE_PURPOSE = "partner-unsubscribe"
UNSUBSCRIBE_MAX_AGE = timedelta(days=3 * 365)


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


def unsubscribe_link(partner):
    """The partner's link that ends its mass mails (List-Unsubscribe), for its address now."""
    token = make_token(UNSUBSCRIBE_PURPOSE, partner.pk, partner.contact_email.lower())
    return absolute_url(reverse("partners:unsubscribe", kwargs={"token": token}))


def partner_from_unsubscribe_token(token):
    """The partner an unsubscribe link names, or TokenError (another contact address: "used")."""
    data = read_token(token, UNSUBSCRIBE_PURPOSE, max_age=UNSUBSCRIBE_MAX_AGE)
    partner = Partner.objects.filter(pk=data.object_id).first()
    if partner is None:
        raise TokenError("used")
    check_state(data, partner.contact_email.lower())
    return partner
