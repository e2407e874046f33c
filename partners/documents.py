"""The partners' documents as PDFs: the founding certificate and each partner's certificate."""

import logging

import segno
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from buendnis.lib.pdf import image_or_none
from buendnis.models import Alliance
from buendnis.pdfs import alliance_pdf
from partners.models import Partner, Signature

logger = logging.getLogger(__name__)

# Up to how many founding partners the signature fields keep each density.
DENSITIES = [(9, "roomy"), (16, "normal"), (28, "compact")]


def signature_density(count):
    for limit, density in DENSITIES:
        if count <= limit:
            return density
    return "dense"


def founding_certificate_pdf():
    """The Gründungsurkunde: the founding date and place, the text and the founding partners.

    A historical document: it names every organisation that signed at the founding, also
    those that withdrew later, so a withdrawal does not change it. Naming needs the
    organisation's consent (`wants_listing`), which a withdrawal leaves as it was; a
    founder that does not want to be named is counted, not named.
    """
    alliance = Alliance.current()
    founders = Partner.objects.founding()
    partners = list(founders.filter(wants_listing=True).order_by("name").only("name", "town"))
    context = {
        "alliance": alliance,
        "logo_url": image_or_none(alliance.logo),
        "document_title": f"Gründungsurkunde – {alliance.name}",
        "partners": partners,
        "unnamed": founders.filter(wants_listing=False).count(),
        "density": signature_density(len(partners)),
        "draft": False,
    }
    return alliance_pdf("gruendungsurkunde", "pdf/founding_certificate.html", context)


class NoCertificate(Exception):
    """Only an active partner (a confirmed, open membership period) has a certificate."""


def _active_signature(partner):
    signature = (
        Signature.objects.active().filter(partner=partner).select_related("declaration").first()
    )
    if signature is None:
        raise NoCertificate(partner)
    return signature


def _certificate_title(partner):
    with translation.override(partner.language):
        return _("Urkunde Bündnispartner – %(name)s") % {"name": partner.name}


def partner_certificate_file(partner):
    """The stored PDF of the partner's certificate; raises NoCertificate unless active."""
    signature = _active_signature(partner)
    alliance = Alliance.current()
    # The day the declaration was signed, on paper or online: the certificate stays the same.
    since = timezone.localdate(signature.signed_at)
    context = {
        "alliance": alliance,
        "logo_url": image_or_none(alliance.logo),
        "partner_logo_url": image_or_none(partner.logo),
        "document_title": _certificate_title(partner),
        "draft": False,
        "partner": partner,
        "partner_since": since,
        "declaration": signature.declaration,
        "issued_on": since,
    }
    # The partner's document: in its language, wherever it is downloaded.
    return alliance_pdf(
        f"urkunde-partner-{partner.pk}", "pdf/partner_certificate.html", context, partner.language
    )


def certificate_filename(partner):
    return f"Urkunde-{slugify(partner.name)[:60] or partner.pk}.pdf"


def certificate_attachments(partner):
    """The certificate as e-mail attachment [(filename, content, mimetype)], or [].

    The welcome e-mail matters more than its attachment: if the PDF cannot be made,
    the e-mail goes without it (the partner can download it from its management page).
    """
    try:
        content = partner_certificate_file(partner).content
    except NoCertificate:
        return []
    except Exception:
        logger.exception("Urkunde für Partner %s konnte nicht erstellt werden", partner.pk)
        return []
    return [(certificate_filename(partner), content, "application/pdf")]


def signing_poster_pdf(session, url):
    """A poster with the QR code of a signing session's link, for the venue's walls."""
    alliance = Alliance.current()
    context = {
        "alliance": alliance,
        "logo_url": image_or_none(alliance.logo),
        "document_title": f"Bündniserklärung unterzeichnen – {session.title}",
        "draft": False,
        "session": session,
        "url": url,
        # Inline SVG: drawn here, nothing is fetched while rendering.
        "qr_code": mark_safe(segno.make(url, error="m").svg_inline(scale=8, border=2)),
    }
    return alliance_pdf(f"plakat-{session.pk}", "pdf/signing_poster.html", context)
