from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_static import admin as static_admin
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db import admin as tasks_admin

from buendnis.admin_easy_read import EasyReadPageAdmin  # noqa: F401 - registers Leichte Sprache
from buendnis.admin_pages import PageAdmin  # noqa: F401 - registers the content pages
from buendnis.history import HistoryAdmin
from buendnis.lib.images import ImageThumbnailInput, ImageUploadField
from buendnis.lib.richtext import RichTextAdminMixin
from buendnis.models import Account, Alliance, FieldOfAction, Milestone
from buendnis.tenancy import alliance_accounts
from buendnis.translations_admin import LanguagesField, TranslationsAdminMixin


@admin.register(Alliance)
class AllianceAdmin(TranslationsAdminMixin, RichTextAdminMixin, HistoryAdmin):
    """The profile of the alliance whose admin this is: one object, never another
    alliance's, never added or deleted here (that is the Servicestelle's)."""

    formfield_overrides = {
        models.ImageField: {"form_class": ImageUploadField, "widget": ImageThumbnailInput}
    }
    rich_text_fields = [
        "introduction", "what_is_a_local_alliance", "how_we_work", "coordination_text",
        "steering_group_text", "office_text", "working_groups_text", "founding_text",
    ]

    # Sections of at most eight fields, each with one sentence of help in her words.
    fieldsets = [
        ("Name und Auftritt", {
            "fields": ["name", "short_name", "region", "tagline", "logo"],
            "description": "So heißt das Bündnis auf der Website; das Logo steht oben auf jeder Seite.",
        }),
        ("Anschrift und Kontakt", {
            "fields": ["street", "postal_code", "town", "email", "phone"],
            "description": "Diese Anschrift steht unten auf jeder Seite und im Impressum und in der "
            "Datenschutzerklärung.",
        }),
        ("Koordination", {
            "fields": ["coordinator_title", "coordinator_name", "coordinator_email", "coordinator_phone"],
            "description": "Wer das Bündnis koordiniert; an diese E-Mail-Adresse gehen die Nachrichten "
            "über neue Partner und Anregungen.",
        }),
        ("Vorstellung", {
            "fields": ["introduction", "what_is_a_local_alliance", "goals", "how_we_work"],
            "description": "Was Besucherinnen und Besucher auf der Startseite und unter „Das Bündnis“ "
            "lesen; leere Felder erscheinen nicht.",
        }),
        ("Aufbau des Bündnisses", {
            "fields": ["coordination_text", "steering_group_text", "office_text", "working_groups_text"],
            "description": "Wer im Bündnis welche Aufgabe hat; erscheint unter „So arbeitet das Bündnis“.",
            "classes": ["collapse"],
        }),
        ("Gründung", {
            "fields": ["founding_date", "founding_place", "founding_text"],
            "description": "Wann und wo das Bündnis gegründet wurde; der Text steht auf der "
            "Gründungsurkunde.",
        }),
        ("E-Mails des Portals", {
            "fields": ["sender_name", "sender_email", "reply_to_email"],
            "description": "Mit welchem Namen und welcher Adresse das Portal Einladungen und Rundmails "
            "verschickt.",
        }),
        ("Partner, Treffen und Gebiet", {
            "fields": ["moderate_new_partners", "notice_period_days", "postal_codes"],
            "description": "Ob neue Partner erst nach Ihrer Freigabe erscheinen, wie viele Tage vor "
            "einem Bündnistreffen eingeladen wird und welche Postleitzahlen zu Ihrem Gebiet gehören.",
            "classes": ["collapse"],
        }),
        ("Sprachen", {
            "fields": ["languages", "machine_translation"],
            "description": "In welchen Sprachen die Website erscheint; Ihre Texte übersetzen Sie "
            "unten auf der Seite jedes Eintrags, und was nicht übersetzt ist, erscheint auf "
            "Deutsch mit einem Hinweis.",
            "classes": ["collapse"],
        }),
        ("Offene Daten", {
            "fields": ["data_licence", "embed_hosts"],
            "description": "Unter welcher Lizenz andere Ihre Daten nutzen dürfen und welche Websites "
            "Ihre Kästen einbetten dürfen.",
            "classes": ["collapse"],
        }),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(pk=Alliance.current().pk)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "languages":
            return LanguagesField(label=db_field.verbose_name, help_text=db_field.help_text)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def changelist_view(self, request, extra_context=None):
        alliance = Alliance.current()
        return redirect(reverse("admin:buendnis_alliance_change", args=[alliance.pk]))


@admin.register(Milestone)
class MilestoneAdmin(TranslationsAdminMixin, RichTextAdminMixin, admin.ModelAdmin):
    rich_text_fields = ["text"]
    list_display = ["display_date", "title"]
    search_fields = ["title", "text"]
    date_hierarchy = "date"


@admin.register(FieldOfAction)
class FieldOfActionAdmin(TranslationsAdminMixin, RichTextAdminMixin, HistoryAdmin):
    rich_text_fields = ["description"]
    list_display = ["name", "position", "published"]
    list_editable = ["position", "published"]
    list_filter = ["published"]
    ordering = ["position", "name"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}

    def view_on_site(self, obj):
        return obj.get_absolute_url()


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class AllianceUserAdmin(UserAdmin):
    """The accounts of this alliance, never another's and never a superuser's (the
    Servicestelle works in every alliance and belongs to none). An account made here
    belongs to this alliance."""

    def get_queryset(self, request):
        return super().get_queryset(request).filter(alliance_accounts())

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and not obj.is_superuser:
            Account.objects.get_or_create(user=obj)


admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class AllianceTOTPDeviceAdmin(TOTPDeviceAdmin):
    """The second factors of this alliance's accounts only (a Servicestelle member resets
    a lost one here); another alliance's devices and accounts are not offered."""

    def get_queryset(self, request):
        return super().get_queryset(request).filter(user__in=User.objects.filter(alliance_accounts()))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = User.objects.filter(alliance_accounts())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# Backup codes are shown once to their owner (buendnis/twofactor.py) and voided with the
# second factor on the Team page (cockpit/team.py): no list of them in the admin.
# (Importing django-otp's admin registers it, so that it can be taken out here.)
admin.site.unregister(static_admin.StaticDevice)


# Background tasks are the installation's (every alliance's mailings and invitations):
# the Servicestelle sees them (cockpit/servicestelle.py), no alliance's admin does.
# (Importing django_tasks_db's admin registers it, so that it can be taken out here.)
admin.site.unregister(tasks_admin.DBTaskResult)
