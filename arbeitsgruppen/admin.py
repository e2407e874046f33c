from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from arbeitsgruppen.exports import projects_table
from arbeitsgruppen.forms import ProjectAdminForm
from arbeitsgruppen.models import Mandate, Project, TargetGroup, WorkingGroup
from arbeitsgruppen.roles import WorkingGroupScopedAdmin
from buendnis import exports
from buendnis.history import HistoryAdmin
from buendnis.lib.admin import TouchPickersMixin
from buendnis.lib.richtext import RichTextAdminMixin
from buendnis.roles import changes_only_led_groups
from buendnis.translations_admin import TranslationsAdminMixin


class WorkingGroupRoleAdmin(WorkingGroupScopedAdmin):
    group_path = "pk"

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if changes_only_led_groups(request.user):
            # Who leads a group (and so gets rights) is decided by the coordination.
            fields.append("leads")
        return fields


class MandateInline(admin.StackedInline):
    model = Mandate
    extra = 0
    fields = ["text", "started_on", "ended_on", "outcome"]


class ProjectInline(admin.TabularInline):
    model = Project
    extra = 0
    fields = ["title", "slug", "status", "starts_on", "ends_on", "published"]
    prepopulated_fields = {"slug": ["title"]}
    show_change_link = True


@admin.register(WorkingGroup)
class WorkingGroupAdmin(
    TranslationsAdminMixin, TouchPickersMixin, RichTextAdminMixin, WorkingGroupRoleAdmin, HistoryAdmin
):
    # The few leads as checkboxes, the many members as a search field (touch).
    rich_text_fields = ["description"]
    list_display = ["name", "field_of_action", "status", "started_on", "ended_on", "published"]
    list_filter = ["status", "field_of_action", "published"]
    list_select_related = ["field_of_action"]
    search_fields = ["name", "mandate"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["members"]
    inlines = [MandateInline, ProjectInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "field_of_action", "status", "started_on", "ended_on"]}),
        (
            _("Auftrag"),
            {
                "fields": ["mandate", "description"],
                "description": _(
                    "Macht die Gruppe mit einem neuen Auftrag weiter, tragen Sie den bisherigen "
                    "Auftrag unten unter „Frühere Aufträge“ ein und schreiben hier den neuen."
                ),
            },
        ),
        (_("Mitwirkende und Kontakt"), {"fields": ["members", "leads", "public_contact"]}),
        (None, {"fields": ["published"]}),
    ]

    def save_formset(self, request, form, formset, change):
        if formset.model is not Project:
            return super().save_formset(request, form, formset, change)
        # Projects added inline belong to the group's field of action.
        for project in formset.save(commit=False):
            if project.field_of_action_id is None:
                project.field_of_action_id = form.instance.field_of_action_id
            project.save()
        for project in formset.deleted_objects:
            project.delete()
        formset.save_m2m()

    def view_on_site(self, obj):
        return obj.get_absolute_url()


@admin.register(TargetGroup)
class TargetGroupAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Project)
class ProjectAdmin(
    TranslationsAdminMixin, TouchPickersMixin, RichTextAdminMixin, WorkingGroupScopedAdmin, HistoryAdmin
):
    # The target groups as checkboxes, the partners as a search field (touch).
    rich_text_fields = ["description"]
    form = ProjectAdminForm
    list_display = ["title", "status", "field_of_action", "working_group", "starts_on", "published"]
    list_filter = ["status", "field_of_action", "working_group", "target_groups", "published"]
    list_select_related = ["field_of_action", "working_group"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["working_group", "partners"]
    date_hierarchy = "starts_on"
    actions = ["export_action"]

    @admin.action(description=_("Ausgewählte Projekte als Excel exportieren"), permissions=["view"])
    def export_action(self, request, queryset):
        return exports.respond(projects_table(queryset), "xlsx", request.user)

    def view_on_site(self, obj):
        return obj.get_absolute_url()
