"""One function per e-mail about partners.

The partner's e-mails are in its language (`partner.language`), links included; an answer
to what someone asks for right now (the management link, "already a partner") in the
language of that request. The coordination's e-mails are German.
"""

from django.urls import reverse

from buendnis.emails import absolute_url, in_language, send_templated
from buendnis.lib.languages import current_language
from buendnis.models import Alliance
from partners.documents import certificate_attachments
from partners.links import confirmation_link, management_link


def _coordinator_address():
    return Alliance.current().notification_email


def _admin_link(partner):
    return absolute_url(reverse("admin:partners_partner_change", args=[partner.pk]))


def send_confirmation(partner, signature):
    """The personal link that confirms a signature, in the language it was signed in."""
    with in_language(signature.language):
        return send_templated(
            "partner_confirm",
            {"partner": partner, "signature": signature, "link": confirmation_link(signature)},
            [partner.contact_email],
        )


def send_already_partner(partner):
    """Someone signed again with the address of an active partner (in the language they used)."""
    with in_language(current_language()):
        context = {"partner": partner, "link": management_link(partner)}
        return send_templated("partner_already_signed", context, [partner.contact_email])


def send_welcome(partner, signature):
    """The signature is confirmed: welcome to the alliance, with the certificate attached."""
    with in_language(partner.language):
        certificate = certificate_attachments(partner)
        context = {
            "certificate_attached": bool(certificate),
            "partner": partner,
            "signature": signature,
            "manage_request_url": absolute_url(reverse("partners:manage_request")),
            "entry_url": absolute_url(partner.get_absolute_url()) if partner.listed else "",
        }
        return send_templated("partner_welcome", context, [partner.contact_email], certificate)


def send_coordinator_new_partner(partner, signature):
    """A signature was confirmed; if its name matches a record, the coordination decides."""
    address = _coordinator_address()
    if not address:
        return None
    context = {
        "partner": partner,
        "signature": signature,
        "admin_link": _admin_link(partner),
        "possible_duplicate": partner.possible_duplicate,
    }
    return send_templated("partner_new_coordinator", context, [address])


def send_management_link(partner):
    """The link asked for on the page "Eintrag verwalten", in the language it was asked in."""
    with in_language(current_language()):
        context = {"partner": partner, "link": management_link(partner)}
        return send_templated("partner_manage_link", context, [partner.contact_email])


def send_goodbye(partner, address, contact_name):
    """Sent after withdrawal, to the address that was erased a moment ago."""
    with in_language(partner.language):
        context = {
            "partner": partner,
            "contact_name": contact_name,
            "sign_url": absolute_url(reverse("partners:sign")),
        }
        return send_templated("partner_goodbye", context, [address])


def send_coordinator_withdrawal(partner, signature):
    address = _coordinator_address()
    if not address:
        return None
    context = {"partner": partner, "signature": signature, "admin_link": _admin_link(partner)}
    return send_templated("partner_withdrawn_coordinator", context, [address])
