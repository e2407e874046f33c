"""A partner's working groups and projects in its data export (`partners.personal_data`)."""

from arbeitsgruppen.models import Project, WorkingGroup
from partners import personal_data


@personal_data.collectors.register("arbeitsgruppen")
def working_groups(partner):
    return list(WorkingGroup.objects.filter(members=partner).values_list("name", flat=True))


@personal_data.collectors.register("projekte")
def projects(partner):
    return list(Project.objects.filter(partners=partner).values_list("title", flat=True))
