"""Admin pieces of the cockpit (issue 7) that belong to no single app's admin module."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from buendnis.lib.admin import ReadOnlyAdminMixin
from events import mailing_admin  # noqa: F401 - registers mailings and deliveries
from partners.models import Signature


@admin.register(Signature)
class SignatureAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Membership periods, read-only: to look up a period and its change history."""

    list_display = [
        "partner", "status_display", "declaration", "source", "signed_at", "confirmed_at",
        "withdrawn_at",
    ]
    list_filter = ["source", "declaration"]
    list_select_related = ["partner", "declaration"]
    search_fields = ["partner__name"]
    date_hierarchy = "signed_at"
    fields = ["partner", "declaration", "source", "signed_at", "signed_by", "confirmed_at", "withdrawn_at"]

    @admin.display(description=_("Status"))
    def status_display(self, obj):
        return obj.get_status_display()
