from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import render
from django.views.generic import DetailView

from arbeitsgruppen import structured_data
from arbeitsgruppen.forms import ProjectFilterForm
from arbeitsgruppen.models import Project, WorkingGroup, public_project_count
from buendnis.fragments import remembered, render_entries
from buendnis.lib.paging import paginate
from buendnis.models import Alliance, FieldOfAction
from partners.models import Partner

PROJECTS_PER_PAGE = 20
# What arbeitsgruppen/includes/project_card.html and project_item.html show, and the
# entry cache's key.
PROJECT_CARD_FIELDS = ("title", "slug", "status", "summary", "starts_on", "ends_on", "updated_at")
RUNNING_PROJECTS_SHOWN = 12
ACTIVE_GROUPS_SHOWN = 12
FIELD_PAGE_PROJECTS = 24
FIELD_PAGE_PARTNERS = 48


def _public_partners():
    return Partner.objects.public().only("name", "slug", "updated_at")


def _partner_items(partners):
    return render_entries("arbeitsgruppen/includes/partner_item.html", partners, name="partner")


def _group_cards(groups, *, level):
    return render_entries(
        "arbeitsgruppen/includes/group_card.html", groups, name="group", context={"level": level}
    )


def _project_items(projects):
    return render_entries("arbeitsgruppen/includes/project_item.html", projects, name="project")


def _field_block_prefetches():
    """The first active groups and running projects of each field; the rest are on the
    field's own page and in the project database (a field of a large alliance has
    hundreds of running projects)."""
    groups = WorkingGroup.objects.public().active().only("name", "slug", "field_of_action")
    projects = Project.objects.public().running().only("title", "slug", "field_of_action")
    return [
        Prefetch("working_groups", queryset=groups[: ACTIVE_GROUPS_SHOWN + 1], to_attr="active_groups"),
        Prefetch("projects", queryset=projects[: RUNNING_PROJECTS_SHOWN + 1], to_attr="running_projects"),
    ]


def field_list(request):
    fields = FieldOfAction.objects.public()
    blocks = render_entries(
        "arbeitsgruppen/includes/field_block.html",
        fields,
        name="field",
        context={
            "running_projects_shown": RUNNING_PROJECTS_SHOWN,
            "active_groups_shown": ACTIVE_GROUPS_SHOWN,
        },
        prefetch=_field_block_prefetches(),  # only for fields whose block is not in the cache
    )
    return render(request, "arbeitsgruppen/field_list.html", {"fields": fields, "blocks": blocks})


class FieldDetailView(DetailView):
    """A field of action: its groups (active first), its first projects and partners.

    A field can hold hundreds of projects and partners: the page shows the first ones
    and links to the filtered project database and partner directory.
    """

    template_name = "arbeitsgruppen/field_detail.html"
    context_object_name = "field"

    def get_queryset(self):
        return FieldOfAction.objects.public()

    def get_context_data(self, **kwargs):
        field = self.object
        return {
            **super().get_context_data(**kwargs),
            **self._groups(field),
            **self._projects(field),
            **self._partners(field),
            "structured_data": structured_data.field(field, self.request),
        }

    def _groups(self, field):
        groups = list(WorkingGroup.objects.public().filter(field_of_action=field).order_by("name"))
        active = [group for group in groups if group.status == WorkingGroup.Status.ACTIVE]
        finished = [group for group in groups if group.status != WorkingGroup.Status.ACTIVE]
        return {
            "active_groups": active,
            "active_group_cards": _group_cards(active, level=3),
            "finished_groups": finished,
            "finished_group_cards": _group_cards(finished, level=4),
        }

    def _projects(self, field):
        public = Project.objects.public().filter(field_of_action=field)
        projects = list(public.only(*PROJECT_CARD_FIELDS, "field_of_action")[:FIELD_PAGE_PROJECTS])
        count = remembered(f"field_project_count:{field.pk}", public.count)
        return {"projects": projects, "project_cards": _project_items(projects), "project_count": count}

    def _partners(self, field):
        # EXISTS lets SQLite read the directory in name order and stop after the first 48
        # instead of sorting all 2,000 of a field (national scale, issue 8).
        interests = Partner.fields_of_action.through.objects
        interested = Exists(interests.filter(partner=OuterRef("pk"), fieldofaction=field))
        partners = list(_public_partners().filter(interested)[:FIELD_PAGE_PARTNERS])
        count = remembered(
            f"field_partner_count:{field.pk}",
            lambda: _public_partners().filter(fields_of_action=field).count(),
        )
        return {"partners": partners, "partner_items": _partner_items(partners), "partner_count": count}


class GroupDetailView(DetailView):
    template_name = "arbeitsgruppen/group_detail.html"
    context_object_name = "group"

    def get_queryset(self):
        return WorkingGroup.objects.public().select_related("field_of_action")

    def get_context_data(self, **kwargs):
        group = self.object
        projects = list(group.projects.public())
        members = list(_public_partners().filter(working_groups=group))
        return {
            **super().get_context_data(**kwargs),
            "earlier_mandates": group.earlier_mandates.all(),
            "members": members,
            "partner_items": _partner_items(members),
            "projects": projects,
            "project_cards": _project_items(projects),
            "structured_data": structured_data.group(group, self.request),
        }


def _project_page(form, number):
    """The page of the project database that the filters and the page number ask for."""
    projects = Project.objects.public()
    if form.is_bound:
        projects = form.filter(projects)
    count = None if form.is_filtering() or form.is_searching() else public_project_count()
    # What a card shows: whole rows with description and search text are ten times wider.
    rows = Project.objects.select_related("field_of_action", "working_group").only(
        *PROJECT_CARD_FIELDS, "field_of_action__name", "working_group__name"
    )
    search = "count" if form.is_searching() else None
    return paginate(
        projects.order_by("title_de", "pk"), PROJECTS_PER_PAGE, number, rows=rows, count=count, search=search
    )


def project_list(request):
    form = ProjectFilterForm(request.GET or None)
    page = _project_page(form, request.GET.get("seite"))
    cards = render_entries(
        "arbeitsgruppen/includes/project_card.html",
        page.object_list,
        name="project",
        # Only for cards not in the cache.
        prefetch=[
            Prefetch("target_groups", to_attr="target_group_list"),
            Prefetch("partners", queryset=_public_partners(), to_attr="public_partners"),
        ],
    )
    context = {"form": form, "page_obj": page, "projects": page.object_list, "cards": cards}
    return render(request, "arbeitsgruppen/project_list.html", context)


class ProjectDetailView(DetailView):
    template_name = "arbeitsgruppen/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return Project.objects.public().select_related("field_of_action", "working_group")

    def get_context_data(self, **kwargs):
        partners = list(_public_partners().filter(projects=self.object))
        return {
            **super().get_context_data(**kwargs),
            "partners": partners,
            "partner_items": _partner_items(partners),
            "target_groups": self.object.target_groups.all(),
            "structured_data": structured_data.project(
                self.object, partners, Alliance.current(), self.request
            ),
        }
