from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse

from buendnis.history import HistoryAdmin
from buendnis.lib.images import ImageUploadField
from buendnis.models import Alliance, FieldOfAction, Milestone, Page


@admin.register(Alliance)
class AllianceAdmin(HistoryAdmin):
    """The alliance profile is a singleton: one object, never added twice or deleted."""

    formfield_overrides = {models.ImageField: {"form_class": ImageUploadField}}

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
class PageAdmin(HistoryAdmin):
    list_display = ["title", "slug", "published", "updated_at"]
    list_filter = ["published"]
    search_fields = ["title", "body"]

    def view_on_site(self, obj):
        return obj.get_absolute_url()


@admin.register(FieldOfAction)
class FieldOfActionAdmin(HistoryAdmin):
    list_display = ["name", "position", "published"]
    list_editable = ["position", "published"]
    list_filter = ["published"]
    ordering = ["position", "name"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}

    def view_on_site(self, obj):
        return obj.get_absolute_url()
