"""The founding certificate (Gründungsurkunde) as a PDF."""

from django.views.decorators.http import require_safe

from buendnis.lib.pdf import get_pdf, image_or_none, pdf_response
from buendnis.models import Alliance
from partners.models import Partner

# Up to how many founding partners the signature fields keep each density.
DENSITIES = [(9, "roomy"), (16, "normal"), (28, "compact")]


def signature_density(count):
    for limit, density in DENSITIES:
        if count <= limit:
            return density
    return "dense"


def founding_certificate_pdf():
    alliance = Alliance.load()
    # Founding partners who signed on paper are partners with a paper signature:
    # they are in `founding()` like everybody else.
    partners = list(Partner.objects.founding().order_by("name").only("name", "town"))
    context = {
        "alliance": alliance,
        "logo_url": image_or_none(alliance.logo),
        "document_title": f"Gründungsurkunde – {alliance.name}",
        "partners": partners,
        "density": signature_density(len(partners)),
        "draft": False,
    }
    return get_pdf("gruendungsurkunde", "pdf/founding_certificate.html", context)


@require_safe
def founding_certificate(request):
    return pdf_response(request, founding_certificate_pdf(), "Gruendungsurkunde.pdf")
