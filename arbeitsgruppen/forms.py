from django import forms
from django.utils.translation import gettext_lazy as _

from arbeitsgruppen.models import Project, TargetGroup
from buendnis.fragments import remembered
from buendnis.lib.images import PICTURE_MAX_SIZE, ImageUploadField
from buendnis.models import FieldOfAction


class ProjectFilterForm(forms.Form):
    """The filters of the project database; read from the query string."""

    q = forms.CharField(label=_("Suche"), required=False, max_length=100)
    handlungsfeld = forms.ChoiceField(label=_("Handlungsfeld"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("jeder Status")), *Project.Status.choices],
        required=False,
    )
    zielgruppe = forms.ChoiceField(label=_("Zielgruppe"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The same on every request until the content changes (scale, issue 8).
        fields = remembered(
            "project_filter_fields",
            lambda: list(FieldOfAction.objects.public().values_list("slug", "name")),
        )
        target_groups = remembered(
            "project_filter_target_groups",
            lambda: list(TargetGroup.objects.values_list("slug", "name")),
        )
        self.fields["handlungsfeld"].choices = [("", _("alle Handlungsfelder")), *fields]
        self.fields["zielgruppe"].choices = [("", _("alle Zielgruppen")), *target_groups]

    def is_searching(self):
        return self.is_filtering() and bool(self.cleaned_data.get("q"))

    def is_filtering(self):
        """Whether any valid filter narrows the list; invalid ones are ignored."""
        if not self.is_bound:
            return False
        self.is_valid()
        return any(self.cleaned_data.values())

    def filter(self, projects):
        """Apply every filter that is valid; invalid ones are shown as errors and ignored."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("q"):
            projects = projects.search(data["q"])
        if data.get("handlungsfeld"):
            projects = projects.filter(field_of_action__slug=data["handlungsfeld"])
        if data.get("status"):
            projects = projects.filter(status=data["status"])
        if data.get("zielgruppe"):
            projects = projects.filter(target_groups__slug=data["zielgruppe"])
        return projects


class ProjectAdminForm(forms.ModelForm):
    image = ImageUploadField(label=_("Bild"), required=False, max_size=PICTURE_MAX_SIZE)

    class Meta:
        model = Project
        fields = [
            "title", "slug", "summary", "description", "status", "field_of_action",
            "working_group", "partners", "target_groups", "starts_on", "ends_on",
            "image", "image_alt", "published",
        ]
