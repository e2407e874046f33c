from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.generic import DetailView, TemplateView

from buendnis import sections
from buendnis.exports import json_download
from buendnis.fragments import render_entries
from buendnis.lib.paging import pager, paginate
from buendnis.lib.pdf import pdf_response
from buendnis.lib.tokens import TokenError
from buendnis.models import Alliance, FieldOfAction, Page
from buendnis.ratelimit import client_ip, email_allowed, hit, ratelimit, too_many_requests
from partners import documents, links, personal_data, services, structured_data
from partners.forms import ManageForm, ManageRequestForm, PartnerFilterForm, SignForm
from partners.models import Declaration, Partner, SigningSession, public_partner_count

PARTNERS_PER_PAGE = 24
# What partners/includes/partner_card.html shows, and the entry cache's key.
CARD_FIELDS = ("name", "slug", "kind", "town", "logo", "updated_at")

TOKEN_STATUS = {"invalid": 400, "expired": 410, "used": 410}


def token_error(request, error, link_kind):
    """Explain why a personal link does not work; nothing has changed."""
    context = {"reason": error.reason, "link_kind": link_kind}
    return render(
        request, "partners/token_error.html", context, status=TOKEN_STATUS[error.reason]
    )


# --- declaration and signing ------------------------------------------------


class DeclarationView(TemplateView):
    """The current declaration, and links to the versions in force before it."""

    template_name = "partners/declaration.html"

    def get_context_data(self, **kwargs):
        current = Declaration.objects.current()
        earlier = Declaration.objects.public().exclude(pk=getattr(current, "pk", None))
        return {**super().get_context_data(**kwargs), "declaration": current, "earlier": earlier}


class DeclarationVersionView(DetailView):
    """One version of the declaration at its stable address, also after it was replaced."""

    template_name = "partners/declaration_version.html"
    context_object_name = "declaration"
    slug_field = "version"
    slug_url_kwarg = "version"

    def get_queryset(self):
        return Declaration.objects.public()


@ratelimit("partners-sign-submissions", setting="RATELIMIT_SUBMISSIONS_PER_HOUR")
def sign(request):
    """The signing form. Every submission counts against a high cap per address (bots);
    only accepted sign-ups count against the low one, so typing errors lock nobody out."""
    return _signing(request, session=None)


@never_cache
def sign_on_site(request, token):
    """Signing during a session at an event: the venue's Wi-Fi gives the whole hall one
    address, so no limit per address applies while the session is open."""
    session = get_object_or_404(SigningSession, token=token)
    if not session.is_open:
        context = {"session": session}
        return render(request, "partners/signing_session_closed.html", context, status=410)
    return _signing(request, session=session)


def _signing(request, session):
    current = Declaration.objects.current()
    form = SignForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and current is not None and form.is_valid():
        per_address = session is None and settings.RATELIMIT_ENABLED
        if per_address and not hit(f"partners-sign:ip:{client_ip(request)}", settings.RATELIMIT_PER_HOUR):
            return too_many_requests(request)
        if not email_allowed("partners-sign", form.cleaned_data["contact_email"]):
            return too_many_requests(request)
        services.sign(
            form.save(commit=False),
            fields_of_action=form.cleaned_data.get("fields_of_action", ()),
            wants_listing=form.cleaned_data["wants_listing"],
        )
        return redirect("partners:sign_sent")
    context = {
        "form": form,
        "declaration": current,
        "session": session,
        "privacy_page": Page.objects.public().filter(slug=Page.Slug.PRIVACY).first(),
    }
    return render(request, "partners/sign.html", context)


@never_cache
def confirm(request, token):
    try:
        signature = links.signature_from_token(token)
    except TokenError as error:
        return token_error(request, error, "confirm")
    if request.method != "POST":
        return render(request, "partners/confirm.html", {"signature": signature})
    services.confirm(signature)
    partner = signature.partner
    if partner.listed:
        messages.success(request, _("Danke! Ihre Organisation steht jetzt im Partnerverzeichnis."))
        return redirect(partner)
    messages.info(request, _not_listed_yet(partner))
    return redirect("partners:confirmed")


def _not_listed_yet(partner):
    """Why a confirmed partner is not (yet) in the directory."""
    if partner.possible_duplicate_id:
        return _(
            "Im Verzeichnis steht schon eine Organisation mit diesem Namen. Die Koordination "
            "prüft, ob es Ihre ist, und führt die Einträge zusammen oder getrennt weiter; "
            "bis dahin erscheint Ihr Eintrag nicht öffentlich."
        )
    if partner.wants_listing:
        return _("Die Koordination schaltet Ihren Eintrag im Verzeichnis in den nächsten Tagen frei.")
    return _("Wie gewünscht nennen wir Ihre Organisation nicht öffentlich im Verzeichnis.")


# --- directory ------------------------------------------------------------------


def partner_list(request):
    form = PartnerFilterForm(request.GET)
    partners = form.filter(Partner.objects.public().order_by("name"))
    # The page's partners with what their card shows: whole rows are ten times wider.
    rows = Partner.objects.only(*CARD_FIELDS)
    total = None if form.is_filtered() else public_partner_count()
    search = "ids" if form.search() else None
    number = request.GET.get("seite")
    page = paginate(partners, PARTNERS_PER_PAGE, number, rows=rows, count=total, search=search)
    cards = render_entries(
        "partners/includes/partner_card.html", page.object_list, name="partner",
        context={"heading_level": 2},
    )
    context = {"form": form, "cards": cards, "total": public_partner_count(), **pager(page)}
    return render(request, "partners/partner_list.html", context)


class PartnerDetailView(DetailView):
    template_name = "partners/partner_detail.html"
    context_object_name = "partner"

    def get_queryset(self):
        fields = Prefetch(
            "fields_of_action", queryset=FieldOfAction.objects.public(), to_attr="public_fields_of_action"
        )
        return Partner.objects.public().with_partner_since().prefetch_related(fields)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        signature = self.object.signatures.active().select_related("declaration").first()
        return {
            **context,
            "declaration": signature.declaration if signature else None,
            # Working groups and projects: their app contributes them (arbeitsgruppen/sections.py).
            "sections": sections.partner_page.collect(self.object),
            "structured_data": structured_data.partner(self.object, Alliance.current(), self.request),
        }


@require_safe
def founding_certificate(request):
    return pdf_response(request, documents.founding_certificate_pdf(), "Gruendungsurkunde.pdf")


# --- self-service ---------------------------------------------------------------


@ratelimit("partners-manage-request")
def manage_request(request):
    form = ManageRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not email_allowed("partners-manage-request", email):
            return too_many_requests(request)
        services.request_management_link(email)
        return redirect("partners:manage_request_sent")
    return render(request, "partners/manage_request.html", {"form": form})


@never_cache
def manage(request, token):
    try:
        partner = links.partner_from_management_token(token)
    except TokenError as error:
        return token_error(request, error, "manage")
    form = ManageForm(request.POST or None, request.FILES or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        partner = services.update_entry(form)
        messages.success(request, _("Ihre Änderungen sind gespeichert."))
        # A new contact e-mail ends the old link; the person here gets a fresh one.
        return redirect(links.management_path(partner))
    context = {"partner": partner, "form": form, "token": token}
    return render(request, "partners/manage.html", context)


@never_cache
@require_POST
def manage_confirm_entry(request, token):
    try:
        partner = links.partner_from_management_token(token)
    except TokenError as error:
        return token_error(request, error, "manage")
    services.confirm_entry(partner)
    messages.success(request, _("Danke! Wir haben vermerkt, dass Ihr Eintrag aktuell ist."))
    return redirect("partners:manage", token=token)


@never_cache
def manage_withdraw(request, token):
    try:
        partner = links.partner_from_management_token(token)
    except TokenError as error:
        return token_error(request, error, "manage")
    if request.method == "POST":
        services.withdraw(partner)
        return redirect("partners:withdrawn")
    return render(request, "partners/withdraw.html", {"partner": partner, "token": token})


@never_cache
@require_safe
def personal_data_download(request, token):
    """Everything the portal stores about the partner, as JSON (DSGVO Art. 15 and 20)."""
    try:
        partner = links.partner_from_management_token(token)
    except TokenError as error:
        return token_error(request, error, "manage")
    return json_download(personal_data.everything(partner), f"daten-{partner.slug}.json")


@require_safe
def certificate_download(request, token):
    """The partner's certificate through its personal management link; never cached."""
    try:
        partner = links.partner_from_management_token(token)
    except TokenError as error:
        return token_error(request, error, "manage")
    stored = documents.partner_certificate_file(partner)
    filename = documents.certificate_filename(partner)
    return pdf_response(request, stored, filename, attachment=True, private=True)


# --- mass mails: one-click unsubscribe (RFC 8058) -----------------------------------


@csrf_exempt  # mail providers POST without cookie or CSRF token; the signed token authenticates
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows a button (mail scanners follow links, and unsubscribe nobody); POST ends
    the partner's mass mails at once."""
    try:
        partner = links.partner_from_unsubscribe_token(token)
    except TokenError as error:
        return token_error(request, error, "unsubscribe")
    if request.method == "POST":
        services.unsubscribe_from_mailings(partner)
        return render(request, "partners/unsubscribed.html", {"partner": partner})
    return render(request, "partners/unsubscribe.html", {"partner": partner})
