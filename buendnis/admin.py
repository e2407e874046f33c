from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from buendnis import cockpit_admin  # noqa: F401 - mailings and signatures (issue 7)
from buendnis.models import Alliance, Milestone, Page, Suggestion


@admin.register(Alliance)
class AllianceAdmin(SimpleHistoryAdmin):
    """The alliance profile is a singleton: one object, never added twice or deleted."""

    fieldsets = [
        ("Bündnis", {"fields": ["name", "short_name", "region", "tagline", "logo"]}),
        (
            "Selbstdarstellung",
            {"fields": ["introduction", "what_is_a_local_alliance", "goals", "how_we_work"]},
        ),
        (
            "Struktur",
            {
                "fields": [
                    "coordination_text",
                    "steering_group_text",
                    "office_text",
                    "working_groups_text",
                ]
            },
        ),
        ("Kontakt", {"fields": ["street", "postal_code", "town", "email", "phone"]}),
        (
            "Koordination",
            {
                "fields": [
                    "coordinator_title",
                    "coordinator_name",
                    "coordinator_email",
                    "coordinator_phone",
                ]
            },
        ),
        ("Gründung", {"fields": ["founding_date", "founding_place", "founding_text"]}),
        ("Partner", {"fields": ["moderate_new_partners"]}),
    ]

    def has_add_permission(self, request):
        return not Alliance.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def changelist_view(self, request, extra_context=None):
        alliance = Alliance.load()
        return redirect(reverse("admin:buendnis_alliance_change", args=[alliance.pk]))


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["display_date", "title"]
    search_fields = ["title", "text"]
    date_hierarchy = "date"


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "published", "updated_at"]
    list_filter = ["published"]
    search_fields = ["title", "body"]

    def view_on_site(self, obj):
        return obj.get_absolute_url()


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["short_text", "status", "field_of_action", "working_group", "answered", "created_at"]
    list_filter = ["status", "field_of_action", "working_group"]
    list_select_related = ["field_of_action", "working_group"]
    search_fields = ["text", "public_answer"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["field_of_action", "working_group"]
    readonly_fields = ["created_at", "updated_at"]
    actions = ["mark_in_progress", "mark_done"]
    fieldsets = [
        (None, {"fields": ["text", "created_at", "updated_at"]}),
        ("Absender (nie öffentlich)", {"fields": ["name", "email"]}),
        ("Zuordnung", {"fields": ["field_of_action", "working_group", "event"]}),
        ("Bearbeitung", {"fields": ["status", "public_answer"]}),
    ]

    @admin.display(description="Anregung")
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 80 else f"{obj.text[:80]}…"

    @admin.display(description="öffentlich beantwortet", boolean=True)
    def answered(self, obj):
        return bool(obj.public_answer)

    @admin.action(description="Ausgewählte Anregungen: in Bearbeitung")
    def mark_in_progress(self, request, queryset):
        updated = queryset.update(status=Suggestion.Status.IN_PROGRESS)
        self.message_user(request, f"{updated} Anregung(en) sind jetzt in Bearbeitung.")

    @admin.action(description="Ausgewählte Anregungen: umgesetzt")
    def mark_done(self, request, queryset):
        updated = queryset.update(status=Suggestion.Status.DONE)
        self.message_user(request, f"{updated} Anregung(en) sind jetzt als umgesetzt markiert.")

    def changelist_view(self, request, extra_context=None):
        new = Suggestion.objects.new().count()
        title = f"Wünsche und Anregungen ({new} neu)" if new else "Wünsche und Anregungen"
        return super().changelist_view(request, {"title": title, **(extra_context or {})})
