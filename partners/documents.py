"""The partner certificate (Urkunde Bündnispartner) as a PDF."""

import logging

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from buendnis.lib.pdf import get_pdf, image_or_none, pdf_response
from buendnis.lib.tokens import TokenError
from buendnis.models import Alliance
from partners.models import Signature

logger = logging.getLogger(__name__)


class NoCertificate(Exception):
    """Only an active partner (a confirmed, open membership period) has a certificate."""


def _active_signature(partner):
    signature = (
        Signature.objects.active().filter(partner=partner).select_related("declaration").first()
    )
    if signature is None:
        raise NoCertificate(partner)
    return signature


def partner_certificate_file(partner):
    signature = _active_signature(partner)
    alliance = Alliance.load()
    since = timezone.localdate(signature.confirmed_at)
    context = {
        "alliance": alliance,
        "logo_url": image_or_none(alliance.logo),
        "partner_logo_url": image_or_none(partner.logo),
        "document_title": f"Urkunde Bündnispartner – {partner.name}",
        "draft": False,
        "partner": partner,
        "partner_since": since,
        "declaration": signature.declaration,
        # Dated on the day the membership began, so the certificate stays the same.
        "issued_on": since,
    }
    return get_pdf(f"urkunde-partner-{partner.pk}", "pdf/partner_certificate.html", context)


def partner_certificate_pdf(partner):
    """PDF bytes of the partner's certificate; raises NoCertificate unless active."""
    return partner_certificate_file(partner).content


def certificate_filename(partner):
    return f"Urkunde-{slugify(partner.name)[:60] or partner.pk}.pdf"


def certificate_attachments(partner):
    """The certificate as e-mail attachment [(filename, content, mimetype)], or [].

    The welcome e-mail matters more than its attachment: if the PDF cannot be made,
    the e-mail goes without it (the partner can download it from its management page).
    """
    try:
        content = partner_certificate_pdf(partner)
    except NoCertificate:
        return []
    except Exception:
        logger.exception("Urkunde für Partner %s konnte nicht erstellt werden", partner.pk)
        return []
    return [(certificate_filename(partner), content, "application/pdf")]


def certificate_response(request, partner):
    """The certificate as a download; personal, so kept out of shared caches."""
    return pdf_response(
        request,
        partner_certificate_file(partner),
        certificate_filename(partner),
        attachment=True,
        private=True,
    )


@require_safe
def certificate_download(request, token):
    """Download through the partner's personal management link."""
    # Imported here: services and views send e-mails that import this module.
    from partners import services
    from partners.views import token_error

    try:
        partner = services.partner_from_management_token(token)
    except TokenError as error:
        return token_error(request, error, "manage")
    return certificate_response(request, partner)


class PartnerCertificateAdminMixin:
    """For the Partner admin: download an active partner's certificate.

    Add `certificate_link` to `readonly_fields` to offer the button.
    """

    def get_urls(self):
        download = path(
            "<int:pk>/urkunde/",
            self.admin_site.admin_view(self.certificate_view),
            name="partners_partner_certificate",
        )
        return [download, *super().get_urls()]

    def certificate_view(self, request, pk):
        partner = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, partner):
            raise PermissionDenied
        try:
            return certificate_response(request, partner)
        except NoCertificate:
            messages.error(
                request,
                _("Eine Urkunde gibt es nur für aktive Partner mit bestätigter Unterzeichnung."),
            )
            return redirect(reverse("admin:partners_partner_change", args=[partner.pk]))

    @admin.display(description=_("Urkunde"))
    def certificate_link(self, partner):
        if not partner.pk or not partner.is_active:
            return _("nur für aktive Partner")
        url = reverse("admin:partners_partner_certificate", args=[partner.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, _("Urkunde herunterladen (PDF)"))
