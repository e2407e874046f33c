"""Admin of wishes and suggestions: status, public answer, where they came from."""

from django.contrib import admin
from django.utils.translation import get_language_info

from buendnis.history import HistoryAdmin
from events.models import Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(HistoryAdmin):
    list_display = ["short_text", "status", "field_of_action", "working_group", "answered", "created_at"]
    list_filter = ["status", "field_of_action", "working_group"]
    list_select_related = ["field_of_action", "working_group"]
    search_fields = ["text", "public_answer"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["field_of_action", "working_group"]
    readonly_fields = ["created_at", "updated_at", "settled_at", "written_in"]
    actions = ["mark_in_progress", "mark_done"]
    fieldsets = [
        (None, {"fields": ["text", "created_at", "updated_at"]}),
        ("Absender (nie öffentlich)", {"fields": ["name", "email", "written_in"]}),
        ("Zuordnung", {"fields": ["field_of_action", "working_group", "event"]}),
        ("Bearbeitung", {"fields": ["status", "public_answer", "settled_at"]}),
    ]

    @admin.display(description="Anregung")
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 80 else f"{obj.text[:80]}…"

    @admin.display(description="Geschrieben auf")
    def written_in(self, obj):
        """The language of the suggestion, named in German ("Türkisch"): answer in it."""
        return get_language_info(obj.language)["name_translated"]

    @admin.display(description="öffentlich beantwortet", boolean=True)
    def answered(self, obj):
        return bool(obj.public_answer)

    def _set_status(self, queryset, status):
        # One save each, so the change history records who changed what.
        for suggestion in queryset:
            suggestion.status = status
            suggestion.save()
        return len(queryset)

    @admin.action(description="Ausgewählte Anregungen: in Bearbeitung")
    def mark_in_progress(self, request, queryset):
        updated = self._set_status(queryset, Suggestion.Status.IN_PROGRESS)
        self.message_user(request, f"{updated} Anregung(en) sind jetzt in Bearbeitung.")

    @admin.action(description="Ausgewählte Anregungen: umgesetzt")
    def mark_done(self, request, queryset):
        updated = self._set_status(queryset, Suggestion.Status.DONE)
        self.message_user(request, f"{updated} Anregung(en) sind jetzt als umgesetzt markiert.")

    def changelist_view(self, request, extra_context=None):
        new = Suggestion.objects.new().count()
        title = f"Wünsche und Anregungen ({new} neu)" if new else "Wünsche und Anregungen"
        return super().changelist_view(request, {"title": title, **(extra_context or {})})
