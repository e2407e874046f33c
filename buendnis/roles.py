"""Roles in the admin, as Django groups (created by the migration buendnis 0050_roles).

- Koordination: every permission of the portal's apps.
- Steuerungsgruppe: sees everything, approves minutes, changes nothing else.
- AG-Leitung: users named as `WorkingGroup.leads` edit only those groups, their
  projects, their events and minutes; they see partner names, but contact data
  only of partners in their own groups.

Model permissions say *what kind* of object a role may touch; the mixins below
narrow it to *which* objects, in the querysets and permission checks of the admin,
so a changed URL does not get around them.
"""

from django.core.exceptions import PermissionDenied

COORDINATION = "Koordination"
STEERING_GROUP = "Steuerungsgruppe"
WORKING_GROUP_LEAD = "AG-Leitung"

PORTAL_APPS = ["buendnis", "partners", "arbeitsgruppen", "events"]

# (app_label, codename) of the custom permission to approve minutes.
APPROVE_MINUTES = ("events", "approve_minutes")

WORKING_GROUP_LEAD_PERMISSIONS = [
    ("arbeitsgruppen", "view_fieldofaction"),
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
]


def sync_groups(apps):
    """Create the three groups and give them their permissions (used by the data migration)."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        # Migration states have no models module; create_permissions skips such apps.
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    minutes_type = ContentType.objects.get_or_create(app_label="events", model="minutes")[0]
    approve, _created = Permission.objects.get_or_create(
        content_type=minutes_type,
        codename=APPROVE_MINUTES[1],
        defaults={"name": "Kann Protokolle freigeben"},
    )
    portal = Permission.objects.filter(content_type__app_label__in=PORTAL_APPS)

    coordination = Group.objects.get_or_create(name=COORDINATION)[0]
    coordination.permissions.set(portal)

    steering = Group.objects.get_or_create(name=STEERING_GROUP)[0]
    steering.permissions.set([*portal.filter(codename__startswith="view_"), approve])

    lead = Group.objects.get_or_create(name=WORKING_GROUP_LEAD)[0]
    lead.permissions.set(
        Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).get()
        for app_label, codename in WORKING_GROUP_LEAD_PERMISSIONS
    )


# Who sees and edits what. Cached on the user object for the request.


def _role_names(user):
    if not hasattr(user, "_role_names"):
        user._role_names = set(user.groups.values_list("name", flat=True))
    return user._role_names


def edits_everything(user):
    return user.is_active and (user.is_superuser or COORDINATION in _role_names(user))


def sees_everything(user):
    return edits_everything(user) or (user.is_active and STEERING_GROUP in _role_names(user))


def led_group_ids(user):
    if not hasattr(user, "_led_group_ids"):
        user._led_group_ids = set(user.led_working_groups.values_list("pk", flat=True))
    return user._led_group_ids


class WorkingGroupScopedAdmin:
    """ModelAdmin mixin: AG-Leitung sees and edits only objects of the groups it leads.

    `group_path` leads from the model to its working group ("pk" for the group itself,
    "working_group", "event__working_group"). Objects of other groups: 403 on a direct
    URL, missing from lists and from choices in forms.
    """

    group_path = "working_group"
    # Foreign keys whose choices are narrowed to the user's own objects: field -> path.
    scoped_choices = {"working_group": "pk", "event": "working_group"}

    def _in_scope(self, queryset, user):
        return queryset.filter(**{f"{self.group_path}__in": led_group_ids(user)})

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if sees_everything(request.user):
            return queryset
        return self._in_scope(queryset, request.user)

    def in_scope(self, request, obj):
        if obj is None or edits_everything(request.user):
            return True
        return self._in_scope(self.model._default_manager.filter(pk=obj.pk), request.user).exists()

    def has_view_permission(self, request, obj=None):
        if obj is None or sees_everything(request.user):
            return super().has_view_permission(request, obj)
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.in_scope(request, obj)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and not sees_everything(request.user):
            # It exists, but belongs to another group: refuse instead of "not found".
            field = self.model._meta.pk if from_field is None else self.model._meta.get_field(from_field)
            try:
                exists = self.model._default_manager.filter(**{field.name: object_id}).exists()
            except (ValueError, TypeError):
                exists = False
            if exists:
                raise PermissionDenied
        return obj

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        path = self.scoped_choices.get(db_field.name)
        if path is not None and not edits_everything(request.user):
            related = db_field.remote_field.model._default_manager
            kwargs["queryset"] = related.filter(**{f"{path}__in": led_group_ids(request.user)})
            formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
            # AG-Leitung cannot create alliance-wide objects.
            formfield.required = True
            return formfield
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def visible_contact_partner_ids(user):
    """Partners whose contact data the user may see: all, or those in the groups it leads."""
    if sees_everything(user):
        return None
    from partners.models import Partner

    return set(
        Partner.objects.filter(working_groups__in=led_group_ids(user)).values_list("pk", flat=True)
    )


CONTACT_FIELDS = ["contact_name", "contact_email", "contact_phone"]


class PartnerContactScopedAdmin:
    """PartnerAdmin mixin: without a full role, contact data only of one's own groups' members."""

    def _hides_contact(self, request, obj):
        if sees_everything(request.user):
            return False
        return obj is None or obj.pk not in visible_contact_partner_ids(request.user)

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if self._hides_contact(request, obj):
            fields = [field for field in fields if field not in CONTACT_FIELDS]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._hides_contact(request, obj):
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in CONTACT_FIELDS]})
            for name, options in fieldsets
        ]

    def get_list_display(self, request):
        columns = super().get_list_display(request)
        if sees_everything(request.user):
            return columns
        return [column for column in columns if column not in CONTACT_FIELDS]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not sees_everything(request.user):
            # Exports carry contact data.
            for name in list(actions):
                if "export" in name:
                    del actions[name]
        return actions

    def get_search_fields(self, request):
        fields = super().get_search_fields(request)
        if sees_everything(request.user):
            return fields
        return [field for field in fields if field.lstrip("^=@") not in CONTACT_FIELDS]


# The scoped admins of the portal's models, used as first base class of their ModelAdmin.


class WorkingGroupRoleAdmin(WorkingGroupScopedAdmin):
    group_path = "pk"

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not edits_everything(request.user):
            # Who leads a group (and so gets rights) is decided by the coordination.
            fields.append("leads")
        return fields


class ProjectRoleAdmin(WorkingGroupScopedAdmin):
    group_path = "working_group"


class EventRoleAdmin(WorkingGroupScopedAdmin):
    group_path = "working_group"


class EventPartRoleAdmin(WorkingGroupScopedAdmin):
    """Invitations, registrations and minutes: they belong to the group of their event."""

    group_path = "event__working_group"


class MinutesRoleAdmin(EventPartRoleAdmin):
    """Approving needs `events.approve_minutes` (MinutesAdmin.has_approve_permission)."""


class AgendaItemRoleAdmin(WorkingGroupScopedAdmin):
    group_path = "minutes__event__working_group"
    scoped_choices = {"minutes": "event__working_group"}
