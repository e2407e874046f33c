"""What the working groups' app contributes to pages of lower apps (`buendnis.sections`)."""

from arbeitsgruppen.models import Project, WorkingGroup
from buendnis import sections
from buendnis.models import FieldOfAction


@sections.home.register("arbeitsgruppen/includes/home_fields.html", order=30)
def home_fields(request):
    fields = list(FieldOfAction.objects.public().only("name", "slug", "summary"))
    return {"fields_of_action": fields} if fields else None


@sections.partner_page.register("arbeitsgruppen/includes/partner_work.html", order=20)
def partner_work(partner):
    """The partner's working groups and projects, as far as the public may see them."""
    groups = list(WorkingGroup.objects.public().filter(members=partner).only("name", "slug"))
    projects = list(Project.objects.public().filter(partners=partner).only("title", "slug"))
    if not (groups or projects):
        return None
    return {"groups": groups, "projects": projects}
