"""The coordinator's workflows on a partner, as pages of the partner admin.

- a declaration signed on paper (`papier/`, also the partner list's "Partner hinzufügen"),
- a withdrawal by letter or phone (`<pk>/austritt/`),
- the decision on a sign-up that may be an existing organisation (`<pk>/dublette/`),
- everything the portal stores about the partner, as JSON (`<pk>/daten.json`).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from buendnis.exports import json_download
from partners import coordination, personal_data
from partners.forms import PaperSignatureForm, WithdrawalForm


class PartnerWorkflowsAdminMixin:
    def get_urls(self):
        def view(name, func):
            return self.admin_site.admin_view(func), f"partners_partner_{name}"

        urls = [
            ("papier/", *view("paper_signature", self.paper_signature_view)),
            ("<int:pk>/austritt/", *view("withdrawal", self.withdrawal_view)),
            ("<int:pk>/dublette/", *view("duplicate", self.duplicate_view)),
            ("<int:pk>/dublette/fortsetzen/", *view("continue", require_POST(self.continue_view))),
            ("<int:pk>/dublette/getrennt/", *view("separate", require_POST(self.separate_view))),
            ("<int:pk>/daten.json", *view("data", self.data_view)),
        ]
        return [path(route, func, name=name) for route, func, name in urls] + super().get_urls()

    def _page(self, request, template, title, **context):
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "title": title, **context
        }
        return TemplateResponse(request, f"admin/partners/partner/{template}", context)

    def _changeable(self, request, pk):
        partner = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_change_permission(request, partner):
            raise PermissionDenied
        return partner

    def paper_signature_view(self, request):
        if not self.has_add_permission(request) or not self.has_change_permission(request):
            return redirect("admin:index")
        initial = {"signed_on": timezone.localdate()}
        if request.GET.get("partner", "").isdigit():
            initial["partner"] = int(request.GET["partner"])
        form = PaperSignatureForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                signature = coordination.enter_paper_signature(**form.cleaned_data, entered_by=request.user)
            self.message_user(
                request,
                _("Papier-Unterzeichnung von „%(name)s“ erfasst.") % {"name": signature.partner.name},
            )
            return redirect("admin:partners_partner_change", signature.partner.pk)
        title = _("Papier-Unterzeichnung erfassen") if "partner" in initial else _("Partner hinzufügen")
        return self._page(request, "paper_signature.html", title, form=form)

    def withdrawal_view(self, request, pk):
        partner = self._changeable(request, pk)
        if not partner.signatures.open().exists():
            messages.error(request, _("„%(name)s“ hat keine laufende Mitgliedschaft.") % {"name": partner})
            return redirect("admin:partners_partner_change", partner.pk)
        form = WithdrawalForm(
            request.POST or None, partner=partner, initial={"withdrawn_on": timezone.localdate()}
        )
        if request.method == "POST" and form.is_valid():
            coordination.record_withdrawal(partner, form.cleaned_data["withdrawn_on"], request.user)
            messages.success(
                request,
                _("Der Austritt von „%(name)s“ ist eingetragen. Die Daten der Ansprechperson sind "
                  "gelöscht, die Mitgliedschaft bleibt in der Geschichte.") % {"name": partner},
            )
            return redirect("admin:partners_partner_change", partner.pk)
        title = _("Austritt eintragen: %(name)s") % {"name": partner}
        return self._page(request, "withdrawal.html", title, form=form, partner=partner)

    def duplicate_view(self, request, pk):
        partner = self._changeable(request, pk)
        if partner.possible_duplicate is None:
            return redirect("admin:partners_partner_change", partner.pk)
        title = _("Dieselbe Organisation? %(name)s") % {"name": partner}
        existing = partner.possible_duplicate
        return self._page(request, "duplicate.html", title, partner=partner, existing=existing)

    def continue_view(self, request, pk):
        partner = self._changeable(request, pk)
        try:
            existing = coordination.continue_existing(partner)
        except coordination.CannotMerge:
            return redirect("admin:partners_partner_change", partner.pk)
        messages.success(
            request,
            _("Die Unterzeichnung gehört jetzt zu „%(name)s“; die bisherige Geschichte bleibt erhalten.")
            % {"name": existing},
        )
        return redirect("admin:partners_partner_change", existing.pk)

    def separate_view(self, request, pk):
        partner = coordination.keep_separate(self._changeable(request, pk))
        messages.success(request, _("„%(name)s“ ist ein eigener Eintrag.") % {"name": partner})
        return redirect("admin:partners_partner_change", partner.pk)

    def data_view(self, request, pk):
        """Everything stored about the partner (DSGVO Art. 15 and 20); for Koordination."""
        partner = self._changeable(request, pk)
        return json_download(personal_data.everything(partner), f"partner-{partner.slug}.json")
