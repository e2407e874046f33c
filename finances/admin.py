"""The finances in the coordinator's desk: budget, grants, the ledger, the yearly account.

The coordinator books; a booked entry opens read-only with its next steps (approve,
Storno, receipt) as links to their confirmation pages; nobody changes or deletes it.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from arbeitsgruppen.roles import WorkingGroupScopedAdmin
from buendnis.history import HistoryAdmin
from finances import figures, services
from finances.forms import EntryForm
from finances.models import AnnualReport, BudgetLine, Category, Entry, FinanceSettings, Grant
from finances.templatetags.money import euro


@admin.register(FinanceSettings)
class FinanceSettingsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "approval_threshold", "transparency_page"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not FinanceSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Category)
class CategoryAdmin(HistoryAdmin):
    list_display = ["name", "position"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "position"]


@admin.register(BudgetLine)
class BudgetLineAdmin(WorkingGroupScopedAdmin, HistoryAdmin):
    """The Haushaltsplan; AG-Leitung sees the lines of its own groups only."""

    list_display = ["year", "category", "working_group", "project", "planned_euro", "spent_euro"]
    list_filter = ["year", "category", "working_group"]
    list_select_related = ["category", "working_group", "project"]
    fields = ["year", "category", "working_group", "project", "planned", "note"]

    @admin.display(description=_("geplant"), ordering="planned")
    def planned_euro(self, obj):
        return euro(obj.planned)

    def get_changelist_instance(self, request):
        # What each line of the page has spent, read in one query for the whole page (kept
        # by line id: a sync worker serves one request at a time; a line not in it, as in
        # another view, is summed on its own).
        changelist = super().get_changelist_instance(request)
        self._spent = figures.budget_spent_of(list(changelist.result_list))
        return changelist

    @admin.display(description=_("ausgegeben"))
    def spent_euro(self, obj):
        spent = getattr(self, "_spent", {})
        return euro(spent[obj.pk] if obj.pk in spent else figures.budget_spent(obj))


@admin.register(Grant)
class GrantAdmin(HistoryAdmin):
    view_on_site = False  # the finances have no public page of their own
    list_display = ["funder", "purpose", "starts_on", "ends_on", "granted_euro", "statement"]
    search_fields = ["funder", "purpose", "reference"]
    fields = ["funder", "purpose", "reference", "starts_on", "ends_on", "granted", "report"]
    readonly_fields = ["statement"]

    @admin.display(description=_("bewilligt"), ordering="granted")
    def granted_euro(self, obj):
        return euro(obj.granted)

    @admin.display(description=_("Verwendungsnachweis"))
    def statement(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("finances:grant_statement", args=[obj.pk, "pdf"]),
            "PDF",
            reverse("finances:grant_statement", args=[obj.pk, "xlsx"]),
            "Excel",
        )

    def get_fields(self, request, obj=None):
        return self.fields + (["statement"] if obj is not None else [])


@admin.register(Entry)
class EntryAdmin(HistoryAdmin):
    view_on_site = False
    form = EntryForm
    list_display = [
        "booked_on",
        "direction",
        "amount_euro",
        "category",
        "public_name",
        "state",
        "has_receipt",
    ]
    list_filter = ["direction", "category", "source", "needs_approval"]
    search_fields = ["counterparty", "note"]
    date_hierarchy = "booked_on"
    list_select_related = ["category", "reverses", "reversal"]
    readonly_fields = [
        "state",
        "receipt_link",
        "next_steps",
        "recorded_by",
        "recorded_at",
        "approved_by",
        "approved_at",
        "reverses",
    ]

    @admin.display(description=_("Betrag"), ordering="amount")
    def amount_euro(self, obj):
        return euro(obj.amount)

    @admin.display(description=_("Empfänger oder Geber"))
    def public_name(self, obj):
        return (
            obj.counterparty
            if not obj.counterparty_is_private
            else format_html("{} <em>({})</em>", obj.counterparty, _("Privatperson"))
        )

    @admin.display(description=_("Beleg"), boolean=True)
    def has_receipt(self, obj):
        return bool(obj.receipt)

    @admin.display(description=_("Stand"))
    def state(self, obj):
        if obj.is_storno:
            return _("Storno der Buchung %(number)s") % {"number": obj.reverses_id}
        if hasattr(obj, "reversal"):
            return _("storniert")
        if obj.is_waiting:
            return _("wartet auf Freigabe")
        if obj.approved_at:
            return _("freigegeben")
        return _("gebucht")

    @admin.display(description=_("Beleg"))
    def receipt_link(self, obj):
        if not obj.receipt:
            return "–"
        return format_html(
            '<a href="{}">{}</a>', reverse("finances:receipt", args=[obj.pk]), _("Beleg ansehen")
        )

    @admin.display(description=_("Nächste Schritte"))
    def next_steps(self, obj):
        steps = []
        if obj.is_waiting and not hasattr(obj, "reversal"):
            steps.append((reverse("finances:approve_entry", args=[obj.pk]), _("Freigeben …")))
        if not obj.is_storno and not hasattr(obj, "reversal"):
            steps.append((reverse("finances:reverse_entry", args=[obj.pk]), _("Stornieren …")))
        return format_html_join(" ", '<a class="button" href="{}">{}</a>', steps) or "–"

    def get_fields(self, request, obj=None):
        fields = list(EntryForm.Meta.fields)
        if obj is None:
            return fields
        fields.remove("receipt")
        return [*fields, *self.readonly_fields]

    def has_change_permission(self, request, obj=None):
        # Booked is booked: an entry opens read-only; a Storno corrects it.
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        services.prepare_booking(obj, request.user)
        super().save_model(request, obj, form, change)


@admin.register(AnnualReport)
class AnnualReportAdmin(HistoryAdmin):
    view_on_site = False
    list_display = ["year", "status", "approved_at", "published"]
    fields = ["year", "foreword"]
    readonly_fields = ["status", "approved_by", "approved_at", "sha256", "published", "next_steps"]

    @admin.display(description=_("Nächste Schritte"))
    def next_steps(self, obj):
        pdf = reverse("finances:annual_report_pdf", args=[obj.year])
        if obj.is_approved:
            return format_html('<a class="button" href="{}">{}</a>', pdf, _("Freigegebenes PDF"))
        return format_html(
            '<a class="button" href="{}">{}</a> <a class="button" href="{}">{}</a>',
            pdf,
            _("Entwurf als PDF"),
            reverse("finances:approve_report", args=[obj.pk]),
            _("Freigeben …"),
        )

    def get_fields(self, request, obj=None):
        return self.fields + (self.readonly_fields if obj is not None else [])

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_approved:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_approved:
            return False
        return super().has_delete_permission(request, obj)
