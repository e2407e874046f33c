"""The steering group's page in the admin, the confirmations of approval and Storno, the
receipts, the documents and downloads; the public transparency page.

Receipts are served here, never by /media/ (`finances.models.receipt_upload_to`): they
name payees and amounts, so only those who may read the ledger get them.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buendnis import exports, roles
from buendnis.lib.pdf import StoredPdf, pdf_response
from buendnis.models import Alliance
from buendnis.pdfs import alliance_pdf
from finances import charts, figures, reports, services
from finances.exports import grant_table, ledger_table
from finances.forms import StornoForm
from finances.models import AnnualReport, Entry, FinanceSettings, Grant


def can_read_ledger(user):
    """Koordination and Steuerungsgruppe; a group lead sees only its budget lines."""
    return roles.sees_everything(user) and user.has_perm("finances.view_entry")


def _refuse_unless_ledger_reader(request):
    if not can_read_ledger(request.user):
        raise PermissionDenied


def _year(request):
    try:
        return int(request.GET.get("jahr") or timezone.localdate().year)
    except ValueError:
        return timezone.localdate().year


def _admin_context(request, title, **context):
    return {**admin.site.each_context(request), "title": title, **context}


def overview(request):
    """Plan against actual, entries waiting for approval, the yearly account."""
    _refuse_unless_ledger_reader(request)
    year = _year(request)
    data = figures.year_figures(year)
    context = _admin_context(
        request,
        _("Finanzen %(year)s") % {"year": year},
        year=year,
        years=sorted({*figures.years(), year}, reverse=True),
        finances=data,
        chart=charts.plan_actual_chart(data.categories, _("Plan und Ist nach Kategorie")),
        waiting=Entry.objects.waiting().select_related("category", "recorded_by"),
        report=AnnualReport.objects.filter(year=year).first(),
        grants=Grant.objects.order_by("-starts_on"),
        settings=FinanceSettings.current(),
        can_approve=request.user.has_perm("finances.approve_entry"),
    )
    return render(request, "admin/finances/overview.html", context)


def _confirm_page(request, title, entry, status=200, **context):
    context = _admin_context(request, title, entry=entry, **context)
    return render(request, "admin/finances/confirm_entry.html", context, status=status)


def approve_entry(request, pk):
    """GET: the entry and the question; POST: the approval (a steering-group member's)."""
    _refuse_unless_ledger_reader(request)
    entry = get_object_or_404(Entry.objects.select_related("category", "recorded_by"), pk=pk)
    title = _("Ausgabe freigeben")
    if request.method != "POST":
        # Who may not approve sees why at once, and no button.
        refusal = services.approval_refusal(entry, request.user)
        return _confirm_page(request, title, entry, action="approve", error=refusal, blocked=bool(refusal))
    try:
        services.approve_entry(entry, request.user)
    except services.FinanceError as error:
        return _confirm_page(request, title, entry, status=400, action="approve", error=str(error))
    messages.success(request, _("Die Ausgabe ist freigegeben und zählt jetzt."))
    return redirect("finances:overview")


def reverse_entry(request, pk):
    """GET: the entry and the reason to give; POST: the Storno (Koordination)."""
    if not request.user.has_perm("finances.add_entry"):
        raise PermissionDenied
    entry = get_object_or_404(Entry, pk=pk)
    form = StornoForm(request.POST or None)
    title = _("Buchung stornieren")
    if request.method == "POST" and form.is_valid():
        try:
            storno = services.reverse_entry(entry, request.user, form.cleaned_data["note"])
        except services.FinanceError as error:
            return _confirm_page(
                request, title, entry, status=400, action="reverse", form=form, error=str(error)
            )
        messages.success(request, _("Die Buchung ist storniert; die Gegenbuchung steht im Buchungsjournal."))
        return redirect("admin:finances_entry_change", storno.pk)
    status = 400 if request.method == "POST" else 200
    return _confirm_page(request, title, entry, status=status, action="reverse", form=form)


def receipt(request, pk):
    _refuse_unless_ledger_reader(request)
    entry = get_object_or_404(Entry, pk=pk)
    if not entry.receipt:
        raise Http404
    try:
        file = entry.receipt.open("rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(file, filename=f"beleg-{entry.pk}.{entry.receipt.name.rsplit('.', 1)[-1]}")
    response["Cache-Control"] = "private, no-store"
    return response


def grant_statement(request, pk, fmt):
    """The Verwendungsnachweis of a grant as PDF or XLSX, with the list of receipts."""
    _refuse_unless_ledger_reader(request)
    grant = get_object_or_404(Grant, pk=pk)
    statement = figures.grant_statement(grant)
    if fmt == "xlsx":
        return exports.respond(grant_table(statement), "xlsx", request.user)
    context = {
        "alliance": Alliance.current(),
        "document_title": _("Verwendungsnachweis"),
        "grant": grant,
        "statement": statement,
    }
    stored = alliance_pdf(f"verwendungsnachweis-{grant.pk}", "pdf/grant_statement.html", context)
    return pdf_response(request, stored, f"verwendungsnachweis-{grant.pk}.pdf", private=True)


def ledger_export(request, year, fmt):
    _refuse_unless_ledger_reader(request)
    return exports.respond(ledger_table(Entry.objects.in_year(year), year), fmt, request.user)


def _frozen(report):
    modified = report.approved_at.timestamp()
    return StoredPdf(bytes(report.pdf), report.sha256[:40], modified)


def annual_report_pdf(request, year):
    """The yearly account: the frozen PDF once approved, else the draft as of now."""
    _refuse_unless_ledger_reader(request)
    report = AnnualReport.objects.filter(year=year).first() or AnnualReport(year=year)
    if report.is_approved:
        stored = _frozen(report)
    else:
        stored = alliance_pdf(
            f"jahresbericht-{year}", "pdf/annual_report.html", reports.context(report, True)
        )
    return pdf_response(request, stored, f"jahresbericht-{year}.pdf", private=True)


def approve_report(request, pk):
    """GET: what will be frozen; POST: the steering group's approval."""
    _refuse_unless_ledger_reader(request)
    report = get_object_or_404(AnnualReport, pk=pk)
    context = _admin_context(
        request, _("Jahresbericht freigeben"), report=report, finances=figures.year_figures(report.year)
    )
    if request.method == "POST":
        try:
            services.approve_report(report, request.user)
        except services.FinanceError as error:
            context["error"] = str(error)
            return render(request, "admin/finances/confirm_report.html", context, status=400)
        messages.success(request, _("Der Jahresbericht ist freigegeben und eingefroren."))
        return redirect("admin:finances_annualreport_change", report.pk)
    return render(request, "admin/finances/confirm_report.html", context)


@require_POST
def publish_report(request, pk):
    if not request.user.has_perm("finances.change_annualreport"):
        raise PermissionDenied
    report = get_object_or_404(AnnualReport, pk=pk)
    try:
        services.publish_report(report, publish=request.POST.get("publish") != "0")
    except services.FinanceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Die Veröffentlichung ist geändert."))
    return redirect("admin:finances_annualreport_change", report.pk)


# --- the public transparency page ---------------------------------------------------------


def transparency(request):
    """Income by source and spending by category per year; never a person's name."""
    if not FinanceSettings.current().transparency_page:
        raise Http404
    this_year = timezone.localdate().year
    shown = [year for year in figures.years() if year <= this_year]
    years = [
        {
            "year": year,
            "income": figures.income_by_source(year),
            "spending": figures.spending_by_category(year),
            "income_total": figures.sum_of(figures.income(year)),
            "spending_total": figures.sum_of(figures.spending(year)),
        }
        for year in shown
    ]
    reports_ = AnnualReport.objects.public().only("year", "sha256", "approved_at")
    return render(request, "finances/transparency.html", {"years": years, "reports": reports_})


def published_report(request, year):
    report = get_object_or_404(AnnualReport.objects.public(), year=year)
    return pdf_response(request, _frozen(report), f"jahresbericht-{year}.pdf")
