from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from buendnis.lib.fragments import remembered, render_entries
from buendnis.lib.paging import page_by_id, search_page
from buendnis.lib.ratelimit import hit, ratelimit, too_many_requests
from buendnis.lib.tokens import TokenError
from buendnis.models import Page
from partners import services
from partners.forms import ManageForm, ManageRequestForm, SignForm
from partners.models import Declaration, Partner, listed_partner_count, related_model

PARTNERS_PER_PAGE = 24
# What partners/includes/partner_card.html shows, and the entry cache's key.
CARD_FIELDS = ("name", "slug", "kind", "town", "logo", "updated_at")

TOKEN_STATUS = {"invalid": 400, "expired": 410, "used": 410}


def _email_limit_reached(email):
    if not settings.RATELIMIT_ENABLED:
        return False
    return not hit(f"partners:email:{email.lower()}", settings.RATELIMIT_PER_HOUR)


def token_error(request, error, link_kind):
    """Explain why a personal link does not work; nothing has changed."""
    context = {"reason": error.reason, "link_kind": link_kind}
    return render(
        request, "partners/token_error.html", context, status=TOKEN_STATUS[error.reason]
    )


# --- declaration and signing ------------------------------------------------


def declaration(request):
    context = {"declaration": Declaration.objects.current()}
    return render(request, "partners/declaration.html", context)


@ratelimit("partners-sign")
def sign(request):
    current = Declaration.objects.current()
    form = SignForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and current is not None and form.is_valid():
        if form.is_spam():
            return redirect("partners:sign_sent")
        if _email_limit_reached(form.cleaned_data["contact_email"]):
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
        "privacy_page": Page.objects.published().filter(slug=Page.Slug.PRIVACY).first(),
    }
    return render(request, "partners/sign.html", context)


def sign_sent(request):
    return render(request, "partners/sign_sent.html")


@never_cache
def confirm(request, token):
    try:
        signature = services.signature_from_token(token)
    except TokenError as error:
        return token_error(request, error, "confirm")
    if request.method == "POST":
        services.confirm(signature)
        partner = signature.partner
        if partner.listed:
            messages.success(request, _("Danke! Ihre Organisation steht jetzt im Partnerverzeichnis."))
            return redirect(partner)
        if partner.wants_listing:
            messages.info(
                request,
                _("Die Koordination schaltet Ihren Eintrag im Verzeichnis in den nächsten Tagen frei."),
            )
        else:
            messages.info(
                request,
                _("Wie gewünscht nennen wir Ihre Organisation nicht öffentlich im Verzeichnis."),
            )
        return redirect("partners:confirmed")
    return render(request, "partners/confirm.html", {"signature": signature})


def confirmed(request):
    return render(request, "partners/confirmed.html")


# --- directory ------------------------------------------------------------------


def partner_list(request):
    partners = Partner.objects.listed().order_by("name")
    kinds = Partner.Kind.choices
    fields_of_action = remembered(
        "partner_filter_fields", lambda: list(related_model("fields_of_action").objects.published())
    )
    selected_kind = request.GET.get("art", "")
    selected_field = request.GET.get("handlungsfeld", "")
    query = request.GET.get("q", "").strip()[:100]
    page_number = request.GET.get("seite")
    if selected_kind in Partner.Kind.values:
        partners = partners.filter(kind=selected_kind)
    else:
        selected_kind = ""
    if any(field.slug == selected_field for field in fields_of_action):
        partners = partners.filter(fields_of_action__slug=selected_field)
    else:
        selected_field = ""
    # The page's partners with what their card shows: whole rows are ten times wider.
    card_rows = Partner.objects.only(*CARD_FIELDS)
    if query:
        page_obj = search_page(
            partners.filter(name__icontains=query), PARTNERS_PER_PAGE, page_number, rows=card_rows
        )
    else:
        unfiltered = not (selected_kind or selected_field)
        page_obj = page_by_id(
            partners,
            PARTNERS_PER_PAGE,
            page_number,
            count=listed_partner_count() if unfiltered else None,
            rows=card_rows,
        )
    paginator = page_obj.paginator
    filters = request.GET.copy()
    filters.pop("seite", None)
    context = {
        "page_obj": page_obj,
        # 1 2 … 7 8 9 … 541 542 instead of 542 links at national size (scale, issue 8).
        "page_numbers": paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
        "partners": page_obj.object_list,
        "cards": render_entries(
            "partners/includes/partner_card.html",
            page_obj.object_list,
            name="partner",
            context={"heading_level": 2},
        ),
        "total": listed_partner_count(),
        "found": paginator.count,
        "kinds": kinds,
        "fields_of_action": fields_of_action,
        "selected_kind": selected_kind,
        "selected_field": selected_field,
        "query": query,
        "is_filtered": bool(selected_kind or selected_field or query),
        "filter_query": filters.urlencode(),
    }
    return render(request, "partners/partner_list.html", context)


def partner_detail(request, slug):
    partners = Partner.objects.listed().with_partner_since().prefetch_related(
        Prefetch(
            "working_groups",
            queryset=related_model("working_groups").objects.published().order_by("name"),
            to_attr="public_working_groups",
        ),
        Prefetch(
            "projects",
            queryset=related_model("projects").objects.published().order_by("title"),
            to_attr="public_projects",
        ),
        Prefetch(
            "fields_of_action",
            queryset=related_model("fields_of_action").objects.published(),
            to_attr="public_fields_of_action",
        ),
    )
    partner = get_object_or_404(partners, slug=slug)
    return render(request, "partners/partner_detail.html", {"partner": partner})


# --- self-service ---------------------------------------------------------------


@ratelimit("partners-manage-request")
def manage_request(request):
    form = ManageRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not form.cleaned_data["homepage"]:
            if _email_limit_reached(email):
                return too_many_requests(request)
            services.request_management_link(email)
        return redirect("partners:manage_request_sent")
    return render(request, "partners/manage_request.html", {"form": form})


def manage_request_sent(request):
    return render(request, "partners/manage_request_sent.html")


@never_cache
def manage(request, token):
    try:
        partner = services.partner_from_management_token(token)
    except TokenError as error:
        return token_error(request, error, "manage")
    form = ManageForm(request.POST or None, request.FILES or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        partner = services.update_entry(form)
        messages.success(request, _("Ihre Änderungen sind gespeichert."))
        # A new contact e-mail ends the old link; the person here gets a fresh one.
        return redirect(services.management_path(partner))
    context = {"partner": partner, "form": form, "token": token}
    return render(request, "partners/manage.html", context)


@never_cache
@require_POST
def manage_confirm_entry(request, token):
    try:
        partner = services.partner_from_management_token(token)
    except TokenError as error:
        return token_error(request, error, "manage")
    services.confirm_entry(partner)
    messages.success(request, _("Danke! Wir haben vermerkt, dass Ihr Eintrag aktuell ist."))
    return redirect("partners:manage", token=token)


@never_cache
def manage_withdraw(request, token):
    try:
        partner = services.partner_from_management_token(token)
    except TokenError as error:
        return token_error(request, error, "manage")
    if request.method == "POST":
        services.withdraw(partner)
        return redirect("partners:withdrawn")
    return render(request, "partners/withdraw.html", {"partner": partner, "token": token})


def withdrawn(request):
    return render(request, "partners/withdrawn.html")
