"""The role groups and their permissions, written by data migrations (cockpit 0002_roles).

The roles themselves, and who sees what, are described in `buendnis/roles.py`. This
module sits in the top app because it hands out the permissions of every app.
"""

from buendnis.roles import COORDINATION, STEERING_GROUP, WORKING_GROUP_LEAD

PORTAL_APPS = ["buendnis", "partners", "arbeitsgruppen", "events", "finances", "cockpit"]
SERVICE_MODELS = ["domain", "account"]

# (app_label, codename) of the custom permission to approve minutes.
APPROVE_MINUTES = ("events", "approve_minutes")
# The steering group's approvals of the finances (four eyes): not the coordinator's, who
# books what they approve.
STEERING_APPROVALS = [("finances", "approve_entry"), ("finances", "approve_annualreport")]

WORKING_GROUP_LEAD_PERMISSIONS = [
    ("buendnis", "view_fieldofaction"),
    ("arbeitsgruppen", "view_targetgroup"),
    ("arbeitsgruppen", "view_workinggroup"),
    ("arbeitsgruppen", "change_workinggroup"),
    *[("arbeitsgruppen", f"{action}_{model}") for model in ("mandate", "project")
      for action in ("view", "add", "change", "delete")],
    *[("events", f"{action}_{model}") for model in ("event", "minutes", "agendaitem", "task")
      for action in ("view", "add", "change", "delete")],
    ("events", "view_invitation"),
    ("events", "view_registration"),
    ("partners", "view_partner"),
    # The budget of the groups it leads (finances.admin.BudgetLineAdmin narrows it).
    ("finances", "view_budgetline"),
]


def sync_groups(apps):
    """Create the three groups and give them their permissions.

    Called by data migrations with their historical `apps`; when new models come, a
    further data migration calls it again, so the roles get their rights.
    """
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        # Migration states have no models module; create_permissions skips such apps.
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    grant_roles(apps)


def grant_roles(apps):
    """The three groups with their permissions, which must exist already (after every
    app's `post_migrate`, say)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    minutes_type = ContentType.objects.get_or_create(app_label="events", model="minutes")[0]
    approve, _created = Permission.objects.get_or_create(
        content_type=minutes_type,
        codename=APPROVE_MINUTES[1],
        defaults={"name": "Kann Protokolle freigeben"},
    )
    # Domains and accounts are the Servicestelle's: no role of an alliance gets them.
    portal = Permission.objects.filter(content_type__app_label__in=PORTAL_APPS).exclude(
        content_type__app_label="buendnis", content_type__model__in=SERVICE_MODELS
    )

    approvals = Permission.objects.filter(
        content_type__app_label="finances", codename__in=[codename for _app, codename in STEERING_APPROVALS]
    )

    coordination = Group.objects.get_or_create(name=COORDINATION)[0]
    coordination.permissions.set(portal.exclude(pk__in=approvals))

    steering = Group.objects.get_or_create(name=STEERING_GROUP)[0]
    steering.permissions.set([*portal.filter(codename__startswith="view_"), approve, *approvals])

    lead = Group.objects.get_or_create(name=WORKING_GROUP_LEAD)[0]
    # An earlier migration runs this before a later app's models exist (the finances):
    # its permissions come with the migration that calls this again.
    existing = {model._meta.app_label for model in apps.get_models()}
    lead.permissions.set(
        Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).get()
        for app_label, codename in WORKING_GROUP_LEAD_PERMISSIONS
        if app_label in existing
    )
