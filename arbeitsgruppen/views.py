from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, render

from arbeitsgruppen.forms import ProjectFilterForm
from arbeitsgruppen.models import FieldOfAction, Project, WorkingGroup, visible_project_count
from buendnis import home_sections
from buendnis.lib.fragments import remembered, render_entries
from buendnis.lib.paging import SEARCH_LIMIT, capped_count, page_by_id
from partners.models import Partner

PROJECTS_PER_PAGE = 20
# What arbeitsgruppen/includes/project_card.html and project_item.html show, and the
# entry cache's key.
PROJECT_CARD_FIELDS = ("title", "slug", "status", "summary", "starts_on", "ends_on", "updated_at")


def _listed_partners():
    return Partner.objects.listed().only("name", "slug", "updated_at")


def _partner_items(partners):
    return render_entries("arbeitsgruppen/includes/partner_item.html", partners, name="partner")


@home_sections.register("arbeitsgruppen/includes/home_fields.html", order=30)
def home_fields(request):
    fields = list(FieldOfAction.objects.published().only("name", "slug", "summary"))
    return {"fields_of_action": fields} if fields else None


RUNNING_PROJECTS_SHOWN = 12
ACTIVE_GROUPS_SHOWN = 12


def field_list(request):
    fields = FieldOfAction.objects.published()
    blocks = render_entries(
        "arbeitsgruppen/includes/field_block.html",
        fields,
        name="field",
        context={
            "running_projects_shown": RUNNING_PROJECTS_SHOWN,
            "active_groups_shown": ACTIVE_GROUPS_SHOWN,
        },
        # Only for fields whose block is not in the cache.
        prefetch=[
            Prefetch(
                "working_groups",
                # Like the projects: the first ones, the rest on the field's own page.
                queryset=WorkingGroup.objects.visible()
                .active()
                .only("name", "slug", "field_of_action")[: ACTIVE_GROUPS_SHOWN + 1],
                to_attr="active_groups",
            ),
            Prefetch(
                "projects",
                # A few per field, the rest in the project database (scale, issue 8): at
                # national size a field has hundreds of running projects.
                queryset=Project.objects.visible()
                .running()
                .only("title", "slug", "field_of_action")[: RUNNING_PROJECTS_SHOWN + 1],
                to_attr="running_projects",
            ),
        ],
    )
    return render(request, "arbeitsgruppen/field_list.html", {"fields": fields, "blocks": blocks})


FIELD_PAGE_PROJECTS = 24
FIELD_PAGE_PARTNERS = 48


def field_detail(request, slug):
    field = get_object_or_404(FieldOfAction.objects.published(), slug=slug)
    interests = Partner.fields_of_action.through.objects
    groups = list(field.working_groups.visible().order_by("name"))
    active = [group for group in groups if group.status == WorkingGroup.Status.ACTIVE]
    finished = [group for group in groups if group.status != WorkingGroup.Status.ACTIVE]
    # A field can hold hundreds of projects and partners: the page shows the first
    # ones and links to the filtered project database and partner directory.
    projects = list(
        field.projects.visible().only(*PROJECT_CARD_FIELDS, "field_of_action")[:FIELD_PAGE_PROJECTS]
    )
    # EXISTS lets SQLite read the directory in name order and stop after the first 48
    # instead of sorting all 2,000 of a field (national scale, issue 8).
    partners = list(
        _listed_partners().filter(Exists(interests.filter(partner=OuterRef("pk"), fieldofaction=field)))[
            :FIELD_PAGE_PARTNERS
        ]
    )
    context = {
        "field": field,
        "active_groups": active,
        "active_group_cards": _group_cards(active, level=3),
        "finished_groups": finished,
        "finished_group_cards": _group_cards(finished, level=4),
        "projects": projects,
        "project_cards": _project_cards(projects),
        "project_count": remembered(
            f"field_project_count:{field.pk}", lambda: field.projects.visible().count()
        ),
        "partners": partners,
        "partner_items": _partner_items(partners),
        "partner_count": remembered(
            f"field_partner_count:{field.pk}",
            lambda: _listed_partners().filter(fields_of_action=field).count(),
        ),
    }
    return render(request, "arbeitsgruppen/field_detail.html", context)


def _group_cards(groups, *, level):
    return render_entries(
        "arbeitsgruppen/includes/group_card.html", groups, name="group", context={"level": level}
    )


def _project_cards(projects):
    return render_entries("arbeitsgruppen/includes/project_item.html", projects, name="project")


def group_detail(request, slug):
    group = get_object_or_404(
        WorkingGroup.objects.visible().select_related("field_of_action"), slug=slug
    )
    projects = list(group.projects.visible())
    members = list(_listed_partners().filter(working_groups=group))
    context = {
        "group": group,
        "earlier_mandates": group.earlier_mandates.all(),
        "members": members,
        "partner_items": _partner_items(members),
        "projects": projects,
        "project_cards": _project_cards(projects),
    }
    return render(request, "arbeitsgruppen/group_detail.html", context)


def project_list(request):
    form = ProjectFilterForm(request.GET or None)
    projects = Project.objects.visible()
    if form.is_bound:
        projects = form.filter(projects)
    count, more_than_limit = None, False
    if form.is_searching():
        count = capped_count(projects)
        more_than_limit = count > SEARCH_LIMIT
        count = min(count, SEARCH_LIMIT)
    elif not form.is_filtering():
        count = visible_project_count()
    page = page_by_id(
        projects.order_by("title", "pk"),
        PROJECTS_PER_PAGE,
        request.GET.get("seite"),
        count=count,
        # What a card shows: whole rows with description and search text are ten
        # times wider.
        rows=Project.objects.select_related("field_of_action", "working_group").only(
            *PROJECT_CARD_FIELDS, "field_of_action__name", "working_group__name"
        ),
    )
    page.more_than_limit = more_than_limit
    cards = render_entries(
        "arbeitsgruppen/includes/project_card.html",
        page.object_list,
        name="project",
        # Only for cards not in the cache.
        prefetch=[
            Prefetch("target_groups", to_attr="target_group_list"),
            Prefetch("partners", queryset=_listed_partners(), to_attr="listed_partners"),
        ],
    )
    context = {"form": form, "page_obj": page, "projects": page.object_list, "cards": cards}
    return render(request, "arbeitsgruppen/project_list.html", context)


def project_detail(request, slug):
    project = get_object_or_404(
        Project.objects.visible().select_related("field_of_action", "working_group"), slug=slug
    )
    partners = list(_listed_partners().filter(projects=project))
    context = {
        "project": project,
        "partners": partners,
        "partner_items": _partner_items(partners),
        "target_groups": project.target_groups.all(),
    }
    return render(request, "arbeitsgruppen/project_detail.html", context)
