"""The content pages in the admin. The legal pages show their facts in sections (the
profile's address, e-mail and phone already filled in); publishing goes through a
preview and is refused, with the missing facts named, while the page has gaps."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from buendnis import services
from buendnis.history import HistoryAdmin
from buendnis.lib.richtext import RichTextAdminMixin
from buendnis.models import Page
from buendnis.translations_admin import TranslationsAdminMixin

LEGAL_HELP = {
    "impressum": _(
        "Wer die Website anbietet und wie man ihn erreicht (§ 5 DDG). Anschrift, "
        "E-Mail und Telefon stehen schon aus dem Bündnisprofil da."
    ),
    "datenschutz": _(
        "Wer für die Daten verantwortlich ist und an wen man sich wenden kann "
        "(Art. 13 DSGVO). Die Speicherfristen setzt das Portal selbst ein."
    ),
    "barrierefreiheit": _("Wie barrierefrei die Website ist und wo man eine Barriere meldet (BITV 2.0)."),
}


class PageForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = [
            "slug", "title", "responsible_body", "street", "postal_code", "town", "representative",
            "contact_email", "contact_phone", "content_responsible", "privacy_contact",
            "supervisory_authority", "hosting_provider", "conformity", "enforcement_body", "body",
            "published",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if page.pk:
            for name in page.legal_fields:
                if name in self.fields and not getattr(page, name):
                    self.initial[name] = page.profile_value(name)


class PublishedStateColumns:
    """The list's columns of a page the coordinator writes and publishes: its state and
    when it was last changed (here and on the pages in Leichte Sprache)."""

    @admin.display(description=_("Stand"), ordering="published")
    def state(self, obj):
        return _("veröffentlicht") if obj.published else _("Entwurf")

    @admin.display(description=_("geändert am"), ordering="updated_at")
    def changed(self, obj):
        return date_format(obj.updated_at, "j. F Y")


@admin.register(Page)
class PageAdmin(PublishedStateColumns, TranslationsAdminMixin, RichTextAdminMixin, HistoryAdmin):
    form = PageForm
    rich_text_fields = ["body"]
    list_display = ["title", "state", "changed"]
    list_filter = ["published"]
    search_fields = ["title", "body"]

    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj else []

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["slug", "title", "body", "published"]})]
        if not obj.is_legal:
            return [(None, {"fields": ["title", "body", "published"]})]
        sets = [
            (_("Pflichtangaben"), {
                "fields": ["title", *obj.REQUIRED_FIELDS[obj.slug]],
                "description": LEGAL_HELP[obj.slug],
            }),
            (_("Freiwillige Angaben"), {
                "fields": obj.OPTIONAL_FIELDS[obj.slug],
                "description": _("Nur, wenn es sie gibt; leere Angaben erscheinen nicht."),
            }),
            (_("Weitere Abschnitte"), {
                "fields": ["body"],
                "description": _(
                    "Was die Seite außerdem sagen soll, z. B. "
                    "Hinweise zu Fotos oder bekannte Barrieren."
                ),
            }),
            (_("Veröffentlichung"), {
                "fields": ["published"],
                "description": _(
                    "Veröffentlicht wird erst, wenn alle Pflichtangaben ausgefüllt "
                    "sind und kein [Platzhalter] mehr im Text steht."
                ),
            }),
        ]
        return sets

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    def get_urls(self):
        return [
            path(
                "<int:pk>/veroeffentlichen/",
                self.admin_site.admin_view(self.publish_view),
                name="buendnis_page_publish",
            ),
            path(
                "<int:pk>/zurueckziehen/",
                self.admin_site.admin_view(require_POST(self.unpublish_view)),
                name="buendnis_page_unpublish",
            ),
            *super().get_urls(),
        ]

    def _page_or_refuse(self, request, pk):
        page = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_change_permission(request, page):
            raise PermissionDenied
        return page

    def publish_view(self, request, pk):
        """GET: the page as visitors will see it, and what is missing; POST: publish."""
        page = self._page_or_refuse(request, pk)
        if request.method == "POST":
            try:
                services.publish_page(page)
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                return redirect("admin:buendnis_page_publish", page.pk)
            messages.success(request, _("„%(title)s“ ist veröffentlicht.") % {"title": page.title})
            return redirect("admin:buendnis_page_change", page.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Vorschau: %(title)s") % {"title": page.title},
            "page": page,
            "problems": page.publication_problems(),
        }
        return TemplateResponse(request, "admin/buendnis/page/publish.html", context)

    def unpublish_view(self, request, pk):
        page = self._page_or_refuse(request, pk)
        services.unpublish_page(page)
        messages.success(request, _("„%(title)s“ ist nicht mehr öffentlich.") % {"title": page.title})
        return redirect("admin:buendnis_page_change", page.pk)
