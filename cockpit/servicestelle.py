"""The Servicestelle: the installation's superusers, on its own domain (SERVICE_DOMAIN).

It lists, creates, suspends and deletes alliances and sees each alliance's figures
(partners, projects, events, last activity), never a person's data: it does not open
an alliance's records here (each alliance's admin is on the alliance's domain).
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from arbeitsgruppen.models import Project
from buendnis.admin_sites import OwnObjectsOnSite
from buendnis.models import Alliance, ContentVersion, Domain
from buendnis.tenancy import scopes_disabled
from cockpit import alliances
from events.models import Event
from partners.models import Partner


class ServiceAdminSite(OwnObjectsOnSite, admin.AdminSite):
    site_header = _("Servicestelle – Lokale Bündnisse für Familie")
    site_title = _("Servicestelle")
    index_title = _("Bündnisse dieser Installation")

    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def get_app_list(self, request, app_label=None):
        # Here an alliance is one of many, not "the profile" as in its own admin.
        app_list = super().get_app_list(request, app_label)
        for app in app_list:
            for model in app["models"]:
                if model["object_name"] == "Alliance":
                    model["name"] = _("Bündnisse")
        return app_list


# Named "admin" like every admin site: the login, the second factor and the templates
# find it by that name in the Servicestelle's URLs (portal/urls_service.py).
service_site = ServiceAdminSite(name="admin")
# The background tasks of every alliance (mailings, invitations, reminders).
service_site.register(DBTaskResult, DBTaskResultAdmin)


def _count(rows):
    """The number of an alliance's `rows` (made outside any alliance's scope), as a subquery."""
    rows = (
        rows.filter(alliance=OuterRef("pk"))
        .order_by()
        .values("alliance")
        .annotate(number=Count("pk"))
        .values("number")
    )
    return Subquery(rows, output_field=IntegerField())


class DomainInline(admin.TabularInline):
    model = Domain
    extra = 1
    fields = ["name", "is_primary"]


class CreationForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, help_text=_("z. B. „Bündnis für Familie Nordheim“")
    )
    domain = forms.CharField(
        label=_("Hauptdomain"), max_length=253, help_text=_("z. B. buendnis-nordheim.de (ohne https://)")
    )
    admin_email = forms.EmailField(
        label=_("E-Mail der Koordination"),
        help_text=_("Wird der Benutzername; an sie geht die Einladung (Passwort festlegen)."),
    )
    slug = forms.SlugField(
        label=_("Kennung"), max_length=60, required=False,
        help_text=_("Für Befehle und Sicherungen; leer: der erste Teil der Domain."),
    )


class SuspendedFilter(admin.SimpleListFilter):
    title = _("Zustand")
    parameter_name = "zustand"

    def lookups(self, request, model_admin):
        return [("aktiv", _("aktiv")), ("stillgelegt", _("stillgelegt"))]

    def queryset(self, request, queryset):
        if self.value() == "aktiv":
            return queryset.filter(suspended_at__isnull=True)
        if self.value() == "stillgelegt":
            return queryset.filter(suspended_at__isnull=False)
        return queryset


@admin.register(Alliance, site=service_site)
class ServiceAllianceAdmin(admin.ModelAdmin):
    list_display = [
        "name", "slug", "main_domain", "state",
        "partner_count", "project_count", "event_count", "last_activity",
    ]
    list_filter = [SuspendedFilter]
    search_fields = ["name", "slug", "town", "region", "postal_code", "domains__name"]
    fields = ["name", "short_name", "slug", "town", "postal_code", "region", "postal_codes", "suspended_at"]
    readonly_fields = ["suspended_at"]
    inlines = [DomainInline]
    actions = ["suspend_selected", "resume_selected"]
    list_per_page = 100

    def get_queryset(self, request):
        last_change = ContentVersion._base_manager.filter(alliance=OuterRef("pk")).values("changed_at")[:1]
        # Each alliance's figures, counted as on its own pages (active partners, the
        # projects the public sees).
        with scopes_disabled():
            figures = {
                "partners": _count(Partner.objects.active()),
                "projects": _count(Project.objects.public()),
                "events": _count(Event.objects.all()),
            }
        return (
            super()
            .get_queryset(request)
            .prefetch_related("domains")
            .annotate(**figures, changed=Subquery(last_change))
        )

    @admin.display(description=_("Hauptdomain"))
    def main_domain(self, alliance):
        return alliance.primary_domain or "–"

    @admin.display(description=_("Zustand"))
    def state(self, alliance):
        return _("stillgelegt") if alliance.is_suspended else _("aktiv")

    @admin.display(description=_("Partner"), ordering="partners")
    def partner_count(self, alliance):
        return alliance.partners or 0

    @admin.display(description=_("Projekte"), ordering="projects")
    def project_count(self, alliance):
        return alliance.projects or 0

    @admin.display(description=_("Termine"), ordering="events")
    def event_count(self, alliance):
        return alliance.events or 0

    @admin.display(description=_("zuletzt geändert"), ordering="changed")
    def last_activity(self, alliance):
        return alliance.changed or alliance.updated_at

    @admin.action(description=_("Ausgewählte Bündnisse stilllegen"))
    def suspend_selected(self, request, queryset):
        for alliance in queryset:
            alliances.suspend(alliance)
        self.message_user(request, _("%(count)s Bündnis(se) stillgelegt.") % {"count": queryset.count()})

    @admin.action(description=_("Ausgewählte Bündnisse wieder freischalten"))
    def resume_selected(self, request, queryset):
        for alliance in queryset:
            alliances.resume(alliance)
        self.message_user(request, _("%(count)s Bündnis(se) freigeschaltet.") % {"count": queryset.count()})

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": _("Bündnisse"), **(extra_context or {})})

    def add_view(self, request, form_url="", extra_context=None):
        form = CreationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                alliance, _link = alliances.create_alliance(**form.cleaned_data)
            except alliances.AllianceError as error:
                form.add_error(None, str(error))
            else:
                self.message_user(
                    request,
                    _("„%(name)s“ ist angelegt; die Einladung ging an %(email)s.")
                    % {"name": alliance.name, "email": form.cleaned_data["admin_email"]},
                    messages.SUCCESS,
                )
                return redirect(reverse("admin:buendnis_alliance_change", args=[alliance.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Neues Bündnis anlegen"),
            "form": form,
        }
        return TemplateResponse(request, "admin/servicestelle/alliance_add.html", context)

    def get_deleted_objects(self, objs, request):
        # Not every partner and minute of the alliance by name: the figures only.
        summary = [
            _("„%(name)s“ mit allen Einträgen, ihrer Geschichte, den Zugängen und Dateien")
            % {"name": alliance.name}
            for alliance in objs
        ]
        return summary, {_("Bündnisse"): len(summary)}, set(), []

    def delete_model(self, request, obj):
        alliances.delete_alliance(obj)

    def delete_queryset(self, request, queryset):
        for alliance in queryset:
            alliances.delete_alliance(alliance)
