"""Wünsche und Anregungen: anyone may send one; the coordinator answers in the admin."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from arbeitsgruppen.models import FieldOfAction, WorkingGroup
from buendnis.lib.emails import absolute_url, send_templated
from buendnis.lib.ratelimit import ratelimit
from buendnis.models import Alliance, Suggestion

ANSWERS_PER_PAGE = 10


class SuggestionForm(forms.ModelForm):
    # Hidden from people by CSS; bots fill it in.
    website = forms.CharField(label=gettext_lazy("Bitte leer lassen"), required=False)

    class Meta:
        model = Suggestion
        fields = ["text", "field_of_action", "working_group", "name", "email"]
        labels = {
            "text": gettext_lazy("Ihr Wunsch oder Ihre Anregung"),
            "field_of_action": gettext_lazy("Thema (optional)"),
            "name": gettext_lazy("Ihr Name (optional)"),
            "email": gettext_lazy("Ihre E-Mail-Adresse (optional, für eine Antwort)"),
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),
            "working_group": forms.HiddenInput,
        }
        error_messages = {
            "text": {"required": gettext_lazy("Bitte schreiben Sie Ihren Wunsch oder Ihre Anregung.")},
            "email": {"invalid": gettext_lazy("Bitte geben Sie eine gültige E-Mail-Adresse an.")},
            "working_group": {
                "invalid_choice": gettext_lazy("Diese Arbeitsgruppe gibt es nicht (mehr).")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field_of_action"].queryset = FieldOfAction.objects.published()
        self.fields["field_of_action"].empty_label = _("kein bestimmtes Thema")
        group_field = self.fields["working_group"]
        group_field.queryset = WorkingGroup.objects.visible().select_related("field_of_action")
        group_field.to_field_name = "slug"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Bitte schreiben Sie Ihren Wunsch oder Ihre Anregung."))
        return text

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            # A non-field error, so the rare person whose browser filled the field sees it.
            raise forms.ValidationError(
                _("Ihre Nachricht sieht nach automatisch erzeugtem Spam aus und wurde nicht gesendet.")
            )
        group = cleaned.get("working_group")
        if group and not cleaned.get("field_of_action"):
            cleaned["field_of_action"] = group.field_of_action
        return cleaned


def submit_suggestion(form):
    """Store the suggestion and tell the coordinator about it."""
    suggestion = form.save()
    send_new_suggestion_email(suggestion)
    return suggestion


def send_new_suggestion_email(suggestion):
    recipient = Alliance.load().notification_email
    if not recipient:
        return None
    context = {
        "suggestion": suggestion,
        "admin_url": absolute_url(
            reverse("admin:buendnis_suggestion_change", args=[suggestion.pk])
        ),
    }
    reply_to = [suggestion.email] if suggestion.email else None
    return send_templated("suggestion_new", context, [recipient], reply_to=reply_to)


@ratelimit("suggestions")
def suggestions(request):
    # A working group's contact link leads here with ?arbeitsgruppe=<slug>.
    group_slug = request.POST.get("working_group") or request.GET.get("arbeitsgruppe")
    group = WorkingGroup.objects.visible().filter(slug=group_slug).first() if group_slug else None
    initial = {"working_group": group.slug, "field_of_action": group.field_of_action_id} if group else {}
    form = SuggestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        submit_suggestion(form)
        messages.success(
            request,
            _("Vielen Dank! Ihre Anregung ist bei uns angekommen. Die Koordination kümmert sich darum."),
        )
        return redirect("buendnis:suggestions")

    context = {
        "form": form,
        "working_group": group,
        "answers": Paginator(Suggestion.objects.answered_publicly(), ANSWERS_PER_PAGE).get_page(
            request.GET.get("seite")
        ),
    }
    return render(request, "buendnis/suggestions.html", context, status=400 if form.errors else 200)
