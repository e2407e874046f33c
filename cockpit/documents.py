"""The coordinator's documents in one place (/verwaltung/dokumente/): the
Gründungsurkunde, every active partner's certificate, the approved minutes and the
posters of on-site signing sessions, each with its date and a download.

The documents themselves are made where they belong (`partners.documents`,
`events.documents`); this page only lists them, and downloads a partner's certificate,
which the public site offers only behind the partner's personal link.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from buendnis import roles
from buendnis.lib.pdf import pdf_response
from buendnis.models import Alliance
from events.models import Minutes
from partners import documents
from partners.models import Partner, SigningSession


def documents_page(request):
    if not roles.sees_everything(request.user):
        raise PermissionDenied
    alliance = Alliance.current()
    context = {
        **admin.site.each_context(request),
        "title": "Dokumente",
        "alliance": alliance,
        "partners": Partner.objects.active().with_partner_since().order_by("name"),
        "minutes": Minutes.objects.approved().select_related("event").order_by("-event__starts_at"),
        "sessions": SigningSession.objects.order_by("-starts_at"),
    }
    return render(request, "admin/cockpit/documents.html", context)


def partner_certificate(request, pk):
    """An active partner's certificate, for the coordinator to print or send."""
    if not roles.sees_everything(request.user):
        raise PermissionDenied
    partner = get_object_or_404(Partner.objects.active(), pk=pk)
    stored = documents.partner_certificate_file(partner)
    filename = documents.certificate_filename(partner)
    return pdf_response(request, stored, filename, attachment=True, private=True)
